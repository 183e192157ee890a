import Foundation
import XCTest
@testable import NewsKit

/// Helpers shared by the Date*Tests files.
enum DateTestKit {
    /// UTC midnight of an ISO day ("2024-07-03").
    static func day(_ iso: String) -> Date {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return CivilDay.moment(CivilDay.days(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// Byte range of the first occurrence of `needle` in `text`.
    static func byteRange(of needle: String, in text: String) -> Range<Int> {
        let range = text.range(of: needle)!
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return start..<(start + needle.utf8.count)
    }

    /// The single mention `find` returns, failing the test otherwise.
    static func single(
        _ text: String, lang: String? = nil, parser: DateParser = DateParser(),
        file: StaticString = #filePath, line: UInt = #line
    ) -> DateMention? {
        let found = parser.find(in: text, lang: lang)
        XCTAssertEqual(found.count, 1, "\(text) -> \(found.map(\.text))", file: file, line: line)
        return found.first
    }

    /// Asserts `find` returns exactly one mention with this text, ISO value and precision,
    /// at the byte range of `matched` in `text`.
    static func expect(
        _ text: String, lang: String? = nil, parser: DateParser = DateParser(), matched: String, iso: String,
        precision: DatePrecision? = nil, calendar: String = "gregorian", weekday: Int? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let mention = single(text, lang: lang, parser: parser, file: file, line: line) else { return }
        XCTAssertEqual(mention.text, matched, file: file, line: line)
        XCTAssertEqual(mention.iso, iso, "\(text)", file: file, line: line)
        XCTAssertEqual(mention.utf8Range, byteRange(of: matched, in: text), "\(text)", file: file, line: line)
        XCTAssertEqual(mention.calendar, calendar, "\(text)", file: file, line: line)
        XCTAssertEqual(mention.weekday, weekday, "\(text)", file: file, line: line)
        if let precision { XCTAssertEqual(mention.start.precision, precision, "\(text)", file: file, line: line) }
        let bytes = Array(text.utf8)[mention.utf8Range]
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), mention.text, file: file, line: line)
    }
}

/// The date forms of issue 3, point 5, in English, Arabic, Persian and Swahili.
final class DateParserTests: XCTestCase {
    // MARK: English

    func testEnglishWordForms() {
        DateTestKit.expect("It opened on June 19, 2024 in Pyongyang.", matched: "June 19, 2024", iso: "2024-06-19", precision: .day)
        DateTestKit.expect("It opened on 19 June 2024 in Pyongyang.", matched: "19 June 2024", iso: "2024-06-19", precision: .day)
        DateTestKit.expect("Published Wednesday, 19 June 2024 at noon", lang: "en", matched: "Wednesday, 19 June 2024",
                           iso: "2024-06-19", weekday: 4)
        DateTestKit.expect("The talks resumed in June 2024.", matched: "June 2024", iso: "2024-06", precision: .month)
        DateTestKit.expect("on the 15th of June the rally", matched: "15th of June", iso: "--06-15", precision: .dayMonth)
        DateTestKit.expect("Filed Sept. 15, 2024.", lang: "en", matched: "Sept. 15, 2024", iso: "2024-09-15")
        DateTestKit.expect("in the year 2001 they met", matched: "the year 2001", iso: "2001", precision: .year)
    }

    func testEnglishRanges() {
        DateTestKit.expect("The summit runs 15-16 June 2024 in Astana.", matched: "15-16 June 2024", iso: "2024-06-15/2024-06-16")
        DateTestKit.expect("The summit runs June 15-16, 2024 in Astana.", matched: "June 15-16, 2024", iso: "2024-06-15/2024-06-16")
        DateTestKit.expect("It ran from 15 to 16 September in Samarkand.", matched: "from 15 to 16 September",
                           iso: "--09-15/--09-16", precision: .dayMonth)
        DateTestKit.expect("open from June 28 to July 2, 2024.", matched: "from June 28 to July 2, 2024",
                           iso: "2024-06-28/2024-07-02")
        DateTestKit.expect("between May 19 and 21", lang: "en", matched: "between May 19 and 21", iso: "--05-19/--05-21")
    }

    func testNumericForms() {
        DateTestKit.expect("DW – 19.06.2024", matched: "19.06.2024", iso: "2024-06-19")
        DateTestKit.expect("updated 2024-06-19T10:00", matched: "2024-06-19", iso: "2024-06-19")
        DateTestKit.expect("2024/06/19", matched: "2024/06/19", iso: "2024-06-19")
        DateTestKit.expect("on 06/19/2024 at", matched: "06/19/2024", iso: "2024-06-19")
        DateTestKit.expect("on 19/6/2024 at", matched: "19/6/2024", iso: "2024-06-19")
        DateTestKit.expect("on 19.06.24 at", matched: "19.06.24", iso: "2024-06-19")
        DateTestKit.expect("on 19.06.99 at", matched: "19.06.99", iso: "1999-06-19")
        // Ambiguous day/month: day first unless the language writes month first (ICU pattern).
        DateTestKit.expect("on 05/06/2024 at", matched: "05/06/2024", iso: "2024-06-05")
        DateTestKit.expect("on 05/06/2024 at", lang: "en", matched: "05/06/2024", iso: "2024-05-06")
        DateTestKit.expect("on 05/06/2024 at", lang: "en-US", matched: "05/06/2024", iso: "2024-05-06")
        DateTestKit.expect("on 05/06/2024 at", lang: "en-GB", matched: "05/06/2024", iso: "2024-06-05")
        DateTestKit.expect("on 05/06/2024 at", lang: "fr", matched: "05/06/2024", iso: "2024-06-05")
    }

    func testTwoDigitYearsFollowTheReference() {
        let parser = DateParser(reference: DateTestKit.day("1990-01-01"))
        DateTestKit.expect("on 19.06.24", parser: parser, matched: "19.06.24", iso: "1924-06-19")
        DateTestKit.expect("on 19.06.05", parser: parser, matched: "19.06.05", iso: "2005-06-19")
    }

    // MARK: Arabic

    func testArabicForms() {
        DateTestKit.expect("وقع الحادث في 15 سبتمبر 2022 بمدينة", matched: "15 سبتمبر 2022", iso: "2022-09-15")
        DateTestKit.expect("وصل في ١٥ سبتمبر إلى", matched: "١٥ سبتمبر", iso: "--09-15", precision: .dayMonth)
        DateTestKit.expect("في 15 أيلول/سبتمبر 2022", matched: "15 أيلول/سبتمبر 2022", iso: "2022-09-15")
        DateTestKit.expect("في 12 مايو/أيار 2018 وقع", matched: "12 مايو/أيار 2018", iso: "2018-05-12")
        DateTestKit.expect("في 2 تشرين الأول 2023.", matched: "2 تشرين الأول 2023", iso: "2023-10-02")
        DateTestKit.expect("منذ 20 كانون الثاني/يناير 2017", matched: "20 كانون الثاني/يناير 2017", iso: "2017-01-20")
        DateTestKit.expect("يوم 5 جانفي 2024 في تونس", matched: "5 جانفي 2024", iso: "2024-01-05")
        DateTestKit.expect("يوم 12 جويلية الماضي", lang: "ar", matched: "12 جويلية", iso: "--07-12")
        DateTestKit.expect("يوم 3 غشت 2019 بالرباط", lang: "ar", matched: "3 غشت 2019", iso: "2019-08-03")
        DateTestKit.expect("تأسست عام 2001 في", matched: "عام 2001", iso: "2001", precision: .year)
        DateTestKit.expect("في 11 من سبتمبر/ أيلول 2001", matched: "11 من سبتمبر/ أيلول 2001", iso: "2001-09-11")
        DateTestKit.expect("في يونيو 2017 أعلنت", matched: "يونيو 2017", iso: "2017-06", precision: .month)
        DateTestKit.expect("وفي 30 مارس 1976م خرج", matched: "30 مارس 1976م", iso: "1976-03-30")
    }

    func testArabicTodayThursdayWithoutYear() {
        let text = "التقى الرئيس الروسي، اليوم الخميس 15 سبتمبر، بنظيره"
        DateTestKit.expect(text, matched: "اليوم الخميس 15 سبتمبر", iso: "--09-15", precision: .dayMonth, weekday: 5)
        // With a reference, the year whose 15 September is a Thursday, not after the reference.
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        DateTestKit.expect(text, parser: parser, matched: "اليوم الخميس 15 سبتمبر", iso: "2022-09-15", weekday: 5)
        let published = DateParser(reference: DateTestKit.day("2022-09-15"))
        DateTestKit.expect(text, parser: published, matched: "اليوم الخميس 15 سبتمبر", iso: "2022-09-15", weekday: 5)
    }

    func testArabicRanges() {
        DateTestKit.expect("يعقد يومي 15 و16 سبتمبر في", matched: "15 و16 سبتمبر", iso: "--09-15/--09-16")
        DateTestKit.expect("بين 15 و 16 سبتمبر", matched: "بين 15 و 16 سبتمبر", iso: "--09-15/--09-16")
        DateTestKit.expect("من 14 يونيو إلى 15 يوليو المقبل", matched: "من 14 يونيو إلى 15 يوليو", iso: "--06-14/--07-15")
        DateTestKit.expect("من 11 إلى 14 فبراير 2015", matched: "من 11 إلى 14 فبراير 2015", iso: "2015-02-11/2015-02-14")
    }

    // MARK: Persian

    func testPersianGregorianForms() {
        DateTestKit.expect("نشست ۱۵ تا ۱۶ سپتامبر برگزار شد", matched: "۱۵ تا ۱۶ سپتامبر", iso: "--09-15/--09-16")
        DateTestKit.expect("در ۱۵ سپتامبر ۲۰۲۲ دیدار کردند", matched: "۱۵ سپتامبر ۲۰۲۲", iso: "2022-09-15")
        DateTestKit.expect("در سال ۲۰۰۱ میلادی", matched: "سال ۲۰۰۱ میلادی", iso: "2001", precision: .year)
        DateTestKit.expect("روز ۱۵ مه ۲۰۲۴ اعلام شد", matched: "۱۵ مه ۲۰۲۴", iso: "2024-05-15")
        DateTestKit.expect("روز ۵ می ۲۰۲۴ اعلام شد", matched: "۵ می ۲۰۲۴", iso: "2024-05-05")
        DateTestKit.expect("در 12 جولای 2011 گفت", matched: "12 جولای 2011", iso: "2011-07-12")
        DateTestKit.expect("در ۳ آگوست ۲۰۱۸", matched: "۳ آگوست ۲۰۱۸", iso: "2018-08-03")
        DateTestKit.expect("در 11 اكتبر 2007 گفت", matched: "11 اكتبر 2007", iso: "2007-10-11")
    }

    func testPersianSolarHijriForms() {
        DateTestKit.expect("روز ۱ فروردین ۱۴۰۳ آغاز شد", matched: "۱ فروردین ۱۴۰۳", iso: "2024-03-20", calendar: "persian")
        DateTestKit.expect("تاریخ ۱۴۰۳/۰۴/۱۵ ثبت شد", matched: "۱۴۰۳/۰۴/۱۵", iso: "2024-07-05", calendar: "persian")
        DateTestKit.expect("جمعه ۱۵ تیر ۱۴۰۳ برگزار شد", matched: "جمعه ۱۵ تیر ۱۴۰۳", iso: "2024-07-05",
                           calendar: "persian", weekday: 6)
        DateTestKit.expect("در ۲۲ بهمن ۱۳۵۷ پیروز شد", matched: "۲۲ بهمن ۱۳۵۷", iso: "1979-02-11", calendar: "persian")
        DateTestKit.expect("در 11تيرماه1379 بود", matched: "11تيرماه1379", iso: "2000-07-01", calendar: "persian")
        DateTestKit.expect("از ۲۰ تا ۲۳ فروردین‌ماه", matched: "از ۲۰ تا ۲۳ فروردین‌ماه", iso: "", calendar: "persian")
        DateTestKit.expect("در مهرماه ۱۴۰۲ بود", matched: "مهرماه ۱۴۰۲", iso: "2023-10", precision: .month, calendar: "persian")
        DateTestKit.expect("در سال ۱۴۰۳ شمسی", matched: "سال ۱۴۰۳ شمسی", iso: "2024", precision: .year, calendar: "persian")
        DateTestKit.expect("سال ۱۳۸۳ بود", lang: "fa", matched: "سال ۱۳۸۳", iso: "2004", precision: .year, calendar: "persian")
        DateTestKit.expect("در 26/12/1358 ثبت", matched: "26/12/1358", iso: "1980-03-16", calendar: "persian")
        DateTestKit.expect("در 27/2/90 ثبت", lang: "fa", matched: "27/2/90", iso: "2011-05-17", calendar: "persian")
    }

    func testPersianRangeWithReferenceResolvesYear() {
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        DateTestKit.expect("از ۲۰ تا ۲۳ فروردین‌ماه", parser: parser, matched: "از ۲۰ تا ۲۳ فروردین‌ماه",
                           iso: "2024-04-08/2024-04-11", calendar: "persian")
        DateTestKit.expect("۱۳ آبان", lang: "fa", parser: parser, matched: "۱۳ آبان", iso: "2023-11-04", calendar: "persian")
    }

    // MARK: Swahili

    func testSwahiliForms() {
        DateTestKit.expect("3 Julai 2024China na Urusi zimeimarisha", matched: "3 Julai 2024", iso: "2024-07-03")
        DateTestKit.expect("Alizaliwa tarehe 13 Septemba 1956 katika", matched: "13 Septemba 1956", iso: "1956-09-13")
        DateTestKit.expect("uvamizi wake nchini Ukraine mnamo Februari, 2022.", matched: "Februari, 2022", iso: "2022-02",
                           precision: .month)
        DateTestKit.expect("Alichaguliwa mwaka 2001 akiwa", matched: "mwaka 2001", iso: "2001", precision: .year)
        DateTestKit.expect("mjini Pyongyang Juni 19, 2024.Picha: AFP", matched: "Juni 19, 2024", iso: "2024-06-19")
        DateTestKit.expect("mkutano wa 15 hadi 16 Septemba", matched: "15 hadi 16 Septemba", iso: "--09-15/--09-16")
        DateTestKit.expect("Jumatano, 3 Julai 2024 mjini", matched: "Jumatano, 3 Julai 2024", iso: "2024-07-03", weekday: 4)
        DateTestKit.expect("tarehe 23 mwezi Machi mwaka 2021", lang: "sw", matched: "23 mwezi Machi mwaka 2021", iso: "2021-03-23")
        DateTestKit.expect("kuanzia Februari 24 hadi 26", matched: "kuanzia Februari 24 hadi 26", iso: "--02-24/--02-26")
        DateTestKit.expect("Machi 3 mpaka Aprili 5", lang: "sw", matched: "Machi 3 mpaka Aprili 5", iso: "--03-03/--04-05")
    }

    func testSwahiliThisYear() {
        DateTestKit.expect("Desemba 9 mwaka huu", lang: "sw", matched: "Desemba 9 mwaka huu", iso: "--12-09")
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        DateTestKit.expect("Desemba 9 mwaka huu", lang: "sw", parser: parser, matched: "Desemba 9 mwaka huu", iso: "2024-12-09")
        DateTestKit.expect("Juni mwaka huu", lang: "sw", parser: parser, matched: "Juni mwaka huu", iso: "2024-06", precision: .month)
    }

    // MARK: Glued text and several mentions

    func testSeveralMentionsInOrder() {
        let text = "Mkutano ulianza 3 Julai 2024 na kumalizika Jumamosi; mwaka 2001 ulianzishwa."
        let found = DateParser().find(in: text, lang: "sw")
        XCTAssertEqual(found.map(\.text), ["3 Julai 2024", "Jumamosi", "mwaka 2001"])
        XCTAssertEqual(found.map(\.relative), [false, true, false])
        XCTAssertEqual(found[1].weekday, 7)
        XCTAssertEqual(found[1].iso, "", "a bare weekday without reference stays unresolved")
        for mention in found {
            XCTAssertEqual(String(decoding: Array(text.utf8)[mention.utf8Range], as: UTF8.self), mention.text)
        }
    }

    func testGluedDateSplitsFromText() {
        let text = "DW – 19.06.2024Ziara hii ya kwanza"
        DateTestKit.expect(text, matched: "19.06.2024", iso: "2024-06-19")
        DateTestKit.expect("وأشار 15 سبتمبر2022بحسب", matched: "15 سبتمبر2022", iso: "2022-09-15")
    }

    // MARK: parse()

    func testParseWholeString() {
        let parser = DateParser()
        XCTAssertEqual(parser.parse("tarehe 13 Septemba 1956")?.iso, "1956-09-13")
        XCTAssertEqual(parser.parse("  19.06.2024 ")?.iso, "2024-06-19")
        XCTAssertEqual(parser.parse("Sun, 18 Feb 2018 21:35:43 +0400")?.iso, "2018-02-18")
        XCTAssertEqual(parser.parse("Sun, 18 Feb 2018 21:35:43 +0400")?.weekday, 1)
        XCTAssertEqual(parser.parse("2024-06-19T10:00:00Z")?.iso, "2024-06-19")
        XCTAssertEqual(parser.parse("2024")?.iso, "2024")
        XCTAssertEqual(parser.parse("2024-06")?.iso, "2024-06")
        XCTAssertEqual(parser.parse("۱۵ تا ۱۶ سپتامبر")?.iso, "--09-15/--09-16")
        XCTAssertEqual(parser.parse("may 5")?.iso, "--05-05", "parse trusts the caller: the string is a date")
        XCTAssertNil(parser.parse("3 Julai 2024 China na Urusi"))
        XCTAssertNil(parser.parse("hello"))
        XCTAssertNil(parser.parse(""))
        let mention = parser.parse("on 15 June")
        XCTAssertEqual(mention?.text, "15 June")
        XCTAssertEqual(mention?.utf8Range, 3..<10)
    }

    func testMentionIsoJoinsRange() {
        let mention = DateMention(start: PartialDate(year: 2024, month: 6, day: 15), end: PartialDate(year: 2024, month: 6, day: 16),
                                  utf8Range: 0..<5, text: "x")
        XCTAssertEqual(mention.iso, "2024-06-15/2024-06-16")
        XCTAssertEqual(PartialDate(year: nil, month: 9, day: 15).iso, "--09-15")
        XCTAssertEqual(PartialDate(year: nil, month: 9, day: 15).precision, .dayMonth)
        XCTAssertEqual(PartialDate(year: 2024, month: 7, day: nil).iso, "2024-07")
        XCTAssertEqual(PartialDate(year: 987, month: nil, day: nil).iso, "0987")
        let encoded = try? JSONEncoder().encode(PartialDate(year: nil, month: 9, day: 15))
        XCTAssertEqual(encoded.flatMap { String(data: $0, encoding: .utf8) }?.contains("\"day-month\""), true)
    }
}

extension DateParserTests {
    func testSolarMonthsHaveThirtyOneDays() {
        DateTestKit.expect("شامگاه 31 شهريور امسال", lang: "fa", matched: "31 شهريور امسال", iso: "", calendar: "persian")
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        // 31 Ordibehesht 1403 = 20 May 2024, a Monday; as a Tuesday it is 1398 (21 May 2019).
        DateTestKit.expect("دوشنبه ۳۱ اردیبهشت ساعت", lang: "fa", parser: parser, matched: "دوشنبه ۳۱ اردیبهشت",
                           iso: "2024-05-20", calendar: "persian", weekday: 2)
        DateTestKit.expect("سه شنبه ۳۱ اردیبهشت ساعت", lang: "fa", parser: parser, matched: "سه شنبه ۳۱ اردیبهشت",
                           iso: "2019-05-21", calendar: "persian", weekday: 3)
        DateTestKit.expect("از تاریخ 29 لغایت 31 شهریورماه", lang: "fa", parser: parser, matched: "29 لغایت 31 شهریورماه",
                           iso: "2023-09-20/2023-09-22", calendar: "persian")
    }
}

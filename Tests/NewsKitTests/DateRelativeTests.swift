import Foundation
import XCTest
@testable import NewsKit

/// Relative words, bare weekdays and missing years, resolved against a reference day
/// (Wednesday 3 July 2024 unless said otherwise).
final class DateRelativeTests: XCTestCase {
    private let wednesday = DateParser(reference: DateTestKit.day("2024-07-03"))

    private func resolved(_ text: String, lang: String? = nil, parser: DateParser? = nil,
                          file: StaticString = #filePath, line: UInt = #line) -> DateMention? {
        let mention = DateTestKit.single(text, lang: lang, parser: parser ?? wednesday, file: file, line: line)
        XCTAssertEqual(mention?.relative, true, text, file: file, line: line)
        return mention
    }

    func testRelativeWords() {
        XCTAssertEqual(resolved("the vote is today", lang: "en")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("as announced yesterday", lang: "en")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("the match tomorrow", lang: "en")?.iso, "2024-07-04")
        XCTAssertEqual(resolved("وصل اليوم إلى", lang: "ar")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("قال أمس إن", lang: "ar")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("يصل غداً إلى", lang: "ar")?.iso, "2024-07-04")
        XCTAssertEqual(resolved("وصل أول من أمس", lang: "ar")?.iso, "2024-07-01")
        XCTAssertEqual(resolved("امروز گفت", lang: "fa")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("دیروز گفت", lang: "fa")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("فردا می‌رود", lang: "fa")?.iso, "2024-07-04")
        XCTAssertEqual(resolved("Rais alisema leo kuwa", lang: "sw")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("alisema jana kuwa", lang: "sw")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("atawasili kesho", lang: "sw")?.iso, "2024-07-04")
        XCTAssertEqual(resolved("il est arrivé aujourd'hui", lang: "fr")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("il est arrivé hier", lang: "fr")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("at today's meeting", lang: "en")?.text, "today")
        XCTAssertEqual(resolved("after Monday’s vote", lang: "en")?.iso, "2024-07-01")
    }

    func testRelativeWordsWithoutReferenceStayUnresolved() {
        let mention = DateTestKit.single("the vote is today", lang: "en")
        XCTAssertEqual(mention?.relative, true)
        XCTAssertEqual(mention?.iso, "")
        XCTAssertNil(mention?.start.year)
    }

    func testWeekdaysAlone() {
        // The most recent such weekday on or before the reference.
        XCTAssertEqual(resolved("Putin aliwasili Jumatano asubuhi", lang: "sw")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("Xi aliwasili siku ya Jumanne", lang: "sw")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("التقى الزعيمان الخميس على هامش", lang: "ar")?.iso, "2024-06-27")
        XCTAssertEqual(resolved("روز چهارشنبه دیدار کردند", lang: "fa")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("روز سه‌شنبه دیدار کردند", lang: "fa")?.weekday, 3)
        XCTAssertEqual(resolved("روز سه شنبه دیدار کردند", lang: "fa")?.weekday, 3)
        XCTAssertEqual(resolved("They met on Thursday in Astana", lang: "en")?.iso, "2024-06-27")
        XCTAssertEqual(resolved("They met on Thursday in Astana")?.weekday, 5, "English weekdays also without lang")
        XCTAssertEqual(resolved("They met on Thursday in Astana", lang: "en")?.text, "Thursday")
    }

    func testWeekdaysWithLastAndNext() {
        XCTAssertEqual(resolved("He spoke last Tuesday", lang: "en")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("He spoke last Wednesday", lang: "en")?.iso, "2024-06-26")
        XCTAssertEqual(resolved("They meet next Monday", lang: "en")?.iso, "2024-07-08")
        XCTAssertEqual(resolved("Alisema Jumanne iliyopita", lang: "sw")?.text, "Jumanne iliyopita")
        XCTAssertEqual(resolved("Alisema Jumanne iliyopita", lang: "sw")?.iso, "2024-07-02")
        XCTAssertEqual(resolved("وقال الخميس الماضي", lang: "ar")?.iso, "2024-06-27")
        XCTAssertEqual(resolved("يزور الجمعة المقبل", lang: "ar")?.iso, "2024-07-05")
        XCTAssertEqual(resolved("پنجشنبه گذشته", lang: "fa")?.iso, "2024-06-27")
    }

    func testRelativeWordWithWeekday() {
        let today = resolved("وصل اليوم الأربعاء إلى", lang: "ar")
        XCTAssertEqual(today?.text, "اليوم الأربعاء")
        XCTAssertEqual(today?.iso, "2024-07-03")
        XCTAssertEqual(today?.weekday, 4)
        XCTAssertEqual(resolved("امروز چهارشنبه گفت", lang: "fa")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("alisema leo Jumatano", lang: "sw")?.iso, "2024-07-03")
        XCTAssertEqual(resolved("alisema jana Jumanne", lang: "sw")?.iso, "2024-07-02")
        // The weekday wins over a relative word off by a day (an article dated the day after).
        XCTAssertEqual(resolved("وقال أمس الثلاثاء", lang: "ar", parser: DateParser(reference: DateTestKit.day("2024-07-04")))?.iso,
                       "2024-07-02")
    }

    func testDateWithoutYearTakesTheMostRecentOccurrence() {
        DateTestKit.expect("on 15 June", parser: wednesday, matched: "15 June", iso: "2024-06-15")
        DateTestKit.expect("on 8 July", parser: wednesday, matched: "8 July", iso: "2024-07-08", precision: .day)
        DateTestKit.expect("on 15 July", parser: wednesday, matched: "15 July", iso: "2023-07-15")
        DateTestKit.expect("on 28 December to 2 January", parser: DateParser(reference: DateTestKit.day("2025-01-10")),
                           matched: "28 December to 2 January", iso: "2024-12-28/2025-01-02")
        DateTestKit.expect("Leap day 29 February", parser: wednesday, matched: "29 February", iso: "2024-02-29")
        DateTestKit.expect("Leap day 29 February", parser: DateParser(reference: DateTestKit.day("2023-06-01")),
                           matched: "29 February", iso: "2020-02-29")
    }

    func testWeekdayChoosesTheYear() {
        // 15 September was a Thursday in 2022; a Friday in 2023; a Sunday in 2024.
        let later = DateParser(reference: DateTestKit.day("2025-01-01"))
        DateTestKit.expect("الخميس 15 سبتمبر", parser: later, matched: "الخميس 15 سبتمبر", iso: "2022-09-15", weekday: 5)
        DateTestKit.expect("Friday, 15 September", lang: "en", parser: later, matched: "Friday, 15 September", iso: "2023-09-15", weekday: 6)
        DateTestKit.expect("Jumapili, 15 Septemba", parser: later, matched: "Jumapili, 15 Septemba", iso: "2024-09-15", weekday: 1)
        DateTestKit.expect("پنجشنبه ۱۵ سپتامبر", parser: later, matched: "پنجشنبه ۱۵ سپتامبر", iso: "2022-09-15", weekday: 5)
        // No year within six years has the weekday: fall back to the most recent occurrence.
        DateTestKit.expect("Monday, 29 February", lang: "en", parser: later, matched: "Monday, 29 February", iso: "2024-02-29", weekday: 2)
    }
}

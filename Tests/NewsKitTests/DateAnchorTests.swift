import Foundation
import XCTest
@testable import NewsKit

/// Issue 11, point 5: bare years and months, double month names, "next" after a date, Persian
/// dates without a year or with two digits, read against the article's date or a date in its URL.
/// Sentences from ../shared/corpus (Tehran Times, Al Arabiya, Fars), embedded.
final class DateAnchorTests: XCTestCase {
    private func find(_ text: String, lang: String, reference: String? = nil) -> [DateMention] {
        DateParser(reference: reference.map(DateTestKit.day)).find(in: text, lang: lang)
    }

    /// tt-100937, tt-104002, tt-101883: "in 1980", "in 1900"; "in June" is the June nearest the
    /// article's date.
    func testEnglishBareYearsAndMonths() {
        let years = find("The United States cut off its ties with Iran in 1980 following the capture of its embassy.", lang: "en")
        XCTAssertEqual(years.map(\.iso), ["1980"])
        XCTAssertEqual(years.first?.text, "1980")
        let months = find("Iran's Statistical Center (ISC) said in a report in June that the unemployment rate rose.",
                          lang: "en", reference: "2016-08-10")
        XCTAssertEqual(months.map(\.iso), ["2016-06"])
        XCTAssertEqual(months.first?.text, "June")
        XCTAssertEqual(find("The talks will resume in October, officials said.", lang: "en", reference: "2016-08-10").map(\.iso), ["2016-10"])
        XCTAssertEqual(find("The talks were held last October.", lang: "en", reference: "2016-08-10").map(\.iso), ["2015-10"])
        XCTAssertEqual(find("He said he may visit later.", lang: "en", reference: "2016-08-10").map(\.iso), [])
        XCTAssertEqual(find("in June that the rate rose", lang: "en").map(\.iso), [], "no anchor, no month")
    }

    /// AL-economy-653-20180523: "فبراير شباط 2016", the two Arabic names of one month.
    func testArabicDoubleMonthNames() {
        let found = find("وبلغت العقود ذروتها السابقة عند 405 نقاط أساس في فبراير شباط 2016، حين انخفضت أسعار النفط.", lang: "ar")
        XCTAssertEqual(found.map(\.iso), ["2016-02"])
        XCTAssertEqual(found.first?.text, "فبراير شباط 2016")
        XCTAssertEqual(find("ومن المنتظر أن يقرها الوزراء في اجتماع يوم 13 مارس/آذار 2018.", lang: "ar").map(\.iso), ["2018-03-13"])
    }

    /// AL-culture-77-20180220 (20 February 2018): "4 ابريل/نيسان المقبل" is the coming April.
    func testArabicNextGoesForward() {
        let found = find("وتم تحديد جلسة في 4 ابريل/نيسان المقبل، مشيراً إلى كونه لم يكن يتوقع.", lang: "ar", reference: "2018-02-20")
        XCTAssertEqual(found.map(\.iso), ["2018-04-04"])
        XCTAssertEqual(found.first?.text, "4 ابريل/نيسان")
        // AL-economy-226-20180313.
        XCTAssertEqual(find("خلال الفترة بين 20 مارس الجاري وحتى 20 أبريل المقبل بمناسبة اليوم العالمي للسعادة.", lang: "ar",
                            reference: "2018-03-13").first { $0.text.contains("أبريل") }?.iso, "2018-04-20")
        XCTAssertEqual(find("تنتهي المهلة في أكتوبر المقبل.", lang: "ar", reference: "2018-11-02").map(\.iso), ["2019-10"])
    }

    /// fars-13940811001233, fars-13921112001377: two-digit Solar Hijri years.
    func testPersianTwoDigitYears() {
        XCTAssertEqual(find("منتشر شده در تاریخ 30 مهر ماه 94 و در پاسخ به رونوشت نامه", lang: "fa").map(\.iso), ["2015-10-22"])
        XCTAssertEqual(find("این برنامه ساعت 23 امشب (شنبه 12 بهمن 92) از شبکه یک سیما روی آنتن می‌رود.", lang: "fa").map(\.iso),
                       ["2014-02-01"])
    }

    /// fars-743619e8d4b3 (https://www.farsnews.ir/news/8707060255, 6 Mehr 1387): a day and month
    /// without year, read against the date of the URL.
    func testPersianDayMonthAgainstTheURLDate() throws {
        let anchor = try XCTUnwrap(DateAnchor.urlDay("https://www.farsnews.ir/news/8707060255"))
        XCTAssertEqual(DateResolver.partial(anchor).iso, "2008-09-27")
        let reference = DateResolver.partial(anchor).iso
        let found = find("علاقه‌مندان مي‌توانند تا 20 آذر از اين نمايشگاه در نگارخانه مجتمع فرهنگي بازديد كنند.", lang: "fa", reference: reference)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.start.precision, .day, "20 Azar of a year the URL's date gives")
        XCTAssertEqual(found.first?.start.month, 12)
        XCTAssertEqual(find("تا 20 آذر از اين نمايشگاه", lang: "fa").map(\.iso), [""], "no anchor: a Solar Hijri day without year is not resolved")
        XCTAssertEqual(DateAnchor.urlDay("https://www.farsnews.ir/news/13970506001199/شروع-طوفانی").map { DateResolver.partial($0).iso },
                       "2018-07-28")
        XCTAssertEqual(DateAnchor.urlDay("http://www.alarabiya.net/ar/culture-and-art/2018/02/18/هكذا-تحالفت.html")
            .map { DateResolver.partial($0).iso }, "2018-02-18")
        XCTAssertNil(DateAnchor.urlDay("https://www.bbc.com/swahili/55532203"))
    }
}

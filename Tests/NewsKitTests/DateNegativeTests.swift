import Foundation
import XCTest
@testable import NewsKit

/// Text that must not become a date.
final class DateNegativeTests: XCTestCase {
    private func assertNoDate(_ text: String, lang: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let found = DateParser().find(in: text, lang: lang)
        XCTAssertTrue(found.isEmpty, "\(text) -> \(found.map(\.text))", file: file, line: line)
    }

    func testBareNumbersAreNotDates() {
        assertNoDate("He watched 2001 Space Odyssey twice.")
        assertNoDate("The 2024 budget rose by 15 percent.")
        // Issue 11: "in 2019" is a year (the preposition cues it); the counts beside it are not dates.
        XCTAssertEqual(DateParser().find(in: "He scored 15 goals in 2019 and 12 in 2020.").map(\.text), ["2019", "2020"])
        assertNoDate("He scored 15 goals and 12 assists.")
        assertNoDate("٢٠٢٤ و ١٥ و ٣٠")
        assertNoDate("The total was 1,250 units and 3.5 tonnes.")
    }

    func testPhoneNumbersAndAddressesAreNotDates() {
        assertNoDate("Call 0912 345 6789 or +98-21-1234-5678 now.")
        assertNoDate("Server 10.10.10.10 and build 2024-06-19-3 failed.")
        assertNoDate("Open 24/7, scores 2-1 and 3/4 of voters.")
    }

    /// Decision: English "may" and "march" are months only when capitalised; with a lower-case
    /// first letter they are the verb ("prices may 5%" is malformed anyway, "may 5" in prose
    /// is rare, "May 5" as a date is common).
    func testMayAndMarchAsWords() {
        assertNoDate("Officials say they may 5 times a year.", lang: "en")
        assertNoDate("they march 10 miles every day", lang: "en")
        assertNoDate("they march 10 miles every day")
        DateTestKit.expect("Elections on May 5 were", lang: "en", matched: "May 5", iso: "--05-05")
        DateTestKit.expect("Elections on March 10 were", matched: "March 10", iso: "--03-10")
    }

    func testRareLanguagesNeedAFullDate() {
        // "saa" (hour) and "kwa" (for) are month abbreviations somewhere in CLDR; "China" is
        // Thursday in Shona. Without a full date around them they are words.
        assertNoDate("Mkutano ulianza saa 24 kwa saa 10 mjini.")
        assertNoDate("Mkutano ulianza saa 24 kwa saa 10 mjini.", lang: "sw")
        assertNoDate("He will travel to China next week.")
        assertNoDate("The exam fee of 10 dollars.")
        DateTestKit.expect("Putin visited China 15 June", matched: "15 June", iso: "--06-15")
    }

    func testArabicWordsThatLookLikeMonthsOrWeekdays() {
        assertNoDate("فاز الفريق 1-صفر على منافسه", lang: "ar")
        assertNoDate("فاز الفريق 2 - صفر على منافسه")
        assertNoDate("لم يتمكن أحد من الوصول", lang: "ar")
        assertNoDate("لم يتمكن أحد من الوصول")
    }

    func testPersianVerbPrefixIsNotMay() {
        assertNoDate("تعداد آنها ۵ می‌شود", lang: "fa")
        assertNoDate("تعداد آنها 5 مي شود", lang: "fa")
        assertNoDate("تعداد آنها 5 مي شود")
        assertNoDate("به میزان ۱۰ درصد افزایش یافت", lang: "fa")
    }

    func testSwahiliNamesThatAreRelativeWordsNeedTheLanguage() {
        assertNoDate("Pope Leo met Jana Novak.")
        XCTAssertEqual(DateParser().find(in: "Rais alisema leo", lang: "sw").first?.text, "leo")
    }

    func testSingleNumbersAroundMonthsAreNotRanges() {
        let found = DateParser().find(in: "on 5 and 12 June", lang: "en")
        XCTAssertEqual(found.map(\.text), ["12 June"], "two separate days, not a range")
    }

    func testInvalidDatesAreRejected() {
        assertNoDate("on 31 June 2024 and 30.02.2024")
        assertNoDate("on 2024-13-01")
        assertNoDate("on 32 Julai")
    }
}

extension DateNegativeTests {
    func testProductNamesAndVersionNumbers() {
        assertNoDate("the Huawei Mate 20 Pro and the 10 Pro")
        assertNoDate("release 2.18.61 is out")
        assertNoDate("۶ جوان در مسابقه", lang: "fa")
        DateTestKit.expect("on 12/18/2024 at", matched: "12/18/2024", iso: "2024-12-18")
        DateTestKit.expect("on Feb 1, 1979 he", matched: "Feb 1, 1979", iso: "1979-02-01")
        DateTestKit.expect("on Aug. 1 he", matched: "Aug. 1", iso: "--08-01")
    }
}

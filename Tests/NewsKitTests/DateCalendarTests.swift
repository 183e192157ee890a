import Foundation
import XCTest
@testable import NewsKit

/// Solar Hijri and Hijri conversion against dates known from the Iranian and Saudi calendars.
final class DateCalendarTests: XCTestCase {
    func testSolarHijriKnownDates() {
        // Nowruz 1403 fell on 20 March 2024; the Islamic Revolution on 22 Bahman 1357 = 11 February 1979.
        XCTAssertEqual(DateResolver.dayNumber(.persian, 1403, 1, 1).map(DateResolver.partial)?.iso, "2024-03-20")
        XCTAssertEqual(DateResolver.dayNumber(.persian, 1357, 11, 22).map(DateResolver.partial)?.iso, "1979-02-11")
        XCTAssertEqual(DateResolver.dayNumber(.persian, 1402, 1, 1).map(DateResolver.partial)?.iso, "2023-03-21")
        XCTAssertNil(DateResolver.dayNumber(.persian, 1403, 7, 31), "months 7-11 have 30 days")
        XCTAssertNil(DateResolver.dayNumber(.persian, 1402, 12, 30), "1402 is not a leap year")
        XCTAssertNotNil(DateResolver.dayNumber(.persian, 1403, 12, 30), "1403 is a leap year")
    }

    func testHijriUmmAlQuraKnownDates() {
        // Saudi Umm al-Qura: 1 Ramadan 1445 = 11 March 2024, 1 Shawwal 1445 = 10 April 2024,
        // 10 Dhu al-Hijjah 1445 = 16 June 2024, 1 Muharram 1446 = 7 July 2024.
        XCTAssertEqual(DateResolver.dayNumber(.islamic, 1445, 9, 1).map(DateResolver.partial)?.iso, "2024-03-11")
        XCTAssertEqual(DateResolver.dayNumber(.islamic, 1445, 10, 1).map(DateResolver.partial)?.iso, "2024-04-10")
        XCTAssertEqual(DateResolver.dayNumber(.islamic, 1445, 12, 10).map(DateResolver.partial)?.iso, "2024-06-16")
        XCTAssertEqual(DateResolver.dayNumber(.islamic, 1446, 1, 1).map(DateResolver.partial)?.iso, "2024-07-07")
    }

    func testHijriInText() {
        DateTestKit.expect("بدأ الصيام في 1 رمضان 1445 هـ في", matched: "1 رمضان 1445 هـ", iso: "2024-03-11", calendar: "islamic")
        DateTestKit.expect("يوم 10 ذو الحجة 1445هـ", matched: "10 ذو الحجة 1445هـ", iso: "2024-06-16", calendar: "islamic")
        DateTestKit.expect("الموافق 12/2/1439هـ", matched: "12/2/1439هـ", iso: "2017-11-01", calendar: "islamic")
        DateTestKit.expect("روز ۱ محرم ۱۴۴۶ ه.ق", matched: "۱ محرم ۱۴۴۶ ه.ق", iso: "2024-07-07", calendar: "islamic")
        DateTestKit.expect("on 1 Muharram 1446 AH", lang: "en", matched: "1 Muharram 1446 AH", iso: "2024-07-07", calendar: "islamic")
        DateTestKit.expect("في شهر رمضان 1445", matched: "رمضان 1445", iso: "2024-03", precision: .month, calendar: "islamic")
        DateTestKit.expect("عام 1445 هـ", matched: "عام 1445 هـ", iso: "2024", precision: .year, calendar: "islamic")
    }

    func testHijriCueWords() {
        // "هجري شمسي" / "ه.ش" mark Solar Hijri; "هـ" and "ق" lunar; "م" and "میلادی" Gregorian.
        DateTestKit.expect("سنة 1403 هجري شمسي", matched: "سنة 1403 هجري شمسي", iso: "2024", precision: .year, calendar: "persian")
        DateTestKit.expect("در ۱۴۰۳/۱/۱ ه.ش", matched: "۱۴۰۳/۱/۱ ه.ش", iso: "2024-03-20", calendar: "persian")
        DateTestKit.expect("في 1445/9/1 هـ", matched: "1445/9/1 هـ", iso: "2024-03-11", calendar: "islamic")
        DateTestKit.expect("في ١٤٤٥/٩/١", matched: "١٤٤٥/٩/١", iso: "2024-03-11", calendar: "islamic")
        DateTestKit.expect("في 1445/9/1", lang: "ar", matched: "1445/9/1", iso: "2024-03-11", calendar: "islamic")
        DateTestKit.expect("در 1403/1/1", matched: "1403/1/1", iso: "2024-03-20", calendar: "persian")
    }

    func testHijriWithoutYearNeedsAReference() {
        DateTestKit.expect("يوم 27 رمضان", lang: "ar", matched: "27 رمضان", iso: "", calendar: "islamic")
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        // 27 Ramadan 1445 = 6 April 2024, the latest before the reference.
        DateTestKit.expect("يوم 27 رمضان", lang: "ar", parser: parser, matched: "27 رمضان", iso: "2024-04-06", calendar: "islamic")
    }

    func testThaiBuddhistEra() {
        DateTestKit.expect("19 มิถุนายน 2567", matched: "19 มิถุนายน 2567", iso: "2024-06-19")
    }

    func testCivilDayArithmetic() {
        XCTAssertEqual(CivilDay.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDay.weekday(0), 5, "1970-01-01 was a Thursday")
        XCTAssertEqual(CivilDay.weekday(CivilDay.days(year: 2022, month: 9, day: 15)), 5)
        for days in stride(from: -800_000, to: 800_000, by: 997) {
            let date = CivilDay.date(days)
            XCTAssertEqual(CivilDay.days(year: date.year, month: date.month, day: date.day), days)
        }
        XCTAssertEqual(CivilDay.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilDay.daysInMonth(year: 1900, month: 2), 28)
        XCTAssertEqual(CivilDay.days(of: DateTestKit.day("2024-07-03")), CivilDay.days(year: 2024, month: 7, day: 3))
    }
}

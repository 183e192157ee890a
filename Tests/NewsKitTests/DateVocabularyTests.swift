import Foundation
import XCTest
@testable import NewsKit

/// Month and weekday names come from CLDR for every locale; the data file adds press spellings.
final class DateVocabularyTests: XCTestCase {
    func testDataFileLoads() {
        XCTAssertNotNil(DateVocabularySources.loadWordsFile(), "Resources/dates/date-words.json must decode")
    }

    func testCLDRNamesOfManyLanguages() {
        DateTestKit.expect("am 19. Juni 2024 in Berlin", matched: "19. Juni 2024", iso: "2024-06-19")
        DateTestKit.expect("le 3 juillet 2024 à Paris", matched: "3 juillet 2024", iso: "2024-07-03")
        DateTestKit.expect("el 19 de junio de 2024 en", matched: "19 de junio de 2024", iso: "2024-06-19")
        DateTestKit.expect("19 июня 2024 года в Москве", matched: "19 июня 2024 года", iso: "2024-06-19")
        DateTestKit.expect("19 Haziran 2024 tarihinde", matched: "19 Haziran 2024", iso: "2024-06-19")
        DateTestKit.expect("19 جون 2024 کو", matched: "19 جون 2024", iso: "2024-06-19")
        DateTestKit.expect("2024. június 19. óta", matched: "2024. június 19.", iso: "2024-06-19")
        DateTestKit.expect("会谈于2024年6月19日举行", matched: "2024年6月19日", iso: "2024-06-19")
        DateTestKit.expect("2024년 6월 19일 평양", matched: "2024년 6월 19일", iso: "2024-06-19")
        DateTestKit.expect("3 listopada 2024", lang: "pl", matched: "3 listopada 2024", iso: "2024-11-03")
        DateTestKit.expect("19 Ιουνίου 2024", matched: "19 Ιουνίου 2024", iso: "2024-06-19")
        DateTestKit.expect("du 15 au 16 juin 2024", lang: "fr", matched: "du 15 au 16 juin 2024", iso: "2024-06-15/2024-06-16")
    }

    func testFoldingIgnoresCaseDiacriticsAndLetterVariants() {
        DateTestKit.expect("19 JUNE 2024", matched: "19 JUNE 2024", iso: "2024-06-19")
        DateTestKit.expect("le 3 fevrier 2024", matched: "3 fevrier 2024", iso: "2024-02-03")
        DateTestKit.expect("في 15 سبـتمبر 2022", matched: "15 سبـتمبر 2022", iso: "2022-09-15")
        DateTestKit.expect("في 15 ابريل 2022", matched: "15 ابريل 2022", iso: "2022-04-15")
        DateTestKit.expect("در 15 فروردين 1403", matched: "15 فروردين 1403", iso: "2024-04-03", calendar: "persian")
        DateTestKit.expect("در 15 فروردین 1403", matched: "15 فروردین 1403", iso: "2024-04-03", calendar: "persian")
    }

    func testLanguageNarrowsAmbiguousNames() {
        // "listopad" is November in Polish and Czech, October in Croatian.
        DateTestKit.expect("3 listopad 2024", lang: "pl", matched: "3 listopad 2024", iso: "2024-11-03")
        DateTestKit.expect("3 listopad 2024", lang: "hr", matched: "3 listopad 2024", iso: "2024-10-03")
    }

    func testLanguagesFilter() {
        let english = DateParser(languages: ["en"])
        XCTAssertTrue(english.find(in: "3 Julai 2024").isEmpty)
        XCTAssertEqual(english.find(in: "3 July 2024").first?.iso, "2024-07-03")
        XCTAssertEqual(DateParser(languages: ["sw"]).find(in: "3 Julai 2024").first?.iso, "2024-07-03")
        XCTAssertEqual(DateParser(languages: ["sw"]).find(in: "19.06.2024").first?.iso, "2024-06-19", "numbers need no names")
    }

    func testFoldingOfWords() {
        func fold(_ word: String) -> String {
            var folder = DateWordFolder()
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { folder.appendWord($0, 0..<bytes.count) }
            return String(decoding: folder.bytes, as: UTF8.self)
        }
        XCTAssertEqual(fold("Février"), "fevrier")
        XCTAssertEqual(fold("أيلول"), fold("ايلول"))
        XCTAssertEqual(fold("ربیع‌الاول"), fold("ربيعالاول"), "ZWNJ dropped, Persian yeh unified")
        XCTAssertEqual(fold("الجمعة"), fold("الجمعه"))
        XCTAssertEqual(fold("يکشنبه"), fold("یكشنبه"))
        XCTAssertEqual(fold("سبـتمبر"), "سبتمبر", "tatweel dropped")
        XCTAssertEqual(fold("غداً"), "غدا", "tanween dropped")
    }

    func testVocabularyIsSharedAndConcurrentUseIsSafe() {
        let parser = DateParser(reference: DateTestKit.day("2024-07-03"))
        let texts = ["3 Julai 2024", "۱۵ تا ۱۶ سپتامبر", "اليوم الخميس 15 سبتمبر", "June 19, 2024", "Jumatano"]
        let expected = texts.map { parser.find(in: $0).map(\.iso) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var mismatches = 0
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let mismatches = zip(texts, expected).filter { parser.find(in: $0.0).map(\.iso) != $0.1 }.count
            results.lock.lock()
            results.mismatches += mismatches
            results.lock.unlock()
        }
        XCTAssertEqual(results.mismatches, 0)
        XCTAssertEqual(expected[0], ["2024-07-03"])
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// Issue 11, point 3: people outside the knowledge base linked across scripts. Spellings as
/// ../shared/corpus writes them (Tehran Times, Al Arabiya/Sky News Arabia/BBC Arabic, Fars News).
final class NameKeyTests: XCTestCase {
    func assertLinked(_ spellings: [String], file: StaticString = #filePath, line: UInt = #line) {
        let keys = spellings.map(NameKey.key(for:))
        XCTAssertNotNil(keys.first ?? nil, "\(spellings[0]) has no key", file: file, line: line)
        for (spelling, key) in zip(spellings, keys) {
            XCTAssertEqual(key, keys[0], "\(spelling) vs \(spellings[0])", file: file, line: line)
        }
    }

    func testCorpusSpellingsOfOnePersonShareAKey() {
        // Tehran Times "Anwar Gargash"; Al Arabiya "أنور قرقاش"; the Persian spelling.
        assertLinked(["Anwar Gargash", "أنور قرقاش", "انور قرقاش", "انور قرقاش"])
        XCTAssertEqual(NameKey.key(for: "Anwar Gargash"), "anrkrkS")
        // Iran's foreign ministry spokesman: Tehran Times, Sky News Arabia, Fars.
        assertLinked(["Bahram Qassemi", "بهرام قاسمي", "بهرام قاسمی"])
        // The UN envoy for Syria: Tehran Times, Arabic press.
        assertLinked(["Staffan de Mistura", "ستافان دي ميستورا"])
    }

    /// Persian letters (ی, ک, گ, پ, چ, ژ), hamza forms, ZWNJ, the article and doubled letters.
    func testFoldingOfLetterVariants() {
        XCTAssertEqual(NameKey.key(for: "علی اکبر ولایتی"), NameKey.key(for: "علي أكبر ولايتي"))
        XCTAssertEqual(NameKey.key(for: "Ali Akbar Velayati"), NameKey.key(for: "علی اکبر ولایتی"))
        XCTAssertEqual(NameKey.key(for: "Bashar al-Assad"), NameKey.key(for: "بشار الأسد"))
        XCTAssertEqual(NameKey.key(for: "Bashar Assad"), NameKey.key(for: "بشار الأسد"))
        XCTAssertEqual(NameKey.key(for: "Ali Shamkhani"), NameKey.key(for: "علي شمخاني"))
        XCTAssertEqual(NameKey.key(for: "Ali Shamkhani"), NameKey.key(for: "علی شمخانی"))
        // Other scripts through ICU: Cyrillic.
        XCTAssertEqual(NameKey.key(for: "Сергей Лавров"), NameKey.key(for: "Sergei Lavrov"))
        XCTAssertEqual(NameKey.key(for: "Çavuşoğlu Mevlüt"), NameKey.key(for: "Cavusoglu Mevlut"))
    }

    /// Names that must not be linked: one word, too short a skeleton, or of a script the key does not read.
    func testFalsePairsAreRefused() {
        XCTAssertNil(NameKey.key(for: "Gargash"), "one word")
        XCTAssertNil(NameKey.key(for: "قرقاش"), "one word")
        // Fars' حسني‌پور is one surname (its ZWNJ is inside the word): no key, so not Hassan Boyeri.
        XCTAssertNil(NameKey.key(for: "حسني‌پور"))
        // Ali Karimi and Ali Karami are two people; their skeleton (lkrm) is too short to say which.
        XCTAssertNil(NameKey.key(for: "Ali Karimi"))
        XCTAssertNil(NameKey.key(for: "علي كريمي"))
        XCTAssertNil(NameKey.key(for: "Ali Reza"))
        XCTAssertNil(NameKey.key(for: "習近平 主席"), "Han: no key")
        XCTAssertNil(NameKey.key(for: "Mohammad 2nd"), "digits")
        // Different people, different keys.
        XCTAssertNotEqual(NameKey.key(for: "Bahram Qassemi"), NameKey.key(for: "Qassem Soleimani"))
        XCTAssertNotEqual(NameKey.key(for: "Anwar Gargash"), NameKey.key(for: "Anwar Sadat"))
        // A word opening with a vowel: Tehran Times' Hamid Hesam is not Al Arabiya's أحمد حسام,
        // nor Hamid Mohammadi أحمد محمد; Ahmad Motamedi is احمد معتمدي.
        XCTAssertNotEqual(NameKey.key(for: "Hamid Hesam"), NameKey.key(for: "أحمد حسام"))
        XCTAssertNotEqual(NameKey.key(for: "Hamid Mohammadi"), NameKey.key(for: "أحمد محمد"))
        XCTAssertEqual(NameKey.key(for: "Ahmad Motamedi"), NameKey.key(for: "احمد معتمدي"))
        // Ali-Akbar with a hyphen, علی‌اکبر with a ZWNJ: two words each.
        XCTAssertEqual(NameKey.key(for: "Ali-Akbar Velayati"), NameKey.key(for: "علی‌اکبر ولایتی"))
    }

    func testConfidenceGrowsWithTheKey() {
        XCTAssertLessThan(NameKey.confidence(ofKey: "anrkrkS"), NameKey.confidence(ofKey: "stfndmstr"))
        XCTAssertLessThanOrEqual(NameKey.confidence(ofKey: "stfndmstr"), 1)
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// The knowledge base's set-up short cuts against the Foundation calls and copies they skip: a
/// folded spelling trimmed, a tiny token told and a spelling's capitals read, as they were before, on random spellings with spaces,
/// line feeds and marks at either end.
final class KnowledgeBaseSetupSpeedTests: XCTestCase {
    static let pieces = FoldingPropertyTests.alphabet + [" ", "\n", " \u{301}", "\u{301} ", "\r\n", "Xi", "شي", "普京", "Li Qiang"]

    func testFoldedSpellingsAreTrimmedAsFoundationTrimsThem() {
        var rng = FoldingPropertyTests.SplitMix(state: 77)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 6) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let reference = TextFolder.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: " \n"))
            XCTAssertEqual(Array(KnowledgeBase.foldSpelling(text).utf8), Array(reference.utf8), text.debugDescription)
        }
    }

    func testTinyTokensAreTheOnesWithoutASpaceFoundationFinds() {
        var rng = FoldingPropertyTests.SplitMix(state: 78)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 4) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let folded = KnowledgeBase.foldSpelling(text)
            let letters = folded.unicodeScalars.filter { $0.properties.isAlphabetic }
            let reference = !folded.contains(" ")
                && !letters.contains(where: { FoldedCharacter.kind(ofScalar: $0.value) == .continuous })
                && letters.count <= 2
            XCTAssertEqual(CompiledKnowledgeBase.isTinyToken(folded), reference, folded.debugDescription)
        }
    }

    func testCapitalsAreTheFilteredScalarsRule() {
        var rng = FoldingPropertyTests.SplitMix(state: 79)
        let pieces = Self.pieces + ["U", "N", ".", "A", "Z", "a", "É", "U.N.", "SCO", "ǅ"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 5) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let letters = text.unicodeScalars.filter { $0 != "." }
            let reference: CompiledKnowledgeBase.Capitals
            if (2...3).contains(letters.count) && letters.allSatisfy({ ("A"..."Z").contains($0) }) {
                reference = .all
            } else if let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) {
                reference = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter ? .initial : .any
            } else {
                reference = .any
            }
            XCTAssertEqual(CompiledKnowledgeBase.capitals(of: text), reference, text.debugDescription)
        }
    }
}

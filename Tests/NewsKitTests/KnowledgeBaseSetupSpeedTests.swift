import Foundation
import XCTest
@testable import NewsKit

/// The knowledge base's set-up short cuts against the Foundation calls they skip: a folded
/// spelling trimmed, and a tiny token told, as they were before, on random spellings with spaces,
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
}

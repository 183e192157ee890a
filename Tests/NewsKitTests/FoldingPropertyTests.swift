import XCTest
@testable import NewsKit

/// Properties of folding with offsets over many random strings of tricky characters.
final class FoldingPropertyTests: XCTestCase {
    /// Deterministic generator, so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "a", "Z", "é", "e\u{301}", "ğ", "İ", "ı", "ß", "ø", "-", "–", " ", "  ", "\n", "\t", "'", "’", "«", ".", "7",
        "ب", "بُ", "ـ", "أ", "ى", "ة", "ؤ", "ئ", "ی", "ک", "گ", "\u{200C}", "\u{200D}", "\u{200F}", "٣", "۴", "،",
        "ﻻ", "ﷺ", "ﺑ", "ﬁ", "Ａ", "习", "近", "푸", "が", "न", "\u{94D}", "Й", "ё", "Σ", "ς", "😀", "𝐀", "\u{0654}",
        "\u{064B}", "\u{0301}", "¼", "™", "\u{00AD}", "\u{FEFF}",
    ]

    static func randomString(_ rng: inout SplitMix, length: Int) -> String {
        var s = ""
        for _ in 0..<length { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        return s
    }

    func testMapAndEndsAreCharacterBoundariesAndFoldAgrees() {
        var rng = SplitMix(state: 42)
        for _ in 0..<2000 {
            let text = FoldingPropertyTests.randomString(&rng, length: Int(rng.next() % 40))
            let original = Array(text.utf8)
            let folded = TextFolder.foldWithMap(text)
            XCTAssertEqual(folded.string, TextFolder.fold(text))
            XCTAssertEqual(folded.map.count, folded.bytes.count)
            XCTAssertEqual(folded.originalLength, original.count)
            var previous: Int32 = -1
            for k in 0..<folded.bytes.count {
                let start = Int(folded.map[k]), end = Int(folded.ends[k])
                XCTAssertGreaterThanOrEqual(folded.map[k], previous, "map is non-decreasing in \(text.debugDescription)")
                previous = folded.map[k]
                XCTAssertLessThan(start, end)
                XCTAssertLessThanOrEqual(end, original.count)
                XCTAssertFalse(isContinuation(original, start), "start inside a character")
                XCTAssertFalse(end < original.count && isContinuation(original, end), "end inside a character")
            }
        }
    }

    /// Each run of folded bytes that comes from one original character is exactly the folding
    /// of that character (with the marks that fold into it).
    func testEachGroupIsTheFoldOfItsOriginalCharacters() {
        var rng = SplitMix(state: 7)
        for _ in 0..<1500 {
            let text = FoldingPropertyTests.randomString(&rng, length: Int(rng.next() % 30))
            let original = Array(text.utf8)
            let folded = TextFolder.foldWithMap(text)
            var k = 0
            while k < folded.bytes.count {
                var e = k
                while e < folded.bytes.count && folded.map[e] == folded.map[k] { e += 1 }
                let source = String(decoding: original[folded.originalRange(ofFolded: k..<e)], as: UTF8.self)
                let group = String(decoding: folded.bytes[k..<e], as: UTF8.self)
                XCTAssertEqual(TextFolder.fold(source), group, "in \(text.debugDescription)")
                k = e
            }
        }
    }

    func testMatchedRangesAreExactlyTheSurface() {
        let kb = MatcherTests.fixture
        let matcher = EntityMatcher(knowledgeBase: kb, shortAliases: .always)
        let spellings = kb.profiles.flatMap { $0.variants.map(\.text) }
        let glue = ["", " ", "و", "ب", "ال", "لل", "\u{200C}ها", "ها", " - ", "\u{064F}", "ـ", "’s ", "\n", "،", "x"]
        var rng = SplitMix(state: 99)
        var checked = 0
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int(rng.next() % 8 + 1) {
                text += glue[Int(rng.next() % UInt64(glue.count))]
                text += spellings[Int(rng.next() % UInt64(spellings.count))]
                text += glue[Int(rng.next() % UInt64(glue.count))]
                if rng.next() % 3 == 0 { text += FoldingPropertyTests.randomString(&rng, length: 3) }
            }
            let original = Array(text.utf8)
            var lastEnd = 0
            for match in matcher.matches(in: text) {
                XCTAssertEqual(String(decoding: original[match.utf8Range], as: UTF8.self), match.surface)
                XCTAssertGreaterThanOrEqual(match.utf8Range.lowerBound, lastEnd, "matches do not overlap")
                lastEnd = match.utf8Range.upperBound
                let surface = KnowledgeBase.foldSpelling(match.surface)
                let variant = KnowledgeBase.foldSpelling(match.variant.text)
                XCTAssertTrue(surface == variant || "ا" + surface == variant,
                              "\(match.surface) folds to its variant \(match.variant.text)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    private func isContinuation(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] & 0xC0 == 0x80
    }
}

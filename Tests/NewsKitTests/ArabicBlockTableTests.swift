import Foundation
import XCTest
@testable import NewsKit

/// The short cut of the tokenizers (`ArabicBlockTable`: Arabic-block scalars read by table) must
/// read what the plain code reads: both ways on random text of every scalar of the block mixed
/// with Latin words, joiners, digits, presentation forms and spaces.
final class ArabicBlockTableTests: XCTestCase {
    private typealias SplitMix = FoldingPropertyTests.SplitMix

    private static func text(_ rng: inout SplitMix) -> String {
        let pieces = ["بوتين", "پوتین", "الرئيس", "وبالمئة", "للأمم", "رئیس‌جمهور", "ـ", "َ", "ً", "ٰ", "،", "؛", "؟", "٫", "٬",
                      "۱۲", "١٢", "Ruto", "Kenya's", "al-Assad", "Iran’s", "Ésta", "ﻻ", "ﷲ", "\u{200C}", "\u{200F}", " ", "  ",
                      "\n", "-", "'", "’", "#", "_", ".", "1,5", "ة", "ۀ", "ی", "ک", "إ", "آ", "ٱ", "ى"]
        var out = ""
        for _ in 0..<Int.random(in: 0...30, using: &rng) {
            if Bool.random(using: &rng) {
                out.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x600...0x6FF, using: &rng))!)
            } else {
                out += pieces.randomElement(using: &rng)!
            }
        }
        return out
    }

    func testTheTableIsTheGeneralFunctions() throws {
        var bytes: [UInt8] = []
        for u in UInt32(0x600)...0x6FF {
            bytes.removeAll()
            RuleFolding.appendUTF8(u, into: &bytes)
            let entry = bytes.withUnsafeBufferPointer { ArabicBlockTable.shared.entry($0, at: 0) }
            let e = try XCTUnwrap(entry)
            XCTAssertEqual(ArabicBlockTable.isLetter(e), RuleScalarClass.of(u) == .letter, "U+\(String(u, radix: 16))")
            XCTAssertEqual(ArabicBlockTable.isMark(e), RuleScalarClass.of(u) == .mark, "U+\(String(u, radix: 16))")
            var viaTable: [UInt8] = [], plain: [UInt8] = []
            ArabicBlockTable.appendFolded(e, into: &viaTable)
            RuleFolding.appendFolded(scalar: u, into: &plain)
            XCTAssertEqual(viaTable, plain, "U+\(String(u, radix: 16))")
        }
        // Outside the block, and a lead byte at the very end, go the general way.
        for text in ["a", "ݐ", "ﺏ", "é"] {
            XCTAssertNil(Array(text.utf8).withUnsafeBufferPointer { ArabicBlockTable.shared.entry($0, at: 0) })
        }
        XCTAssertNil([UInt8(0xD8)].withUnsafeBufferPointer { ArabicBlockTable.shared.entry($0, at: 0) })
    }

    func testRuleTokensAndFoldingAreThePlainOnes() {
        var rng = SplitMix(state: 6)
        for _ in 0..<5_000 {
            let written = Self.text(&rng)
            var text = written
            text.withUTF8 { bytes in
                let fast = RuleTokenizer.tokens(in: bytes, arabicTable: true)
                let plain = RuleTokenizer.tokens(in: bytes, arabicTable: false)
                XCTAssertEqual(fast.count, plain.count, written)
                for (a, b) in zip(fast, plain) {
                    XCTAssertEqual([a.start, a.end], [b.start, b.end], written)
                    XCTAssertEqual(a.key, b.key, written)
                    XCTAssertEqual(a.hash, b.hash, written)
                    XCTAssertEqual(a.kind, b.kind, written)
                    XCTAssertEqual(a.writing, b.writing, written)
                    XCTAssertEqual([a.upperInitial, a.upperAfterHyphen, a.allCaps, a.spaceBefore, a.lineBefore, a.zwnjBefore],
                                   [b.upperInitial, b.upperAfterHyphen, b.allCaps, b.spaceBefore, b.lineBefore, b.zwnjBefore], written)
                }
                var fastFolded: [UInt8] = [], plainFolded: [UInt8] = []
                RuleFolding.appendFolded(bytes, 0..<bytes.count, into: &fastFolded)
                RuleFolding.appendFolded(bytes, 0..<bytes.count, into: &plainFolded, arabicTable: false)
                XCTAssertEqual(fastFolded, plainFolded, written)
            }
        }
    }

    func testTaggerTokensAreThePlainOnes() {
        var rng = SplitMix(state: 11)
        var masks: [UInt64: UInt8] = [:]
        for word in ["بوتين", "پوتین", "رئيس", "ruto", "kenya"] { masks[RuleKey.fnv(Array(word.utf8))] = 2 }
        let gazetteer = TaggerGazetteer(masks: masks)
        for _ in 0..<5_000 {
            let written = Self.text(&rng)
            var text = written
            text.withUTF8 { bytes in
                let fast = TaggerTokenizer.tokens(in: bytes, gazetteer: gazetteer, arabicTable: true)
                let plain = TaggerTokenizer.tokens(in: bytes, gazetteer: gazetteer, arabicTable: false)
                XCTAssertEqual(fast.count, plain.count, written)
                for (a, b) in zip(fast, plain) {
                    XCTAssertEqual([a.start, a.end], [b.start, b.end], written)
                    let x = a.features, y = b.features
                    XCTAssertEqual([x.word, x.prefix2, x.prefix3, x.suffix2, x.suffix3, x.suffix4, x.shape, x.coarse, x.gazetteer, x.cluster],
                                   [y.word, y.prefix2, y.prefix3, y.suffix2, y.suffix3, y.suffix4, y.shape, y.coarse, y.gazetteer, y.cluster], written)
                }
            }
        }
    }
}

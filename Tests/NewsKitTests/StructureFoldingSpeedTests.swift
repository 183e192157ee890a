import XCTest
@testable import NewsKit

/// The parser's fast paths against the plain code they replace: folding in place against folding
/// by appending, the word table against the ranges and Unicode properties, the marker subsets'
/// tries against the whole set's trie filtered.
final class StructureFoldingSpeedTests: XCTestCase {
    /// FoldingPropertyTests' alphabet and some scalars that fold to more bytes than they take
    /// (ligatures, Arabic presentation forms, the eulogy ligatures with spaces inside).
    static let alphabet: [String] = FoldingPropertyTests.alphabet + [
        "\u{FDFA}", "\u{FDFB}", "\u{FDF2}", "\u{FB01}", "\u{FB03}", "\u{01C4}", "\u{0149}", "\u{00BE}", "\u{2126}",
        "\u{3000}", "\u{FF21}", "\u{0640}\u{0640}", "\r\n", "\u{0001}", "\u{007F}", "\u{0085}", "\u{00A0}", "ß", "ΐ",
        "\u{1E9E}", "\u{FE8E}", "\u{FEFB}", "x ", " \u{FDFA} ",
    ]

    func testFoldInPlaceGivesWhatAppendingGives() {
        var rng = FoldingPropertyTests.SplitMix(state: 2026)
        for round in 0..<4000 {
            // Some texts are made only of expanding scalars, to take the fallback.
            let length = Int(rng.next() % (round % 10 == 0 ? 200 : 50))
            var text = ""
            for _ in 0..<length {
                let pick = round % 7 == 0 ? Int(rng.next() % 4) : Int(rng.next() % UInt64(Self.alphabet.count))
                text += round % 7 == 0 ? ["\u{FDFA}", "\u{FDFB}", "\u{FB03}", " "][pick] : Self.alphabet[pick]
            }
            var bytes = Array(text.utf8)
            // Spans inside the text as well as the whole, and bytes that are not UTF-8 now and then.
            if round % 13 == 0 && !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = 0xC3 }
            bytes.withUnsafeBufferPointer { raw in
                let lo = raw.isEmpty ? 0 : Int(rng.next() % UInt64(raw.count / 4 + 1))
                for (a, b) in [(0, raw.count), (lo, raw.count), (lo, max(lo, raw.count - lo))] {
                    let fast = StructureFolding.fold(raw, a, b)
                    let slow = StructureFolding.foldAppending(raw, a, b)
                    XCTAssertEqual(fast.bytes, slow.bytes, "\(text.debugDescription) \(a)..<\(b)")
                    XCTAssertEqual(fast.offsets, slow.offsets, "\(text.debugDescription) \(a)..<\(b)")
                    XCTAssertEqual(fast.base, slow.base)
                }
            }
        }
    }

    /// A fold's prefix is the fold of the text's prefix, at every cut: inside a scalar, inside
    /// malformed bytes, after spaces and after scalars that fold to nothing.
    func testPrefixOfAFoldIsTheFoldOfAPrefix() {
        var rng = FoldingPropertyTests.SplitMix(state: 240)
        var cut = 0
        for round in 0..<1500 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
            var bytes = Array(text.utf8)
            if round % 5 == 0 && !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = [0xC3, 0xE2, 0x80, 0xF0][round % 4] }
            bytes.withUnsafeBufferPointer { raw in
                let lo = raw.isEmpty ? 0 : Int(rng.next() % UInt64(raw.count / 3 + 1))
                let hi = raw.count - (raw.count - lo) / 4
                let whole = StructureFolding.fold(raw, lo, hi)
                for end in lo...hi {
                    let prefix = StructureFolding.prefix(of: whole, upTo: end, in: raw, foldedUpTo: hi)
                    let direct = StructureFolding.fold(raw, lo, end)
                    XCTAssertEqual(prefix.bytes, direct.bytes, "\(bytes) \(lo)..<\(end) of \(hi)")
                    XCTAssertEqual(prefix.offsets, direct.offsets, "\(bytes) \(lo)..<\(end) of \(hi)")
                    XCTAssertEqual(prefix.base, direct.base)
                    if end < hi && raw[end] & 0xC0 == 0x80 { cut += 1 }
                }
            }
        }
        XCTAssertGreaterThan(cut, 1000)
    }

    func testEveryScalarBelowU0800FoldsAsFoldScalarDoes() {
        for v in UInt32(0)..<0x800 {
            var expected: [UInt8] = []
            StructureFolding.foldScalar(v, into: &expected)
            var bytes: [UInt8] = []
            StructureFolding.appendUTF8(v, &bytes)
            bytes.withUnsafeBufferPointer { raw in
                let folded = StructureFolding.fold(raw, 0, raw.count)
                // Spaces at the ends are trimmed by the fold.
                XCTAssertEqual(folded.bytes, expected == [0x20] ? [] : expected, "U+\(String(v, radix: 16))")
            }
        }
    }

    func testWordTableAgreesWithRangesAndProperties() {
        for v in UInt32(0)..<0x4000 {
            XCTAssertEqual(StructureFolding.isWordScalar(v), StructureFolding.isWordScalarByRanges(v), "U+\(String(v, radix: 16))")
        }
    }

    func testSubsetTriesMatchAsTheWholeTrieFiltered() {
        let set = MarkerSet.bundled
        let texts = set.entries.map(\.phrase) + ["Photo: AFP", "Picha: Reuters", "Share this story", "اقرأ أيضا"]
        let subsets: [(MarkerTrie, (MarkerSet.Entry) -> Bool)] = [
            (set.containedBoilerplate, { $0.kind == .boilerplate && $0.options.contains(.contains) }),
            (set.credits, { $0.kind == .credit }),
        ]
        let firstBytes = subsets.map { _, accept in Set(set.entries.filter(accept).compactMap(\.folded.first)) }
        var compared = 0
        for text in texts {
            let folded = StructureFolding.fold("x " + text + " " + text)
            folded.withUnsafeBufferPointer { f in
                for p in 0..<f.count {
                    var whole: [[Int]] = []
                    set.trie.matches(f, at: p, upTo: f.count) { e, end in whole.append([e, end]) }
                    for ((trie, accept), first) in zip(subsets, firstBytes) {
                        var part: [[Int]] = []
                        trie.matches(f, at: p, upTo: f.count) { e, end in part.append([e, end]) }
                        XCTAssertEqual(part, whole.filter { accept(set.entries[$0[0]]) })
                        XCTAssertEqual(trie.mayStart(f[p]), first.contains(f[p]))
                        compared += part.count
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 100)
    }
}

/// The parser's character tests for credit lists against the sets of characters they stand for.
final class StructureNameSplittingTests: XCTestCase {
    static let separators: Set<Character> = ["/", ",", "،", "•", "+", ";", "|", "(", ")", "·", "&", "؛"]
    static let trims: Set<Character> = [" ", "\u{A0}", ".", ":", "-", "–", "—", "*", "\t", "\u{200F}", "\u{200E}"]

    func testCharacterTestsAgreeWithTheSets() {
        var characters: [Character] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            characters.append(Character(scalar))
        }
        // Characters of more than one scalar: separators with marks and joiners after them,
        // decomposed forms, a line break.
        for base in Self.separators.union(Self.trims) {
            for mark in ["\u{301}", "\u{64B}", "\u{200C}", "\u{200D}", "\u{903}"] {
                let s = String(base) + mark
                if s.count == 1 { characters.append(Character(s)) }
            }
        }
        for s in ["\r\n", "e\u{301}", "\u{600}/"] where s.count == 1 { characters.append(Character(s)) }
        for c in characters {
            XCTAssertEqual(ArticleParser.Run.isNameSeparator(c), Self.separators.contains(c), c.debugDescription)
            XCTAssertEqual(ArticleParser.Run.isNameTrim(c), Self.trims.contains(c), c.debugDescription)
        }
    }
}

/// The flat reader's scan of string bytes eight at a time, at every alignment: a quote, backslash
/// or control byte anywhere in a run of plain bytes, against `JSONSerialization`.
final class JSONLinesFlatScanTests: XCTestCase {
    static let pieces: [String] = [
        "a", "plain words ", "0123456789abcdef", "الرئيس", "é", "😀", #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#,
        #"\u0627"#, #"\ud83d\ude00"#, #"\u00e9"#, "\u{7F}", "\u{80}", "~", "\u{1F}", #"\x"#, #"\ud800"#,
    ]

    func testStringsReadAsTheGeneralPathReadsThem() {
        let reader = JSONLinesReader(origin: "t.jsonl")
        var rng = FoldingPropertyTests.SplitMix(state: 11)
        var read = 0
        for round in 0..<3000 {
            var text = String(repeating: "x", count: round % 9)
            for _ in 0..<Int(rng.next() % 12) {
                // Control bytes and bad escapes only now and then, so that most lines are read.
                var k = Int(rng.next() % UInt64(Self.pieces.count))
                if k >= Self.pieces.count - 3 && rng.next() % 4 != 0 { k = 0 }
                text += Self.pieces[k]
            }
            let line = #"{"title": "t\#(round % 5)", "text": "\#(text)", "source": "\#(text.prefix(3))"}"#
            Array(line.utf8).withUnsafeBufferPointer { buffer in
                let fast = reader.record(buffer, line: 1)
                let general = reader.generalRecord(buffer, place: "t.jsonl:1")
                XCTAssertEqual(JSONLinesStreamingTests.describe(fast), JSONLinesStreamingTests.describe(general), line)
                if case .success = fast { read += 1 }
            }
        }
        XCTAssertGreaterThan(read, 1000)
    }
}

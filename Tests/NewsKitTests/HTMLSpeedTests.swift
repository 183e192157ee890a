import XCTest
@testable import NewsKit

/// The extractor's fast paths against the plain code they replace, on random and awkward inputs:
/// first classes by bytes against splitting by Character, inline styles by bytes against
/// lowercasing and searching Characters, boilerplate phrases by bytes against `hasPrefix`, names
/// judged once per page against judging each element's words, paths made on demand against
/// making every element's, the closing tags of a page looked for backwards against forwards,
/// white space collapsed and trimmed by bytes against by Characters and on a copy.
final class HTMLSpeedTests: XCTestCase {
    /// Pieces of class lists, styles and short texts: ASCII words and separators, and what makes
    /// Characters differ from bytes (combining marks after spaces, a prepended mark before one,
    /// CR LF, precomposed and decomposed letters, the Kelvin sign, NBSP).
    static let pieces: [String] = [
        "a", "b", "x", " ", " ", "  ", "-", "_", "\t", "\r\n", "\n", "menu", "nav", "comment", "commentary", "sidebar", "article",
        "post-content", "body", "intro", "lede", "ad", "ads", "shadow", "widget", "tags", "MENU", "Article", "display", ":", "none",
        "visibility", "hidden", "DISPLAY", "None", ";", "\u{0301}", " \u{0301}", "\u{0600} ", "é", "e\u{0301}", "\u{212A}", "\u{00A0}",
        "menú", "menu\u{0301}", "ß", "İ", "لیڈ", "related", "read", "more stories", "Most read", "à lire aussi", "a\u{0300} lire",
        "Lesen Sie auch", "soma pia", "advertisement", "subscribe now", "über den autor", "U\u{0308}ber den Autor",
    ]

    static func random(_ rng: inout FoldingPropertyTests.SplitMix, maxPieces: Int) -> String {
        var text = ""
        for _ in 0..<Int(rng.next() % UInt64(maxPieces + 1)) {
            text += pieces[Int(rng.next() % UInt64(pieces.count))]
        }
        return text
    }

    func testFirstClassByBytesIsTheFirstSplitByCharacter() {
        var rng = FoldingPropertyTests.SplitMix(state: 12)
        for _ in 0..<20_000 {
            let classes = Self.random(&rng, maxPieces: 6)
            XCTAssertEqual(HTMLElement.firstClass(classes), classes.split(separator: " ").first, classes.debugDescription)
        }
    }

    func testHiddenStylesByBytesAreThoseByCharacters() {
        var rng = FoldingPropertyTests.SplitMix(state: 13)
        let styles = ["display:none", "display: none", "DISPLAY : NONE", "visibility:hidden", "Visibility: Hidden;", "display:block",
                      "display:\u{0301}none", "display: \u{0301}none", "displa\u{212A}:none", "display:non", ""]
        for round in 0..<20_000 {
            let style = round < styles.count ? styles[round] : Self.random(&rng, maxPieces: 8)
            let lower = style.lowercased().filter { $0 != " " }
            let expected = lower.contains("display:none") || lower.contains("visibility:hidden")
            XCTAssertEqual(HTMLWalk.hidesText(style: style), expected, style.debugDescription)
        }
    }

    func testBoilerplatePhrasesByBytesAreThoseByHasPrefix() {
        var rng = FoldingPropertyTests.SplitMix(state: 14)
        for round in 0..<20_000 {
            // Phrases themselves, with what may follow them, and random texts.
            let phrase = HTMLHints.boilerplatePhrases[round % HTMLHints.boilerplatePhrases.count]
            let text = round % 2 == 0 ? phrase.uppercased() + Self.random(&rng, maxPieces: 2) : Self.random(&rng, maxPieces: 4)
            let lower = text.lowercased()
            XCTAssertEqual(HTMLHints.boilerplatePhrase(text), HTMLHints.boilerplatePhrases.first { lower.hasPrefix($0) }, text.debugDescription)
        }
    }

    /// The judgement of one name as it was made for each element before verdicts were shared.
    static func reference(_ name: String) -> HTMLHints.NameVerdict {
        let lower = name.lowercased()
        let parts = HTMLHints.words(lower)
        var furnitureWord: String?
        search: do {
            for word in parts where HTMLHints.furnitureWords.contains(word) {
                furnitureWord = String(word)
                break search
            }
            for word in parts where !HTMLHints.notFurniture.contains(word) {
                for part in HTMLHints.furnitureParts where HTMLHints.has(word, part) {
                    furnitureWord = String(word)
                    break search
                }
            }
        }
        var verdict = HTMLHints.NameVerdict("")
        verdict.furnitureWord = furnitureWord
        verdict.content = parts.contains(where: HTMLHints.contentWords.contains)
            || HTMLHints.contentParts.contains(where: { HTMLHints.has(lower[...], $0) }) || parts.contains(where: HTMLHints.notFurniture.contains)
        verdict.againstContent = parts.contains(where: HTMLHints.furnitureWords.contains) || parts.contains(where: HTMLHints.weakFurniture.contains)
            || parts.contains(where: { word in !HTMLHints.notFurniture.contains(word) && HTMLHints.furnitureParts.contains(where: { HTMLHints.has(word, $0) }) })
        verdict.lede = parts.contains { HTMLHints.ledeWords.contains($0) }
        return verdict
    }

    func testSharedVerdictsAreEachNamesOwn() {
        var rng = FoldingPropertyTests.SplitMix(state: 15)
        var judge = HTMLHints.NameJudge()
        for _ in 0..<5000 {
            let id = Self.random(&rng, maxPieces: 3), classes = Self.random(&rng, maxPieces: 6)
            let e = HTMLElement(tag: "div", parent: -1, id: id, classes: classes, itemprop: "", role: "", depth: 0)
            let names = judge.names(e)
            for (verdict, name) in [(names.id, id), (names.classes, classes)] {
                guard let verdict else { XCTAssertTrue(name.isEmpty); continue }
                let expected = Self.reference(name)
                XCTAssertEqual(verdict.furnitureWord, expected.furnitureWord, name.debugDescription)
                XCTAssertEqual(verdict.content, expected.content, name.debugDescription)
                XCTAssertEqual(verdict.againstContent, expected.againstContent, name.debugDescription)
                XCTAssertEqual(verdict.lede, expected.lede, name.debugDescription)
            }
        }
    }

    func testCutShortPagesFoundBackwardsAreThoseFoundForwards() {
        var rng = FoldingPropertyTests.SplitMix(state: 17)
        let tags = ["</html>", "</HTML >", "</body>", "</Body", "</htm", "</bod", "<html>", "< /html>", "</p>", "<", "x", "é", " "]
        for round in 0..<3000 {
            // Some pages longer than the 64 KB looked at, with the closing tag just inside or outside it.
            var bytes = [UInt8](repeating: 0x61, count: round % 50 == 0 ? 65_536 + Int(rng.next() % 20) : Int(rng.next() % 40))
            for _ in 0..<Int(rng.next() % 4) {
                let tag = Array(tags[Int(rng.next() % UInt64(tags.count))].utf8)
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                bytes.replaceSubrange(at..<min(bytes.count, at + tag.count), with: tag)
            }
            // The forward scan of the last 64 KB that the backward one replaced.
            let tail = bytes.suffix(65_536).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let found = ["</html", "</body"].contains { word in
                tail.count >= 6 && (0...(tail.count - 6)).contains { k in tail[k..<(k + 6)].elementsEqual(word.utf8) }
            }
            let scan = bytes.withUnsafeBufferPointer { HTMLPageScan($0) }
            XCTAssertEqual(scan.truncated, !found, String(decoding: bytes.suffix(80), as: UTF8.self))
        }
    }

    func testWhitespaceCollapsedByBytesAsBySplittingCharacters() {
        var rng = FoldingPropertyTests.SplitMix(state: 18)
        for round in 0..<20_000 {
            // Every ASCII byte (controls and 0x1C-0x1F, which are no white space, included), and the pieces.
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 24) {
                if round % 3 == 0 {
                    bytes += Array(Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))].utf8)
                } else {
                    bytes.append(UInt8(rng.next() % 0x80))
                }
            }
            let expected = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            XCTAssertEqual(HTMLWalk.collapsingWhitespace(bytes), expected, bytes.description)
        }
    }

    func testTrimmingOnTheViewTrimsAsTheCopyDid() {
        var rng = FoldingPropertyTests.SplitMix(state: 19)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) {
                bytes += rng.next() % 2 == 0 ? [UInt8(rng.next() % 0x22)] : Array(Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))].utf8)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // The copy of the bytes that trimmingASCIISpace made before.
            let copy = Array(text.utf8)
            var start = 0, end = copy.count
            while start < end, copy[start] <= 0x20 { start += 1 }
            while end > start, copy[end - 1] <= 0x20 { end -= 1 }
            let expected = String(decoding: copy[start..<end], as: UTF8.self)
            XCTAssertEqual(Array(text.trimmingASCIISpace().utf8), Array(expected.utf8), bytes.description)
        }
    }

    func testPathsOnDemandAreThoseMadeForEveryElement() {
        var rng = FoldingPropertyTests.SplitMix(state: 16)
        for _ in 0..<300 {
            // A random tree in document order: each element's parent comes before it.
            var elements: [HTMLElement] = []
            for i in 0..<Int(rng.next() % 60) {
                let parent = i == 0 ? -1 : Int(rng.next() % UInt64(i + 1)) - 1
                let tag = ["html", "body", "div", "p", "article"][Int(rng.next() % 5)]
                let depth = parent >= 0 ? elements[parent].depth + 1 : 0
                elements.append(HTMLElement(tag: tag, parent: parent, id: Self.random(&rng, maxPieces: 1),
                                            classes: Self.random(&rng, maxPieces: 3), itemprop: "", role: "", depth: depth))
            }
            var every = [String](repeating: "", count: elements.count)
            for i in elements.indices where elements[i].tag != "html" {
                let prefix = elements[i].parent >= 0 ? every[elements[i].parent] : ""
                every[i] = prefix.isEmpty ? elements[i].label : prefix + ">" + elements[i].label
            }
            var paths = HTMLPaths(elements)
            for _ in elements.indices {
                let e = Int(rng.next() % UInt64(elements.count))
                XCTAssertEqual(paths.path(of: e), every[e])
            }
        }
    }
}

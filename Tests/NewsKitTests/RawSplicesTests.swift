import Foundation
import XCTest
@testable import NewsKit

/// Issue 7, "any input size": a long article whose text is a copy of its own (furniture stands
/// between its paragraphs) holds its input in pieces (`Article.spliceRaw`), so it is held once.
/// Every field, span and annotation must read exactly as with the input held whole.
final class RawSplicesTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    /// Articles with furniture between paragraphs, markers, blank-line runs, titles repeated as
    /// the first line, and text around that is not trimmed.
    static let furnished: [String] = [
        "Ministers agree on a new grain corridor\nBy Jane Mwangi\nPhoto: Port of Mombasa at dawn\n"
            + "The foreign ministers of five countries agreed on Tuesday to open a new corridor.\n"
            + "Read also: Port workers end their strike after two weeks\n"
            + "The corridor will run from the coast to three inland depots, the ministers said.\n\n\n"
            + "  The agreement still needs the approval of the parliaments, officials said.  \n"
            + "Share this article on Facebook\n",
        "Rais Samia ahutubia Bunge\n\nRais Samia Suluhu Hassan amesema serikali itaendelea na mageuzi.\n\n"
            + "Soma pia: Bei ya mafuta yapanda\n\nAlisema hayo mjini Dodoma siku ya Jumanne.\n"
            + "Picha: Ikulu\n\n\"Tutaendelea,\" alisema.",
        "بوتين يلتقي شي في موسكو\n\nالتقى الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ.\n"
            + "اقرأ أيضا: قمة شنغهاي تبدأ أعمالها\nوقال بوتين إن العلاقات في أفضل حالاتها.\n",
    ]

    func articles() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(names.isEmpty)
        let seeds = try names.map { ($0, try String(contentsOf: Self.seeds.appendingPathComponent($0), encoding: .utf8)) }
        return seeds + Self.furnished.enumerated().map { ("furnished-\($0.offset).txt", $0.element) }
    }

    func read(_ text: String, name: String, inPieces: Bool) -> Article {
        var reader = ArticleReader()
        reader.splicesRawAbove = inPieces ? 0 : .max
        return reader.article(from: InputRecord(document: Document(origin: name, text: text)))
    }

    func testArticlesReadTheSameWithTheirInputInPieces() throws {
        var inPieces = 0
        var random = SystemRandomNumberGenerator()
        for (name, text) in try articles() {
            let whole = read(text, name: name, inPieces: false)
            let pieces = read(text, name: name, inPieces: true)
            XCTAssertFalse(whole.holdsRawInPieces)
            // Only an article whose text is a copy is held in pieces.
            let textIsRaws = whole.textSlice.base.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                == whole.raw.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            XCTAssertEqual(pieces.holdsRawInPieces, !textIsRaws, name)
            if pieces.holdsRawInPieces { inPieces += 1 }
            assertSameArticle(whole, pieces)
            XCTAssertEqual(pieces.rawByteCount, text.utf8.count, name)
            var parts = ""
            pieces.forEachRawPart { parts += $0 }
            XCTAssertEqual(parts, text, name)
            for block in whole.blocks {
                XCTAssertEqual(pieces.rawSpan((block.first - 1)..<block.last), whole.rawSpan((block.first - 1)..<block.last), name)
            }
            // Any span on character boundaries, within a piece, between two or across many.
            let boundaries = Array(text.utf8.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
                .filter { text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0)] & 0xC0 != 0x80 }) + [text.utf8.count]
            for _ in 0..<300 {
                let a = boundaries.randomElement(using: &random)!, b = boundaries.randomElement(using: &random)!
                let range = min(a, b)..<max(a, b)
                XCTAssertEqual(pieces.rawSpan(range), whole.rawSpan(range), "\(name) \(range)")
            }
            // The cache's form reads back the same, and so does the article it decodes.
            let back = try pieces.binaryEncoded().withUnsafeBytes { try Article(binary: $0) }
            assertSameArticle(whole, back)
            // Entities outside the text are placed in raw through its spans.
            let annotator = EntityAnnotator(knowledgeBase: Self.knowledgeBase)
            XCTAssertEqual(annotator.annotate(pieces).mentions, annotator.annotate(whole).mentions, name)
        }
        XCTAssertGreaterThanOrEqual(inPieces, Self.furnished.count, "the furnished articles' texts are copies: held in pieces")
    }

    static let knowledgeBase = KnowledgeBase(profiles: [
        EntityProfile(id: "place/moscow", kind: "place", name: "Moscow", variants: [
            EntityVariant(text: "Moscow", lang: "en"), EntityVariant(text: "موسكو", lang: "ar"),
        ]),
        EntityProfile(id: "place/mombasa", kind: "place", name: "Mombasa", variants: [EntityVariant(text: "Mombasa", lang: "en")]),
        EntityProfile(id: "place/dodoma", kind: "place", name: "Dodoma", variants: [EntityVariant(text: "Dodoma", lang: "sw")]),
    ])

    /// Over the default size (one window), with a "read also" line after every paragraph: the
    /// article holds its input in pieces, and none of its strings shares the input's storage.
    func testALongArticleWithFurnitureDoesNotHoldItsInputTwice() {
        let paragraphs = (0..<9_000).map { i in
            "Paragraph \(i + 1): the foreign ministers met in Mombasa to talk about the grain corridor again.\n"
                + "Read also: Port workers end strike number \(i + 1)"
        }
        let input = "Ministers meet again\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        XCTAssertGreaterThan(input.utf8.count, TextWindows.size)
        var record = InputRecord(document: Document(origin: "long.txt", text: input))
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        XCTAssertTrue(article.holdsRawInPieces)
        XCTAssertEqual(article.related.count, 9_000)
        func storage(_ text: Substring) -> UnsafePointer<UInt8>? {
            var string = text.base
            return string.withUTF8 { $0.baseAddress }
        }
        var kept = input
        let inputStorage = kept.withUTF8 { $0.baseAddress }
        let slices = article.blocks.map(\.textSlice) + article.paragraphSlices + [article.textSlice]
        XCTAssertFalse(slices.contains { !$0.isEmpty && storage($0) == inputStorage }, "a slice still holds the input")
        XCTAssertEqual(article.raw, input)
        for block in article.blocks.prefix(50) + article.blocks.suffix(50) {
            XCTAssertTrue(article.rawSpan((block.first - 1)..<block.last).contains(block.textSlice))
        }
    }
}

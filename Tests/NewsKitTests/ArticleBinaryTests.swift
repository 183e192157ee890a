import Foundation
import XCTest
@testable import NewsKit

/// The article cache's binary form: every field reads back as written, slices of the raw text
/// read back as slices of the one decoded raw text, and bytes it did not write are refused.
final class ArticleBinaryTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func seedArticles() throws -> [Article] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(names.isEmpty)
        return try names.map { name in
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
            return ArticleReader().article(from: InputRecord(document: Document(origin: "seeds/" + name, text: text)))
        }
    }

    func decoded(_ article: Article) throws -> Article {
        try article.binaryEncoded().withUnsafeBytes { try Article(binary: $0) }
    }

    func testSeedArticlesReadBackFieldByField() throws {
        for article in try seedArticles() {
            let back = try decoded(article)
            assertSameArticle(article, back)
            XCTAssertEqual(back.binaryEncoded(), article.binaryEncoded(), "\(article.path): a second encoding differs")
        }
    }

    func testSlicesOfTheRawTextStayOneCopy() throws {
        let article = try XCTUnwrap(seedArticles().first)
        XCTAssertFalse(article.paragraphSlices.isEmpty)
        let back = try decoded(article)
        let raw = back.raw.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        XCTAssertNotNil(raw ?? nil)
        for slice in back.paragraphSlices + back.blocks.map(\.textSlice) {
            XCTAssertEqual(slice.base.utf8.withContiguousStorageIfAvailable { $0.baseAddress }, raw, "a slice was decoded as a copy")
        }
        // Each string the slices share is written once: the form is about the size of the raw text
        // (and of the text, when that is a string of its own), not that of every slice besides.
        let own = article.textSlice.base.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            != article.raw.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let strings = article.raw.utf8.count + (own ? article.text.utf8.count : 0)
        XCTAssertLessThan(article.binaryEncoded().count, strings + strings / 4 + 512, "own text: \(own)")
    }

    func testEveryOptionalFieldAndAShortRawText() throws {
        var article = Article(id: "x", path: "a.jsonl:3", lang: "sw", text: "Habari", raw: "Habari")
        article.title = "Kichwa"
        article.date = "2024-06"
        article.datePrecision = "month"
        article.source = "Taifa"
        article.originalSource = "AFP"
        article.url = "https://example.org/a"
        article.byline = "Na Mwandishi"
        article.agencies = ["AFP", "Reuters"]
        article.headings = ["H"]
        article.related = ["R"]
        article.captions = ["C"]
        article.credits = ["Picha: X"]
        article.quotes = [Quote(text: "Ndiyo", speaker: "Rais", first: 1, last: 5)]
        article.blocks = [Block(kind: .paragraph, text: "Habari", first: 1, last: 6, marker: "m", rule: "r", duplicateOf: 0)]
        article.html = "<p>Habari</p>"
        article.meta = ["b": "2", "a": "1"]
        article.warnings = ["w"]
        article.lede = "Habari"
        assertSameArticle(article, try decoded(article))
        assertSameArticle(Article(id: "", path: "", lang: "und", text: "", raw: ""), try decoded(Article(id: "", path: "", lang: "und", text: "", raw: "")))
    }

    func testAnnotationReadsBack() throws {
        let article = ArticleReader().article(from: InputRecord(document: Document(origin: "t.txt", text: """
            Odhiambo heads to Kenya

            Foreign minister Amina Odhiambo arrived in Kenya on 3 March 2025 with $2 million. "We agree," Odhiambo said.
            """)))
        let annotation = EntityAnnotator(knowledgeBase: AnnotatorTests.knowledgeBase).annotate(article)
        XCTAssertGreaterThan(annotation.mentions.count, 3)
        let back = try annotation.binaryEncoded().withUnsafeBytes { try ArticleAnnotation(binary: $0) }
        XCTAssertEqual(back.mentions, annotation.mentions)
        XCTAssertEqual(back.quotes, annotation.quotes)
    }

    func testBytesItDidNotWriteAreRefused() throws {
        let article = try XCTUnwrap(seedArticles().first)
        let bytes = article.binaryEncoded()
        for cut in [0, 1, 2, bytes.count / 2, bytes.count - 1] {
            XCTAssertThrowsError(try Array(bytes.prefix(cut)).withUnsafeBytes { try Article(binary: $0) }, "cut at \(cut)")
        }
        var otherVersion = bytes
        otherVersion[0] = 99
        XCTAssertThrowsError(try otherVersion.withUnsafeBytes { try Article(binary: $0) })
        XCTAssertThrowsError(try (bytes + [0]).withUnsafeBytes { try Article(binary: $0) })
        let annotation = ArticleAnnotation(mentions: [], quotes: []).binaryEncoded()
        XCTAssertThrowsError(try Array(annotation.dropLast()).withUnsafeBytes { try ArticleAnnotation(binary: $0) })
    }
}

import Foundation
import XCTest
@testable import NewsKit

final class DocumentReadingTests: XCTestCase {
    func testInvalidUTF8IsReplacedWithAWarning() {
        let document = Document(origin: "bad.txt", bytes: [0x61, 0xFF, 0x62, 0xC3])
        XCTAssertEqual(document.text, "a\u{FFFD}b\u{FFFD}")
        XCTAssertEqual(document.warnings, ["bad.txt: not valid UTF-8; bad bytes were replaced with U+FFFD"])
        XCTAssertTrue(Document(origin: "ok.txt", bytes: Array("بوتين".utf8)).warnings.isEmpty)
    }

    func testByteOrderMarkIsDropped() {
        XCTAssertEqual(Document(origin: "bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Title".utf8)).text, "Title")
    }

    func testContentHashIsStableAndContentBased() {
        let a = Document(origin: "a.txt", text: "same text")
        let b = Document(origin: "elsewhere/b.txt", text: "same text")
        XCTAssertEqual(a.contentHash, b.contentHash)
        XCTAssertEqual(a.contentHash.count, 16)
        XCTAssertNotEqual(a.contentHash, Document(origin: "a.txt", text: "same text!").contentHash)
        // FNV-1a 64 of "a" is a published test vector.
        XCTAssertEqual(ContentHash.hex(of: "a"), "af63dc4c8601ec8c")
    }

    func testFirstCutTitleSkipsLinesWithoutWords() {
        let article = FirstCutParser.article(from: Document(origin: "x.txt", text: "\n • \n12\nA real headline\n\nFirst paragraph.\nSecond one.\n"))
        XCTAssertEqual(article.title, "A real headline")
        XCTAssertEqual(article.paragraphs, ["First paragraph.", "Second one."])
        XCTAssertEqual(article.text, "First paragraph.\n\nSecond one.")
    }

    func testJSONLinesRecordsFieldsAndBadLines() {
        let data = Data("""
            {"id": "a1", "title": "T", "text": "Body.", "date": "2024-06-19", "lang": "sw", "category": "politics", "n": 3}

            [1, 2]
            {"title": "no text"}
            {"text": 5}
            {broken
            {"text": "Only text", "url": null}
            """.utf8)
        var records: [InputRecord] = []
        var warnings: [String] = []
        JSONLinesReader(origin: "c.jsonl").read(data, warn: { warnings.append($0) }) { records.append($0) }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[0].id, "a1")
        XCTAssertEqual(records[0].lang, "sw")
        XCTAssertEqual(records[0].meta, ["category": "politics", "n": "3"])
        XCTAssertEqual(records[0].document.origin, "c.jsonl:1")
        XCTAssertNil(records[1].url)
        XCTAssertEqual(warnings, [
            "c.jsonl:3: not a JSON object; line skipped",
            "c.jsonl:4: has no field \"text\"; line skipped",
            "c.jsonl:5: field \"text\" is not a string; line skipped",
            "c.jsonl:6: not valid JSON; line skipped (each line must be one JSON object)",
        ])
        let article = ArticleReader().article(from: records[0])
        XCTAssertEqual(article.title, "T")
        XCTAssertEqual(article.lang, "sw")
        XCTAssertEqual(article.date, "2024-06-19")
        XCTAssertEqual(article.paragraphs, ["Body."])
    }

    func testRealCorpusReadsWithoutLoss() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let file = corpus.appendingPathComponent("sw-masakhanews.jsonl")
        guard let data = try? Data(contentsOf: file) else { throw XCTSkip("../shared/corpus is absent") }
        var count = 0
        var warnings: [String] = []
        JSONLinesReader(origin: "sw").read(data, warn: { warnings.append($0) }) { record in
            count += 1
            XCTAssertFalse(record.document.text.isEmpty)
        }
        XCTAssertEqual(count, data.split(separator: 0x0A).count)
        XCTAssertEqual(warnings, [])
    }
}

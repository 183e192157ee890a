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
        XCTAssertEqual(ContentHash.hex(of: ""), "cbf29ce484222325")
        XCTAssertEqual(ContentHash.hex(of: "foobar"), "85944171f73967e8")
        // Over the bytes in place, as byte by byte through `utf8` (ids of cached articles depend on it).
        for text in ["بوتين پوتین Putin 普京 😀", String(repeating: "Habari za leo. ", count: 1_000), "e\u{301}\r\n"] {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 { hash ^= UInt64(byte); hash &*= 0x0000_0100_0000_01b3 }
            XCTAssertEqual(ContentHash.hex(of: text), String(format: "%016llx", hash))
        }
    }

    func testReaderGivesTitleParagraphsAndBlocksCoveringTheInput() {
        let raw = "A real headline about the summit\n\nThe first paragraph tells what happened at the summit today.\nThe second one gives more detail about the talks.\n"
        let article = ArticleReader().article(from: InputRecord(document: Document(origin: "x.txt", text: raw)))
        XCTAssertEqual(article.title, "A real headline about the summit")
        XCTAssertEqual(article.text, ([article.lede].compactMap { $0 } + article.paragraphs).joined(separator: "\n\n"))
        XCTAssertEqual(article.paragraphs.count + (article.lede == nil ? 0 : 1), 2)
        let bytes = Array(raw.utf8)
        for block in article.blocks {
            XCTAssertTrue(block.first >= 1 && block.last <= bytes.count && block.first <= block.last + 1)
        }
        XCTAssertEqual(article.blocks.first?.kind, .title)
    }

    func testRecordFieldsWinOverParsedOnes() {
        var record = InputRecord(document: Document(origin: "c.jsonl:1", text: "Body sentence one of the story, long enough to be a paragraph.\nAnother body sentence follows here."))
        record.title = "Given title"
        record.date = "Sun, 18 Feb 2018 21:35:43 +0400"
        record.source = "Given source"
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        XCTAssertEqual(article.title, "Given title")
        XCTAssertEqual(article.date, "2018-02-18")
        XCTAssertEqual(article.datePrecision, "day")
        XCTAssertEqual(article.source, "Given source")
        XCTAssertEqual(article.lang, "en")
        XCTAssertTrue(article.raw.hasPrefix("Given title\n\n"))
        XCTAssertFalse(article.paragraphs.contains("Given title"))
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
        let data = try Data(contentsOf: SharedTestData.corpusFile("sw-masakhanews.jsonl"))
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

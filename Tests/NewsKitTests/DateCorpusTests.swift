import Foundation
import XCTest
@testable import NewsKit

/// Real articles of ../shared/corpus (read in place; skipped when absent) and the seeds.
final class DateCorpusTests: XCTestCase {
    private func articles(_ file: String, limit: Int) throws -> [[String: Any]] {
        let url = try SharedTestData.corpusFile(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        var result = [[String: Any]]()
        for line in text.split(separator: "\n").prefix(limit) {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] { result.append(object) }
        }
        return result
    }

    /// No crash, every mention's byte range holds its text, and a sane share of articles has a date.
    func testCorpusSweep() throws {
        // Shares measured on these 400-article samples: ar 0.32, en 0.25, fa 0.25, sw 0.47
        // (whole files: ar 0.41, en 0.50, fa 0.26, sw 0.51).
        let expectations: [(file: String, lang: String, minimum: Double)] = [
            ("ar-ant-multisource.jsonl", "ar", 0.22), ("en-tehran-times.jsonl", "en", 0.17),
            ("fa-fars-news.jsonl", "fa", 0.17), ("sw-masakhanews.jsonl", "sw", 0.33),
        ]
        var checked = 0
        let parser = DateParser()
        for expectation in expectations {
            let sample: [[String: Any]]
            do { sample = try articles(expectation.file, limit: 400) } catch is XCTSkip { continue }
            checked += 1
            var withDate = 0
            for article in sample {
                guard let text = article["text"] as? String else { continue }
                let bytes = Array(text.utf8)
                let found = parser.find(in: text, lang: expectation.lang)
                var previousEnd = 0
                for mention in found {
                    XCTAssertGreaterThanOrEqual(mention.utf8Range.lowerBound, previousEnd, "mentions overlap or are out of order")
                    XCTAssertEqual(String(decoding: bytes[mention.utf8Range], as: UTF8.self), mention.text)
                    previousEnd = mention.utf8Range.upperBound
                }
                if found.contains(where: { !$0.relative }) { withDate += 1 }
            }
            let share = Double(withDate) / Double(sample.count)
            print("date share \(expectation.file): \(share)")
            XCTAssertGreaterThan(share, expectation.minimum, "\(expectation.file): share of articles with a date")
            XCTAssertLessThan(share, 0.9, "\(expectation.file): too many dates, the parser over-matches")
        }
        if checked == 0 { throw XCTSkip("../shared/corpus absent") }
    }

    /// The Arabic set's `date` field is RFC 822 ("Sun, 18 Feb 2018 21:35:43 +0400").
    func testCorpusMetadataDatesParse() throws {
        let sample = try articles("ar-ant-multisource.jsonl", limit: 500)
        let parser = DateParser()
        var total = 0, parsed = 0
        for article in sample {
            guard let field = article["date"] as? String else { continue }
            total += 1
            if let mention = parser.parse(field), mention.start.precision == .day { parsed += 1 }
        }
        XCTAssertGreaterThan(total, 0)
        XCTAssertEqual(parsed, total)
    }

    /// The dates the gold file gives for the seeds are the first explicit dates of their text.
    func testSeedDates() throws {
        let local = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let seeds = [local, URL(fileURLWithPath: "/work/main/seeds")]
            .first { FileManager.default.fileExists(atPath: $0.path) }
        guard let seeds, let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path), !names.isEmpty else {
            throw XCTSkip("seeds/ absent")
        }
        let expected: [String: (lang: String, iso: String)] = [
            "000": ("sw", "2024-07-03"), "001": ("ar", "--09-15"), "004": ("sw", "2024-06-19"),
        ]
        for name in names.sorted() {
            guard let (lang, iso) = expected[String(name.prefix(3))] else { continue }
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let first = DateParser().find(in: text, lang: lang).first { !$0.relative }
            XCTAssertEqual(first?.iso, iso, name)
        }
    }
}

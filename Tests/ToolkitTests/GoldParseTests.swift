import Foundation
import XCTest

/// `toolkit parse --format json` on each seed agrees with what a careful analyst reads out of it
/// (../shared/gold/seeds.json, a fixture outside the repository; skipped when absent).
final class GoldParseTests: ToolkitProcessTestCase {
    func testParseJSONAgreesWithGold() throws {
        let goldURL = ToolkitProcessTestCase.repo.deletingLastPathComponent().appendingPathComponent("shared/gold/seeds.json")
        guard let goldData = try? Data(contentsOf: goldURL) else { throw XCTSkip("../shared/gold/seeds.json is absent") }
        let gold = try XCTUnwrap((try JSONSerialization.jsonObject(with: goldData) as? [String: Any])?["articles"] as? [String: [String: Any]])
        let result = try toolkit(["parse", "seeds/", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(parsed.count, gold.count)
        for article in parsed {
            let path = try XCTUnwrap(article["path"] as? String)
            let name = String(path.split(separator: "/").last!)
            let expected = try XCTUnwrap(gold[name], name)
            for field in ["lang", "title", "lede", "date", "source"] {
                let want = expected[field] as? String
                XCTAssertEqual(article[field] as? String, want, "\(name) \(field)")
            }
            for field in ["agencies", "related", "captions", "headings"] {
                XCTAssertEqual(article[field] as? [String], expected[field] as? [String], "\(name) \(field)")
            }
            XCTAssertEqual(article["credits"] as? [String], expected["credits"] as? [String], "\(name) credits")
            let paragraphs = (article["paragraphs"] as? [String]) ?? []
            let wantParagraphs = try XCTUnwrap(expected["paragraphs"] as? Int)
            XCTAssertLessThanOrEqual(abs(paragraphs.count - wantParagraphs), 1, "\(name) paragraph count")
            let body = [article["title"] as? String ?? ""] + paragraphs
            for line in (expected["not_body"] as? [String]) ?? [] {
                XCTAssertFalse(body.contains { $0.contains(line.trimmingCharacters(in: .whitespaces)) }, "\(name): '\(line)' reached the body")
            }
            let quotes = (article["quotes"] as? [[String: Any]]) ?? []
            for want in (expected["quotes"] as? [[String: Any]]) ?? [] {
                let text = try XCTUnwrap(want["text"] as? String)
                XCTAssertTrue(quotes.contains { ($0["text"] as? String) == text }, "\(name): quote not found: \(text)")
            }
        }
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// A sweep over the real articles of ../shared/corpus (skipped when absent): no crash, valid
/// offsets, mentions of every kind, and the most frequent unlinked people per language printed
/// for a reader to judge precision. By default the first articles of each file are read, to
/// stay fast in debug builds; EXTRACTION_SWEEP_ALL=1 reads everything.
final class ExtractionCorpusTests: XCTestCase {
    private static let articlesPerFile = 120

    private func corpusFolder() throws -> URL {
        guard let found = SharedTestData.corpus() else { throw XCTSkip("no corpus at ../shared/corpus: sweep skipped") }
        return found
    }

    func testCorpusSweep() throws {
        let folder = try corpusFolder()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
        try XCTSkipIf(files.isEmpty, "no corpus files")
        let all = ProcessInfo.processInfo.environment["EXTRACTION_SWEEP_ALL"] == "1"
        var kinds: [String: Int] = [:]
        for file in files {
            let lang = String(file.lastPathComponent.prefix(while: { $0 != "-" }))
            var people: [String: Int] = [:]
            var articles = 0
            let data = try Data(contentsOf: file)
            for line in data.split(separator: 0x0A) {
                if !all && articles >= Self.articlesPerFile { break }
                guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                articles += 1
                let found = RuleExtractor.bundled.mentions(in: text, lang: lang) + RuleExtractor.bundled.amounts(in: text, lang: lang)
                ExtractionProbe.assertOffsets(found, in: text)
                for mention in found {
                    kinds[mention.kind, default: 0] += 1
                    XCTAssertTrue((0...1).contains(mention.score))
                    XCTAssertTrue(mention.id.hasPrefix("~" + mention.kind + "/"), mention.id)
                    if mention.kind == "person" { people[mention.name, default: 0] += 1 }
                }
            }
            let top = people.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(30)
            print("== \(file.lastPathComponent): \(articles) articles, \(people.values.reduce(0, +)) person mentions; top 30:")
            for (name, count) in top { print(String(format: "%5d  ", count) + name) }
        }
        print("== mentions per kind: \(kinds.sorted { $0.key < $1.key })")
        for kind in ["person", "org", "place", "money", "percent", "quantity"] {
            XCTAssertGreaterThan(kinds[kind, default: 0], 0, "no \(kind) mention in the corpus")
        }
    }
}

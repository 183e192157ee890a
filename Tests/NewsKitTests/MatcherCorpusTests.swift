import Foundation
import XCTest
@testable import NewsKit

/// The matcher on real articles of ../shared/corpus (skipped when absent): offsets exact, no
/// overlaps, no crash, with the bundled world knowledge base when the checkout has it.
final class MatcherCorpusTests: XCTestCase {
    private static let repositoryRoot = SharedTestData.repoRoot

    /// The first 40 articles of each corpus file, read once for all tests.
    private static let samples: [(lang: String, text: String)]? = {
        guard let directory = SharedTestData.corpus(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        var articles: [(String, String)] = []
        for name in names.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { continue }
            var start = data.startIndex
            var taken = 0
            while taken < 40, start < data.endIndex {
                let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
                if let object = try? JSONSerialization.jsonObject(with: data[start..<end]) as? [String: Any],
                   let text = object["text"] as? String {
                    articles.append((object["lang"] as? String ?? "", text))
                    taken += 1
                }
                start = end + 1
            }
        }
        return articles
    }()

    /// Up to `perFile` articles from each corpus file.
    private func sampleArticles(perFile: Int) throws -> [(lang: String, text: String)] {
        guard let samples = MatcherCorpusTests.samples else {
            throw XCTSkip("corpus not found (../shared/corpus); set TOOLKIT_CORPUS to run this test")
        }
        var taken: [String: Int] = [:]
        return samples.filter { sample in
            taken[sample.lang, default: 0] += 1
            return taken[sample.lang]! <= perFile
        }
    }

    private func knowledgeBase() throws -> KnowledgeBase {
        let world = MatcherCorpusTests.repositoryRoot.appendingPathComponent("Plugins/world/kb")
        if FileManager.default.fileExists(atPath: world.path) {
            let kb = try KnowledgeBase.load(directory: world)
            if kb.variantCount > 0 { return kb.adding(MatcherTests.fixture.profiles) }
        }
        return MatcherTests.fixture
    }

    func testOffsetsAreExactOnRealArticles() throws {
        let articles = try sampleArticles(perFile: 40)
        let matcher = EntityMatcher(knowledgeBase: try knowledgeBase())
        var total = 0
        var byLanguage: [String: Int] = [:]
        for (lang, text) in articles {
            let original = Array(text.utf8)
            var lastEnd = 0
            for match in matcher.matches(in: text, language: lang) {
                let range = match.utf8Range
                XCTAssertEqual(String(decoding: original[range], as: UTF8.self), match.surface)
                XCTAssertGreaterThanOrEqual(range.lowerBound, lastEnd)
                XCTAssertFalse(original[range.lowerBound] & 0xC0 == 0x80, "starts inside a character")
                XCTAssertTrue(range.upperBound == original.count || original[range.upperBound] & 0xC0 != 0x80)
                let surface = KnowledgeBase.foldSpelling(match.surface)
                let variant = KnowledgeBase.foldSpelling(match.variant.text)
                XCTAssertTrue(surface == variant || "ا" + surface == variant, "\(match.surface) vs \(match.variant.text)")
                lastEnd = range.upperBound
                total += 1
                byLanguage[lang, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(total, 100, "names of the knowledge base occur in real news")
        for lang in ["ar", "fa", "sw", "en"] where articles.contains(where: { $0.lang == lang }) {
            XCTAssertGreaterThan(byLanguage[lang] ?? 0, 0, "some entity found in \(lang) articles")
        }
    }

    func testFoldingMapsBackOnRealArticles() throws {
        for (_, text) in try sampleArticles(perFile: 10) {
            let folded = TextFolder.foldWithMap(text)
            XCTAssertEqual(folded.string, TextFolder.fold(text))
            let original = Array(text.utf8)
            var previous: Int32 = 0
            for k in stride(from: 0, to: folded.bytes.count, by: 7) {
                XCTAssertGreaterThanOrEqual(folded.map[k], previous)
                previous = folded.map[k]
                XCTAssertFalse(original[Int(folded.map[k])] & 0xC0 == 0x80)
            }
        }
    }

    func testAutomatonCountsEqualANaiveSearchOnARealText() throws {
        let articles = try sampleArticles(perFile: 2)
        let text = Array(articles.map { TextFolder.fold($0.text) }.joined(separator: "\n").utf8)
        let patterns = EntityMatcher(knowledgeBase: MatcherTests.fixture).foldedPatterns
        let automaton = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 2048)
        var expected = 0
        for pattern in patterns where pattern.count <= text.count {
            var start = 0
            while start + pattern.count <= text.count {
                if text[start] == pattern[0] && text[start..<start + pattern.count].elementsEqual(pattern) { expected += 1 }
                start += 1
            }
        }
        XCTAssertEqual(text.withUnsafeBufferPointer { automaton.countMatches(in: $0) }, expected)
    }
}

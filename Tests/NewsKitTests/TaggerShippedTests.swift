import Foundation
import XCTest
@testable import NewsKit

/// The weights the ner plugin ships (Plugins/ner/tagger) on real sentences of ../shared/corpus
/// (skipped when absent), alone and inside the annotator.
final class TaggerShippedTests: XCTestCase {
    private static let repo = SharedTestData.repoRoot

    private static let tagger: NameTagger? = {
        let folder = repo.appendingPathComponent("Plugins/ner/tagger")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".tagger") }.map { folder.appendingPathComponent($0) }
        return try? NameTagger(files: files)
    }()

    /// The first line of `file` in ../shared/corpus whose text holds `needle`, or a skip.
    private func corpusText(_ file: String, containing needle: String) throws -> String {
        let url = try SharedTestData.corpusFile(file)
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where line.contains(needle) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let text = object?["text"] as? String, let range = text.range(of: needle) {
                // The sentence around the needle.
                let start = text[..<range.lowerBound].lastIndex(where: { ".\n".contains($0) }).map { text.index(after: $0) } ?? text.startIndex
                let end = text[range.upperBound...].firstIndex(where: { ".\n".contains($0) }) ?? text.endIndex
                return String(text[start..<end])
            }
        }
        throw XCTSkip("no line of \(file) holds \(needle)")
    }

    private func names(_ text: String, _ lang: String) throws -> [String] {
        let tagger = try XCTUnwrap(Self.tagger, "Plugins/ner/tagger does not load")
        // Without the world knowledge base's words (loading it takes seconds in a debug build):
        // the names must come from the words and their contexts alone.
        return tagger.spans(in: text, lang: lang, gazetteer: .empty).map {
            "\($0.kindName) " + String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
    }

    func testShippedWeightsCoverTheCorpusLanguages() throws {
        XCTAssertEqual(try XCTUnwrap(Self.tagger).languages, ["ar", "en", "fa", "sw"])
    }

    func testSwahiliPeopleWithoutATitle() throws {
        let text = try corpusText("sw-masakhanews.jsonl", containing: "Kiongozi wa chama cha Ford-Kenya, Moses Wetangula")
        let found = try names(text, "sw")
        XCTAssertTrue(found.contains("person Moses Wetangula"), "\(found)")
        XCTAssertTrue(found.contains("person Kenneth Marende"), "\(found)")
    }

    func testPersianPeopleWithoutATitle() throws {
        let text = try corpusText("fa-fars-news.jsonl", containing: "ترکیب ابتدایی رضا نظری‌کیا")
        let found = try names(text, "fa")
        XCTAssertTrue(found.contains("person رضا نظری‌کیا"), "\(found)")
    }

    /// In the annotator the tagger adds names and every knowledge-base find stays as it was.
    func testAnnotatorKeepsTheKnowledgeBaseFindsAndAddsTaggerNames() throws {
        let text = try corpusText("sw-masakhanews.jsonl", containing: "Kiongozi wa chama cha Ford-Kenya, Moses Wetangula")
        // A one-profile base keeps the test fast; the world base takes seconds to compile in a debug build.
        let base = KnowledgeBase(profiles: [EntityProfile(id: "place/ke", kind: "place", name: "Kenya",
                                                          variants: [EntityVariant(text: "Kenya", lang: "sw")])])
        var record = InputRecord(document: Document(origin: "sw.txt", text: text))
        record.lang = "sw"
        record.title = "Spika"
        let article = ArticleReader().article(from: record)
        var rules = RuleExtractor.bundled
        rules.tagger = try XCTUnwrap(Self.tagger)
        let with = EntityAnnotator(knowledgeBase: base, rules: rules).annotate(article).mentions
        let without = EntityAnnotator(knowledgeBase: base).annotate(article).mentions
        XCTAssertEqual(with.filter { $0.extractor == "kb" }, without.filter { $0.extractor == "kb" })
        let tagged = with.filter { $0.extractor == "tagger" }
        XCTAssertFalse(tagged.isEmpty, "\(with.map { "\($0.kind) \($0.text) \($0.extractor)" })")
        for m in tagged {
            XCTAssertTrue(m.id.hasPrefix("~\(m.kind)/"), m.id)
            XCTAssertFalse(with.contains { $0.extractor == "kb" && $0.first! <= m.last! && m.first! <= $0.last! }, m.text)
        }
        let wetangula = try XCTUnwrap(with.first { $0.text == "Moses Wetangula" })
        XCTAssertEqual(wetangula.kind, "person")
        XCTAssertEqual(wetangula.id, "~person/moses-wetangula")
    }

    /// The tagger reads a long text in windows of `EntityAnnotator.taggerWindow` (issue 7: its
    /// working memory is about 40 bytes per byte of what it reads at once): the names of every
    /// window keep offsets into the whole text, and a window finds what the sentence alone finds.
    func testNamesOfATextLongerThanTheTaggerWindowMapBack() throws {
        let sentence = try corpusText("sw-masakhanews.jsonl", containing: "Kiongozi wa chama cha Ford-Kenya, Moses Wetangula")
        let count = EntityAnnotator.taggerWindow / sentence.utf8.count * 2 + 3
        let paragraphs = (1...count).map { "\(sentence). Aya ya \($0)." }
        var record = InputRecord(document: Document(origin: "sw.txt", text: paragraphs.joined(separator: "\n\n")))
        record.lang = "sw"
        let article = ArticleReader().article(from: record)
        XCTAssertGreaterThan(article.text.utf8.count, 2 * EntityAnnotator.taggerWindow)
        var rules = RuleExtractor.bundled
        rules.tagger = try XCTUnwrap(Self.tagger)
        let mentions = EntityAnnotator(knowledgeBase: KnowledgeBase(profiles: []), rules: rules).annotate(article).mentions
        let text = Array(article.text.utf8)
        let wetangula = mentions.filter { $0.text == "Moses Wetangula" }
        XCTAssertEqual(wetangula.count, count, "once in every paragraph, windows included")
        for m in mentions where m.first != nil {
            XCTAssertEqual(String(decoding: text[(m.first! - 1)..<m.last!], as: UTF8.self), m.text)
        }
    }
}

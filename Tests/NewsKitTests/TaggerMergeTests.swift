import Foundation
import XCTest
@testable import NewsKit

/// How the tagger's names replace the rules' (`EntityAnnotator.mergingTagger`): a rule's person,
/// organisation or place that a kept tagger name overlaps goes, unless the tagger found the very
/// same name (same bytes, same kind), which stays with its rule and role, and a tagger person
/// inside a speaker's name goes instead. The merge looks such names up by value (range and
/// kind); this recomputes the rule on real Swahili, English and Persian articles of
/// ../shared/corpus from the tagger's own spans, and needs each case to occur.
final class TaggerMergeTests: XCTestCase {
    private static let repo = SharedTestData.repoRoot
    private static let isRule = Set(Mention.ruleExtractors)

    func testRuleNamesStayExactlyWhereTheTaggerFoundTheSameName() throws {
        let folder = Self.repo.appendingPathComponent("Plugins/ner/tagger")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".tagger") }.map { folder.appendingPathComponent($0) }
        let tagger = try NameTagger(files: files)
        // No knowledge base: every sure find is a date or an amount, so the kept names are known here.
        let base = KnowledgeBase(profiles: [])
        var rules = RuleExtractor.bundled
        rules.tagger = tagger
        let withTagger = EntityAnnotator(knowledgeBase: base, rules: rules)
        let withoutTagger = EntityAnnotator(knowledgeBase: base)
        var sameNames = 0, replaced = 0, insideSpeakers = 0
        for (file, lang) in [("sw-masakhanews.jsonl", "sw"), ("en-tehran-times.jsonl", "en"), ("fa-fars-news.jsonl", "fa")] {
            let lines = try String(contentsOf: SharedTestData.corpusFile(file), encoding: .utf8).split(separator: "\n").prefix(40)
            for line in lines {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                var record = InputRecord(document: Document(origin: file, text: text))
                record.lang = lang
                let article = ArticleReader().article(from: record)
                let with = withTagger.annotate(article).mentions.filter { $0.first != nil }
                let without = withoutTagger.annotate(article).mentions.filter { $0.first != nil }
                func range(_ m: EntityMention) -> Range<Int> { (m.first! - 1)..<m.last! }
                let sure = without.filter { !Self.isRule.contains($0.extractor) }.map(range)
                let speakers = without.filter { $0.extractor == "speaker" && $0.kind == "person" }.map(range)
                let kept = tagger.spans(in: article.text, lang: lang, gazetteer: tagger.gazetteer(for: base))
                    .filter { span in !sure.contains { $0.overlaps(span.range) } }
                    .filter { span in
                        let inside = span.kindName == "person" && speakers.contains {
                            $0 != span.range && $0.lowerBound <= span.range.lowerBound && span.range.upperBound <= $0.upperBound
                        }
                        if inside { insideSpeakers += 1 }
                        return !inside
                    }
                let expected = without.filter { Self.isRule.contains($0.extractor) }.filter { m in
                    let r = range(m)
                    if kept.contains(where: { $0.range == r && $0.kindName == m.kind }) { sameNames += 1; return true }
                    if kept.contains(where: { $0.range.overlaps(r) }) { replaced += 1; return false }
                    return true
                }
                let found = with.filter { Self.isRule.contains($0.extractor) }
                XCTAssertEqual(found.map { "\(range($0)) \($0.kind) \($0.role ?? "")" },
                               expected.map { "\(range($0)) \($0.kind) \($0.role ?? "")" }, "\(file): \(text.prefix(60))")
            }
        }
        XCTAssertGreaterThan(sameNames, 0, "no rule name was also the tagger's")
        XCTAssertGreaterThan(replaced, 0, "no rule name was replaced by the tagger's")
        XCTAssertGreaterThan(insideSpeakers, 0, "no tagger person was inside a speaker's name")
    }
}

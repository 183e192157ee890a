import Foundation
import NewsKit

/// The knowledge base and annotator that label and evaluate, loaded once.
struct TrainingSetup {
    let options: TrainingOptions
    let knowledgeBase: KnowledgeBase
    let gazetteer: TaggerGazetteer
    let annotator: EntityAnnotator

    init(options: TrainingOptions) throws {
        self.options = options
        let files = try FileManager.default.contentsOfDirectory(at: options.knowledgeBase, includingPropertiesForKeys: nil)
            .filter { ["jsonl", "tsv"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        knowledgeBase = try KnowledgeBase.load(files: files)
        gazetteer = TaggerGazetteer(knowledgeBase: knowledgeBase)
        annotator = EntityAnnotator(knowledgeBase: knowledgeBase)
    }

    /// A language's examples, split: every tenth run of 50 sentences (annotated sets) or article
    /// (corpus) is the development split, never trained on.
    func data(for lang: String) throws -> LanguageData {
        let annotated = options.train.appendingPathComponent("ner-\(lang).conll")
        // Grouped by article, so that no article has paragraphs on both sides of the split.
        var examples: [[TaggerExample]]
        var source: String
        if FileManager.default.fileExists(atPath: annotated.path) {
            // Sentences come in article order: runs of 50 keep an article's repeated names on one
            // side of the split, so that the development figures are not inflated by them.
            let sentences = try TaggerCoNLL.read(annotated).map { TaggerExample(text: $0.text, spans: $0.spans, gazetteer: gazetteer) }
            examples = stride(from: 0, to: sentences.count, by: 50).map { Array(sentences[$0..<min($0 + 50, sentences.count)]) }
            source = annotated.lastPathComponent
        } else {
            let file = try FileManager.default.contentsOfDirectory(at: options.corpus, includingPropertiesForKeys: nil)
                .first { $0.lastPathComponent.hasPrefix("\(lang)-") && $0.pathExtension == "jsonl" }
            guard let file else { throw TrainingError("no ner-\(lang).conll in \(options.train.path) and no \(lang)-*.jsonl in \(options.corpus.path)") }
            examples = distantExamples(file, lang: lang)
            source = file.lastPathComponent + " (labelled by the knowledge base and rules)"
        }
        var data = LanguageData(lang: lang, source: source)
        for (i, group) in examples.enumerated() {
            if i % 10 == 0 { data.dev += group } else { data.train += group }
        }
        data.kinds = Set(examples.joined().flatMap { $0.spans.map(\.kind) }).sorted()
        return data
    }

    /// Unlabelled text of `lang` for learning word classes: every article of its corpus file
    /// (`../shared/corpus/LANG-*.jsonl`) and the training split's sentences, never the development
    /// split's.
    func clusterTexts(for lang: String, training: [TaggerExample]) throws -> [String] {
        var texts = training.map(\.text)
        let files = try FileManager.default.contentsOfDirectory(at: options.corpus, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("\(lang)-") && $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
        for file in files {
            JSONLinesReader(origin: file.lastPathComponent).read(try Data(contentsOf: file), warn: { _ in }) { record in
                texts.append(record.document.text)
            }
        }
        return texts
    }

    /// Articles of a corpus file, their body labelled with what the knowledge base, the rules and
    /// the date parser find in it: one example per paragraph.
    func distantExamples(_ file: URL, lang: String) -> [[TaggerExample]] {
        guard let bytes = try? Data(contentsOf: file) else { return [] }
        var records: [InputRecord] = []
        JSONLinesReader(origin: file.lastPathComponent).read(bytes, warn: { _ in }) { record in
            if records.count < options.articles { records.append(record) }
        }
        let reader = ArticleReader()
        var examples: [[TaggerExample]] = []
        for var record in records {
            var group: [TaggerExample] = []
            record.lang = lang
            let article = reader.article(from: record)
            // Adjectives and demonyms (Iranian, الروسي) are the knowledge base's, not names to learn.
            let mentions = annotator.annotate(article).mentions.filter { $0.section == "text" && $0.first != nil && $0.form == nil }
            let text = Array(article.text.utf8)
            var start = 0
            // Paragraphs are joined by a blank line in `Article.text`.
            while start < text.count {
                var end = start
                while end < text.count && !(text[end] == 0x0A && end + 1 < text.count && text[end + 1] == 0x0A) { end += 1 }
                let spans = mentions.compactMap { m -> TaggedSpan? in
                    guard let kind = TaggerLabel.kinds.firstIndex(of: m.kind), m.first! - 1 >= start, m.last! <= end else { return nil }
                    return TaggedSpan(range: (m.first! - 1 - start)..<(m.last! - start), kind: kind)
                }
                let paragraph = String(decoding: text[start..<end], as: UTF8.self)
                if !paragraph.isEmpty { group.append(TaggerExample(text: paragraph, spans: spans, gazetteer: gazetteer)) }
                start = end + 2
            }
            examples.append(group)
        }
        return examples
    }
}

struct LanguageData {
    var lang: String
    var source: String
    var train: [TaggerExample] = []
    var dev: [TaggerExample] = []
    /// Kinds the data annotates: figures are given for those only.
    var kinds: [Int] = []
}

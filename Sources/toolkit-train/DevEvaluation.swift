import Foundation
import NewsKit

/// Figures of the development split, per kind: the knowledge base and rules alone, the tagger
/// alone, and the two combined as `EntityAnnotator` combines them; then tagging speed. For Arabic
/// and English the gold is the knowledge base and rules' own labelling: the figures say how far
/// the tagger learnt it, not how right either is.
struct DevEvaluation {
    let setup: TrainingSetup
    let model: TaggerModel
    let data: LanguageData

    func run() -> String {
        let tagger = NameTagger(models: [model])
        var withTagger = setup.annotator
        var rules = withTagger.rules
        rules.tagger = tagger
        withTagger = EntityAnnotator(knowledgeBase: setup.knowledgeBase, rules: rules)
        var pipeline = TaggerScore(), alone = TaggerScore(), combined = TaggerScore()
        var outsideBody = 0
        let kinds = Set(data.kinds)
        for example in data.dev {
            let gold = example.spans.filter { kinds.contains($0.kind) }
            alone.add(gold: gold, found: tagger.spans(in: example.text, lang: data.lang, gazetteer: setup.gazetteer).filter { kinds.contains($0.kind) })
            guard let kb = annotated(example.text, by: setup.annotator), let both = annotated(example.text, by: withTagger) else {
                outsideBody += 1
                pipeline.add(gold: gold, found: [])
                combined.add(gold: gold, found: [])
                continue
            }
            pipeline.add(gold: gold, found: kb.filter { kinds.contains($0.kind) })
            combined.add(gold: gold, found: both.filter { kinds.contains($0.kind) })
        }
        var lines = ["\(data.lang): development split of \(data.source): \(data.dev.count) examples, trained on \(data.train.count)"]
        if outsideBody > 0 { lines.append("  (\(outsideBody) examples not read as body text by the article parser count as found nothing by the pipeline)") }
        lines.append("  kind      gold   KB+rules P/R/F1       tagger alone P/R/F1   KB+rules+tagger P/R/F1")
        for kind in data.kinds.map(Optional.some) + [nil] {
            let name = kind.map { TaggerLabel.kinds[$0] } ?? "all"
            let a = pipeline.figures(kind: kind), b = alone.figures(kind: kind), c = combined.figures(kind: kind)
            func f(_ x: (precision: Double, recall: Double, f1: Double, gold: Int)) -> String {
                String(format: "%.3f/%.3f/%.3f", x.precision, x.recall, x.f1)
            }
            lines.append("  " + name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%6d", a.gold)
                         + "   " + f(a) + "   " + f(b) + "   " + f(c))
        }
        let (mbPerSecond, bytes, passes) = speed(tagger)
        lines.append(String(format: "  tagging speed: %.1f MB/s on one core (tokens, features, Viterbi; %d passes over %d bytes)", mbPerSecond, passes, bytes))
        return lines.joined(separator: "\n")
    }

    /// The annotator's person, org, place and date mentions of `text` read as an article's body,
    /// as spans of `text`; nil when the parser did not keep it as body text.
    private func annotated(_ text: String, by annotator: EntityAnnotator) -> [TaggedSpan]? {
        var record = InputRecord(document: Document(origin: "dev.txt", text: text))
        record.lang = data.lang
        record.title = "dev"
        let article = ReaderCache.reader.article(from: record)
        guard let found = article.text.utf8.firstRange(of: text.utf8) else { return nil }
        let offset = article.text.utf8.distance(from: article.text.utf8.startIndex, to: found.lowerBound)
        let length = text.utf8.count
        return annotator.annotate(article).mentions.compactMap { m in
            // An adjective or demonym (Kirusi, روسی) is a mention of the place to the toolkit and
            // no name at all to the annotation guidelines of both sets.
            guard m.section == "text", m.form == nil, let first = m.first, let last = m.last, let kind = TaggerLabel.kinds.firstIndex(of: m.kind),
                  first - 1 >= offset, last <= offset + length else { return nil }
            return TaggedSpan(range: (first - 1 - offset)..<(last - offset), kind: kind)
        }
    }

    /// MB of text tagged per second by one thread: the best of repeated passes over the
    /// development texts for two seconds (or `--passes` of them, for counting instructions
    /// under callgrind). This machine is shared with other builds, and a virtual
    /// machine's thread time counts the time the host gave to others: the fastest pass is the
    /// one least disturbed.
    private func speed(_ tagger: NameTagger) -> (mbPerSecond: Double, bytes: Int, passes: Int) {
        // Joined into texts of article length (about 4 KB): a sentence at a time would measure
        // the per-call set-up more than the tagging.
        var texts: [String] = [], current = ""
        for example in data.dev {
            current += example.text + "\n"
            if current.utf8.count > 4000 { texts.append(current); current = "" }
        }
        if !current.isEmpty { texts.append(current) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        guard bytes > 0 else { return (0, 0, 0) }
        var best = Double.infinity, found = 0, passes = 0
        let started = Date()
        while setup.options.passes.map({ passes < $0 }) ?? (Date().timeIntervalSince(started) < 2) {
            passes += 1
            let pass = Date()
            for text in texts { found += tagger.spans(in: text, lang: data.lang, gazetteer: setup.gazetteer).count }
            best = min(best, Date().timeIntervalSince(pass))
        }
        return (Double(bytes) / 1e6 / best, bytes, passes)
    }
}

enum ReaderCache {
    static let reader = ArticleReader()
}

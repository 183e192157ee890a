import Foundation

/// Finds person, organisation, place and date names with a trained model per language (an
/// averaged perceptron over hashed features, decoded by Viterbi), on the rule extractor's word
/// boundaries so that its spans fall where the other finds do.
public struct NameTagger: Sendable {
    public let models: [String: TaggerModel]
    private let gazetteers = GazetteerCache()

    public init(models: [TaggerModel]) {
        self.models = Dictionary(models.map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads `*.tagger` files; the first file of a language wins.
    public init(files: [URL]) throws {
        self.init(models: try files.map { try TaggerModel(contentsOf: $0) })
    }

    public var languages: [String] { models.keys.sorted() }

    /// Names in `text` (byte ranges of its UTF-8), in text order; none for a language without a model.
    public func spans(in text: String, lang: String?, gazetteer: TaggerGazetteer) -> [TaggedSpan] {
        guard let lang, let model = models[lang] else { return [] }
        var text = text
        return text.withUTF8 { spans(in: $0, model: model, gazetteer: gazetteer) }
    }

    /// The gazetteer of a knowledge base's words, built once per knowledge base: an annotator
    /// tags many articles with one.
    public func gazetteer(for knowledgeBase: KnowledgeBase) -> TaggerGazetteer {
        gazetteers.gazetteer(for: knowledgeBase)
    }

    func spans(in bytes: UnsafeBufferPointer<UInt8>, model: TaggerModel, gazetteer: TaggerGazetteer) -> [TaggedSpan] {
        let tokens = TaggerTokenizer.tokens(in: bytes, gazetteer: gazetteer, clusters: model.clusters)
        var tags: [Int] = [], margins: [Float] = []
        tokens.withUnsafeBufferPointer { model.tag($0, tags: &tags, margins: &margins) }
        var spans = TaggedSpan.spans(tags: tags, tokens: tokens)
        // Margins are per token; a span's is the mean over its tokens.
        var t = 0
        for s in spans.indices {
            while tokens[t].start < spans[s].range.lowerBound { t += 1 }
            var sum: Float = 0, count = 0
            while t < tokens.count && tokens[t].end <= spans[s].range.upperBound { sum += margins[t]; count += 1; t += 1 }
            spans[s].margin = Double(sum) / Double(max(count, 1))
        }
        return spans
    }
}

/// One gazetteer per knowledge base, kept with a strong reference to that base so that its
/// identity cannot be reused by another.
private final class GazetteerCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(base: KnowledgeBase, gazetteer: TaggerGazetteer)] = []

    func gazetteer(for base: KnowledgeBase) -> TaggerGazetteer {
        lock.lock()
        defer { lock.unlock() }
        if let found = entries.first(where: { $0.base === base }) { return found.gazetteer }
        let made = TaggerGazetteer(knowledgeBase: base)
        // `toolkit.kb.add` makes new bases; the old ones are not needed again.
        if entries.count >= 4 { entries.removeFirst() }
        entries.append((base, made))
        return made
    }
}

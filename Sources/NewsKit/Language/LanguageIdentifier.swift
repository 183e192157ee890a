import Foundation

/// Tells which language a text is written in: the script of most of its letters first, then, for
/// scripts that several languages share (Latin, Cyrillic, Arabic, Devanagari), a naive Bayes
/// vote of character n-grams against the bundled model (see tools/langid/README.md).
public struct LanguageIdentifier: Sendable {
    /// The identifier with the model bundled in NewsKit, loaded on first use.
    public static let shared = LanguageIdentifier(model: LanguageModel.loadBundledOrEmpty())

    let model: LanguageModel

    init(model: LanguageModel) {
        self.model = model
    }

    /// Every ISO 639-1 code the identifier can answer, sorted.
    public var languages: [String] {
        var codes = Set(model.languages.map(\.code))
        for script in Script.allCases {
            if let code = ScriptLanguages.soleLanguage(of: script) { codes.insert(code) }
        }
        return codes.sorted()
    }

    /// The most likely language of `text`; "und" when it has no letters.
    public func identify(_ text: String) -> LanguageGuess {
        var text = text
        return text.withUTF8 { identify(utf8: $0) }
    }

    /// The most likely language of UTF-8 `bytes`; allocates nothing.
    public func identify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        identify(parts: CollectionOfOne(bytes))
    }

    /// The language of the texts joined by line breaks, read in place: an article's title and
    /// text without a joined copy of them.
    public func identify(lines texts: [Substring]) -> LanguageGuess {
        var buffers: [UnsafeBufferPointer<UInt8>] = []
        func collect(_ rest: ArraySlice<Substring>) -> LanguageGuess {
            guard var first = rest.first else { return identify(parts: buffers) }
            return first.withUTF8 { bytes in
                buffers.append(bytes)
                return collect(rest.dropFirst())
            }
        }
        return collect(texts[...])
    }

    func identify(parts: some Collection<UnsafeBufferPointer<UInt8>>) -> LanguageGuess {
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: max(model.languages.count, 1)) { scores in
            scores.initialize(repeating: 0)
            let tally = NGramScorer.score(parts, model: model, into: scores.baseAddress!)
            let script = tally.dominant
            guard script != .common else { return .undetermined }
            let share = tally.share(of: script)
            if let code = ScriptLanguages.soleLanguage(of: script) {
                let traditional = script == .han && ScriptLanguages.isTraditionalChinese(parts)
                return LanguageGuess(code: code, confidence: share,
                                     script: ScriptLanguages.reportedScript(script, traditionalChinese: traditional))
            }
            let candidates = model.candidatesByScript[script.rawValue]
            guard var best = candidates.first else { return LanguageGuess(code: "und", confidence: 0, script: script.code) }
            for candidate in candidates where scores[candidate] > scores[best] { best = candidate }
            guard scores[best] > 0 else { return LanguageGuess(code: "und", confidence: 0, script: script.code) }
            var total = 0.0
            for candidate in candidates { total += probabilityWeight(scores[candidate], best: scores[best]) }
            return LanguageGuess(code: model.languages[best].code, confidence: share / total, script: script.code)
        }
    }

    /// Up to `limit` languages for `text`, most likely first, with their confidences.
    public func ranked(_ text: String, limit: Int) -> [LanguageGuess] {
        guard limit > 0 else { return [] }
        var text = text
        return text.withUTF8 { bytes -> [LanguageGuess] in
            var scores = [Int64](repeating: 0, count: max(model.languages.count, 1))
            let tally = scores.withUnsafeMutableBufferPointer {
                NGramScorer.score(bytes, model: model, into: $0.baseAddress!)
            }
            let script = tally.dominant
            let candidates = model.candidatesByScript[script.rawValue]
            guard ScriptLanguages.soleLanguage(of: script) == nil, let top = candidates.map({ scores[$0] }).max(), top > 0 else {
                return [identify(utf8: bytes)]
            }
            let share = tally.share(of: script)
            let total = candidates.reduce(0.0) { $0 + probabilityWeight(scores[$1], best: top) }
            return candidates
                .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : model.languages[$0].code < model.languages[$1].code }
                .prefix(limit)
                .map { LanguageGuess(code: model.languages[$0].code,
                                     confidence: share * probabilityWeight(scores[$0], best: top) / total,
                                     script: script.code) }
        }
    }

    /// exp of a score's distance to the best one, in nats tempered by the number of orders:
    /// the n-grams ending at one character overlap, so their evidence is not independent
    /// and the raw naive Bayes posterior would be overconfident.
    private func probabilityWeight(_ score: Int64, best: Int64) -> Double {
        let nats = Double(score - best) / Double(model.weightsPerNat)
        return exp(nats / Double(max(model.orderMask.nonzeroBitCount, 1)))
    }
}

extension LanguageModel {
    /// The bundled model; without it (a broken install) only single-language scripts are named.
    static func loadBundledOrEmpty() -> LanguageModel {
        (try? bundled()) ?? .empty
    }
}

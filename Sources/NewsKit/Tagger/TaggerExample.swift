/// One training sentence: its tokens' features and the gold tag of each.
public struct TaggerExample: Sendable {
    let tokens: [TaggerTokenizer.Token]
    let tags: [Int]
    public let text: String
    public let spans: [TaggedSpan]

    /// Tokens of `text` take the tags of the gold `spans` (byte ranges) they overlap: B for the
    /// first token of a span, I for the rest. The tokens are the ones tagging sees, so training
    /// and tagging agree on word boundaries even where the annotators' tokens differ.
    public init(text: String, spans: [TaggedSpan], gazetteer: TaggerGazetteer, clusters: TaggerClusters = .none) {
        var copy = text
        let tokens = copy.withUTF8 { TaggerTokenizer.tokens(in: $0, gazetteer: gazetteer, clusters: clusters) }
        var tags = [Int](repeating: TaggerLabel.outside, count: tokens.count)
        var t = 0
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            while t < tokens.count && tokens[t].end <= span.range.lowerBound { t += 1 }
            var first = true
            while t < tokens.count && tokens[t].start < span.range.upperBound {
                tags[t] = first ? TaggerLabel.begin(span.kind) : TaggerLabel.inside(span.kind)
                first = false
                t += 1
            }
        }
        self.text = text
        self.spans = spans
        self.tokens = tokens
        self.tags = tags
    }

    public var tokenCount: Int { tokens.count }
}

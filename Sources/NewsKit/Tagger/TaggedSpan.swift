/// A name the tagger found: a byte range of the tagged text and a kind index of `TaggerLabel.kinds`.
public struct TaggedSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var kind: Int
    /// Mean margin of the span's tags over the best other tag, in weight units: higher is surer.
    public var margin: Double

    public init(range: Range<Int>, kind: Int, margin: Double = 0) {
        self.range = range
        self.kind = kind
        self.margin = margin
    }

    public var kindName: String { TaggerLabel.kinds[kind] }

    /// Spans of a BIO tag sequence over `tokens`' byte ranges.
    static func spans(tags: [Int], tokens: [TaggerTokenizer.Token]) -> [TaggedSpan] {
        var spans: [TaggedSpan] = []
        var open: (start: Int, end: Int, kind: Int)?
        for (i, tag) in tags.enumerated() {
            if TaggerLabel.isInside(tag), var current = open, current.kind == TaggerLabel.kind(of: tag) {
                current.end = tokens[i].end
                open = current
                continue
            }
            if let current = open { spans.append(TaggedSpan(range: current.start..<current.end, kind: current.kind)) }
            open = TaggerLabel.kind(of: tag).map { (tokens[i].start, tokens[i].end, $0) }
        }
        if let current = open { spans.append(TaggedSpan(range: current.start..<current.end, kind: current.kind)) }
        return spans
    }
}

/// Span-level precision, recall and F1 by kind, CoNLL style: a found span counts only when
/// its byte range and kind are exactly a gold one's.
public struct TaggerScore: Sendable {
    public var truePositives = [Int](repeating: 0, count: TaggerLabel.kinds.count)
    public var falsePositives = [Int](repeating: 0, count: TaggerLabel.kinds.count)
    public var falseNegatives = [Int](repeating: 0, count: TaggerLabel.kinds.count)

    public init() {}

    public mutating func add(gold: [TaggedSpan], found: [TaggedSpan]) {
        let goldKeys = Set(gold.map { Key(range: $0.range, kind: $0.kind) })
        let foundKeys = Set(found.map { Key(range: $0.range, kind: $0.kind) })
        for k in foundKeys { if goldKeys.contains(k) { truePositives[k.kind] += 1 } else { falsePositives[k.kind] += 1 } }
        for k in goldKeys where !foundKeys.contains(k) { falseNegatives[k.kind] += 1 }
    }

    private struct Key: Hashable { var range: Range<Int>; var kind: Int }

    /// Precision, recall, F1 and gold count of one kind, or of all kinds for nil.
    public func figures(kind: Int?) -> (precision: Double, recall: Double, f1: Double, gold: Int) {
        let kinds = kind.map { [$0] } ?? Array(TaggerLabel.kinds.indices)
        let tp = Double(kinds.reduce(0) { $0 + truePositives[$1] })
        let fp = Double(kinds.reduce(0) { $0 + falsePositives[$1] })
        let fn = Double(kinds.reduce(0) { $0 + falseNegatives[$1] })
        let p = tp + fp > 0 ? tp / (tp + fp) : 0, r = tp + fn > 0 ? tp / (tp + fn) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, Int(tp + fn))
    }
}

import Foundation

/// Learns `TaggerClusters` from plain text: each of the most frequent words is described by the
/// frequent words seen just before and just after it (log counts, unit length), and spherical
/// k-means groups those descriptions into (at most) 255 classes. Deterministic: the vocabulary is ordered by
/// count then hash, and the centres start at words spread evenly over that order.
public enum TaggerClusterLearning {
    public static func learn(texts: [String], classes: Int = TaggerClusters.classes, maxWords: Int = 20_000, contextWords: Int = 300, minCount: Int = 3, iterations: Int = 12) -> TaggerClusters {
        // Each text's word hashes, as the tagger reads them (its folding and token boundaries).
        var sequences: [[UInt64]] = []
        var counts: [UInt64: Int] = [:]
        for var text in texts {
            let tokens = text.withUTF8 { TaggerTokenizer.tokens(in: $0, gazetteer: .empty) }
            let words = tokens.map(\.features.word)
            for w in words { counts[w, default: 0] += 1 }
            sequences.append(words)
        }
        let vocabulary = counts.filter { $0.value >= minCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(maxWords).map(\.key)
        let K = min(classes, TaggerClusters.classes)
        guard vocabulary.count > K else { return .none }
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let C = min(contextWords, vocabulary.count)
        let D = 2 * C
        var contexts = [[Int: Float]](repeating: [:], count: vocabulary.count)
        for words in sequences {
            for (i, w) in words.enumerated() {
                guard let v = index[w] else { continue }
                if i > 0, let c = index[words[i - 1]], c < C { contexts[v][c, default: 0] += 1 }
                if i + 1 < words.count, let c = index[words[i + 1]], c < C { contexts[v][C + c, default: 0] += 1 }
            }
        }
        // Sparse unit vectors, dimensions in order so that the sums are the same on every run.
        let vectors: [[(Int, Float)]] = contexts.map { context in
            var entries = context.map { ($0.key, log(1 + $0.value)) }.sorted { $0.0 < $1.0 }
            let norm = entries.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
            if norm > 0 { for i in entries.indices { entries[i].1 /= norm } }
            return entries
        }
        // Centres stored dimension-major, so that a word's scores against all of them are K-wide
        // additions per dimension it has.
        var centres = [Float](repeating: 0, count: D * K)
        for k in 0..<K {
            for (d, x) in vectors[k * vocabulary.count / K] { centres[d * K + k] = x }
        }
        var assignment = [Int](repeating: 0, count: vocabulary.count)
        var scores = [Float](repeating: 0, count: K)
        for _ in 0..<iterations {
            for (v, vector) in vectors.enumerated() {
                for k in 0..<K { scores[k] = 0 }
                for (d, x) in vector {
                    let base = d * K
                    for k in 0..<K { scores[k] += x * centres[base + k] }
                }
                var best = 0
                for k in 1..<K where scores[k] > scores[best] { best = k }
                assignment[v] = best
            }
            var sums = [Float](repeating: 0, count: D * K)
            var members = [Int](repeating: 0, count: K)
            for (v, vector) in vectors.enumerated() {
                let k = assignment[v]
                members[k] += 1
                for (d, x) in vector { sums[d * K + k] += x }
            }
            for k in 0..<K where members[k] > 0 {
                var norm: Float = 0
                for d in 0..<D { norm += sums[d * K + k] * sums[d * K + k] }
                norm = max(norm.squareRoot(), 1e-9)
                for d in 0..<D { centres[d * K + k] = sums[d * K + k] / norm }
            }
        }
        return TaggerClusters(classes: vocabulary.enumerated().map { ($1, UInt8(assignment[$0] + 1)) })
    }
}

import Foundation

/// Trains a `TaggerModel` by the averaged structured perceptron (Collins 2002): decode each
/// sentence with the current weights, and where the best sequence differs from the gold one,
/// add one to the gold tags' features and take one from the predicted ones. The averaged
/// weights (kept lazily as w − u/c) generalise far better than the last ones.
public struct TaggerTrainer {
    public let bits: Int
    public var epochs: Int
    public var seed: UInt64

    public init(bits: Int = 18, epochs: Int = 8, seed: UInt64 = 11) {
        self.bits = bits
        self.epochs = epochs
        self.seed = seed
    }

    /// The weights file's bytes for `language`; `progress` hears each epoch's count of wrong tokens.
    public func train(_ examples: [TaggerExample], language: String, clusters: TaggerClusters = .none, progress: (Int, Int, Int) -> Void = { _, _, _ in }) -> Data {
        let T = TaggerLabel.count, F = TaggerFeatures.count
        var w = [Float](repeating: 0, count: (1 << bits) * T), u = w
        var tw = [Float](repeating: 0, count: (T + 1) * T), tu = tw
        // Features do not change between epochs: their rows are computed once.
        let rows: [[UInt32]] = examples.map { ex in
            var out = [UInt32](repeating: 0, count: ex.tokens.count * F)
            ex.tokens.withUnsafeBufferPointer { tokens in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<tokens.count { TaggerFeatures.rows(at: i, of: tokens, bits: bits, into: o.baseAddress! + i * F) }
                }
            }
            return out
        }
        var order = Array(examples.indices)
        var rng = SplitMix(seed: seed)
        var c: Float = 1
        var emissions: [Float] = [], predicted: [Int] = []
        for epoch in 1...max(epochs, 1) {
            order.shuffle(using: &rng)
            var wrong = 0, total = 0
            for e in order {
                let ex = examples[e], n = ex.tokens.count
                guard n > 0 else { continue }
                total += n
                emissions = [Float](repeating: 0, count: n * T)
                rows[e].withUnsafeBufferPointer { r in
                    w.withUnsafeBufferPointer { w in
                        for i in 0..<n {
                            for k in 0..<F {
                                let base = Int(r[i * F + k]) * T
                                for t in 0..<T { emissions[i * T + t] += w[base + t] }
                            }
                        }
                    }
                }
                let constrained = TaggerViterbi.constrained(tw)
                emissions.withUnsafeBufferPointer { TaggerViterbi.decode(emissions: $0, count: n, transitions: constrained, into: &predicted) }
                for i in 0..<n {
                    let gold = ex.tags[i], guess = predicted[i]
                    let goldFrom = i == 0 ? T : ex.tags[i - 1], guessFrom = i == 0 ? T : predicted[i - 1]
                    if gold != guess {
                        wrong += 1
                        for k in 0..<F {
                            let base = Int(rows[e][i * F + k]) * T
                            w[base + gold] += 1; u[base + gold] += c
                            w[base + guess] -= 1; u[base + guess] -= c
                        }
                    }
                    if gold != guess || goldFrom != guessFrom {
                        tw[goldFrom * T + gold] += 1; tu[goldFrom * T + gold] += c
                        tw[guessFrom * T + guess] -= 1; tu[guessFrom * T + guess] -= c
                    }
                }
                c += 1
            }
            progress(epoch, wrong, total)
        }
        for i in w.indices { w[i] -= u[i] / c }
        for i in tw.indices { tw[i] -= tu[i] / c }
        return TaggerModel.encode(language: language, bits: bits, weights: w, transitions: tw, clusters: clusters)
    }
}

/// A small seeded generator, so that a training run shuffles the same way every time.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

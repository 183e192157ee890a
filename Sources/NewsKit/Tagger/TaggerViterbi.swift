/// The best tag sequence under emission scores (tokens × tags) and first-order transition scores
/// ((tags + 1) × tags, the last row from the start), where forbidden transitions are
/// `-Float.infinity`: dynamic programming, linear in the tokens.
enum TaggerViterbi {
    static func decode(emissions: UnsafeBufferPointer<Float>, count n: Int, transitions: [Float], into tags: inout [Int]) {
        let T = TaggerLabel.count
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        var back = [UInt8](repeating: 0, count: n * T)
        // Two rows of scores, the current one at `cur`: unchecked buffers, as this loop runs
        // T × T times per token.
        var rows = [Float](repeating: 0, count: 2 * T)
        var cur = 0
        transitions.withUnsafeBufferPointer { trans in
            rows.withUnsafeMutableBufferPointer { rows in
                back.withUnsafeMutableBufferPointer { back in
                    for t in 0..<T { rows[t] = trans[T * T + t] + emissions[t] }
                    for i in 1..<max(n, 1) {
                        let e = i * T, nxt = T - cur
                        for t in 0..<T {
                            var best = -Float.infinity, arg = 0
                            for p in 0..<T {
                                let s = rows[cur + p] + trans[p * T + t]
                                if s > best { best = s; arg = p }
                            }
                            rows[nxt + t] = best + emissions[e + t]
                            back[e + t] = UInt8(arg)
                        }
                        cur = nxt
                    }
                }
            }
        }
        var last = 0
        for t in 1..<T where rows[cur + t] > rows[cur + last] { last = t }
        tags = [Int](repeating: 0, count: n)
        tags[n - 1] = last
        var i = n - 1
        while i > 0 {
            last = Int(back[i * T + last])
            i -= 1
            tags[i] = last
        }
    }

    /// Transitions with the forbidden ones (I after O or after another kind) set to minus infinity.
    static func constrained(_ transitions: [Float]) -> [Float] {
        let T = TaggerLabel.count
        var out = transitions
        for p in 0...T {
            for t in 0..<T where !TaggerLabel.allowed(from: p == T ? nil : p, to: t) { out[p * T + t] = -.infinity }
        }
        return out
    }
}

/// A hash table of `RuleKey`s that places and probes keys by the FNV hash they already carry:
/// the rules look every token up in several tables, and a `Dictionary` would hash each key
/// again with SipHash. Open addressing with linear probing, at most half full.
struct RuleKeyTable<Value: Sendable>: Sendable {
    private var hashes: [UInt64] = []
    private var texts: [String] = []
    private var values: [Value?] = []
    private var mask = -1
    private(set) var count = 0

    init() {}

    init(_ dictionary: [RuleKey: Value]) {
        for (key, value) in dictionary { self[key] = value }
    }

    subscript(key: RuleKey) -> Value? {
        @inline(__always) get {
            guard count > 0 else { return nil }
            var i = Int(truncatingIfNeeded: key.hash) & mask
            while values[i] != nil {
                if hashes[i] == key.hash && texts[i].utf8.elementsEqual(key.text.utf8) { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else {
                preconditionFailure("RuleKeyTable: keys are never removed")
            }
            if (count + 1) * 2 > hashes.count { grow() }
            var i = Int(truncatingIfNeeded: key.hash) & mask
            while values[i] != nil {
                if hashes[i] == key.hash && texts[i].utf8.elementsEqual(key.text.utf8) {
                    values[i] = newValue
                    return
                }
                i = (i + 1) & mask
            }
            hashes[i] = key.hash
            texts[i] = key.text
            values[i] = newValue
            count += 1
        }
    }

    /// Every key and value, in no particular order.
    var entries: [(key: RuleKey, value: Value)] {
        values.indices.compactMap { i in values[i].map { (RuleKey(text: texts[i], hash: hashes[i]), $0) } }
    }

    private mutating func grow() {
        let old = entries
        let capacity = max(16, hashes.count * 2)
        hashes = [UInt64](repeating: 0, count: capacity)
        texts = [String](repeating: "", count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
        count = 0
        for (key, value) in old { self[key] = value }
    }
}

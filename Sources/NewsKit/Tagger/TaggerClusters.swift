/// Word classes learnt from unlabelled news text of a language (`TaggerClusterLearning`): words
/// used in like contexts share a class, so a name the annotated sentences never showed still
/// looks like the names they did when the corpus used it as one. Kept with the weights, in an
/// open-addressing table of 2^bits UInt32 slots, each a word's 24-bit fingerprint over its class
/// (1...255); 0 is an empty slot, and a word not in the table is class 0.
public struct TaggerClusters: Sendable {
    let bits: Int
    let slots: [UInt32]

    public static let none = TaggerClusters(bits: 0, slots: [])
    public static let classes = 255

    init(bits: Int, slots: [UInt32]) {
        self.bits = bits
        self.slots = slots
    }

    /// A table of `classes` (word hash → class in 1...255) at most two thirds full (20,000 words
    /// fit 2^15 slots: 128 KB).
    init(classes: [(hash: UInt64, cluster: UInt8)]) {
        var bits = 10
        while (1 << bits) * 2 < classes.count * 3 { bits += 1 }
        var slots = [UInt32](repeating: 0, count: 1 << bits)
        let mask = (1 << bits) - 1
        for (hash, cluster) in classes where cluster > 0 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Self.fingerprint(hash) << 8 | UInt32(cluster)
        }
        self.init(bits: bits, slots: slots)
    }

    @inline(__always)
    static func fingerprint(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 40) & 0xFF_FFFF }

    /// The class of the word whose folded hash is `hash`, 0 when the table does not hold it.
    @inline(__always)
    func cluster(of hash: UInt64) -> UInt8 {
        guard bits > 0 else { return 0 }
        let mask = (1 << bits) - 1
        let fingerprint = Self.fingerprint(hash)
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return 0 }
            if slot >> 8 == fingerprint { return UInt8(truncatingIfNeeded: slot) }
            i = (i + 1) & mask
        }
    }

    public var wordCount: Int { slots.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
}

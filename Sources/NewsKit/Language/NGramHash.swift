/// The hash of a character n-gram, the key of the language model's table. Same arithmetic as
/// `mix`, `finalize` and `ngram_hash` in tools/langid/textfold.py: FNV-1a over code points
/// fed from the n-gram's last character backwards (so the hashes of all n-grams ending at one
/// position come out of one chain), then murmur3's 64-bit finalizer. Whole words (`word_hash`)
/// are fed forwards and end with `wordTag`.
enum NGramHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let space: UInt32 = 0x20
    /// Ends the hash of a whole word (fed forwards: space, letters, space, tag); no letter
    /// has this value, so a word's hash never meets an n-gram's.
    static let wordTag: UInt32 = 0xFFFF
    static let wordOrder: UInt32 = 6

    @inline(__always)
    static func mix(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func finalize(_ hash: UInt64) -> UInt64 {
        var h = hash
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The hash of a whole n-gram given in reading order (tests and tools; the scanner chains).
    static func of(_ scalars: [UInt32]) -> UInt64 {
        var h = seed
        for scalar in scalars.reversed() { h = mix(h, scalar) }
        return finalize(h)
    }
}

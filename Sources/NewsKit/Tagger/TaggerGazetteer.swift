/// The words of the knowledge base's names, by kind: "Moses" in a person's spelling, "chuo" in
/// an organisation's. The tagger reads them as features, so a word it never saw in training
/// still counts as name-like when the knowledge base knows it, whatever the language.
public struct TaggerGazetteer: Sendable {
    /// Bits per folded word hash (`RuleToken.hash`, see `Bit`) in an open-addressed table at most
    /// half full: the tagger asks for every token of every text, and a `Dictionary` would hash
    /// each hash again with SipHash. A slot whose bits are 0 is empty (a held word has some bit).
    private var hashes: [UInt64] = []
    private var bits: [UInt8] = []
    private var shift: UInt64 = 64
    public private(set) var wordCount = 0

    enum Bit {
        static let personFirst: UInt8 = 1
        static let person: UInt8 = 2
        static let personLast: UInt8 = 4
        static let org: UInt8 = 8
        static let place: UInt8 = 16
        static let adjective: UInt8 = 32
    }

    public static let empty = TaggerGazetteer()

    init() {}

    public init(knowledgeBase: KnowledgeBase) {
        var masks: [UInt64: UInt8] = [:]
        for profile in knowledgeBase.profiles {
            let base: UInt8
            switch profile.kind {
            case "person": base = Bit.person
            case "org": base = Bit.org
            case "place": base = Bit.place
            default: continue
            }
            for variant in profile.variants {
                let words = RuleTokenizer.tokens(of: variant.text).filter { $0.isWord && $0.key.utf8.count > 1 }
                for (i, word) in words.enumerated() {
                    var bits = variant.isAdjectival ? Bit.adjective : base
                    if base == Bit.person && !variant.isAdjectival && words.count > 1 {
                        if i == 0 { bits |= Bit.personFirst }
                        if i == words.count - 1 { bits |= Bit.personLast }
                    }
                    masks[word.hash, default: 0] |= bits
                }
            }
        }
        self.init(masks: masks)
    }

    init(masks: [UInt64: UInt8]) {
        var tableBits = 4
        while (1 << tableBits) < masks.count * 2 { tableBits += 1 }
        hashes = [UInt64](repeating: 0, count: 1 << tableBits)
        bits = [UInt8](repeating: 0, count: 1 << tableBits)
        shift = UInt64(64 - tableBits)
        let slotMask = (1 << tableBits) - 1
        for (hash, mask) in masks where mask != 0 {
            var i = Self.slot(hash, shift)
            while bits[i] != 0 { i = (i + 1) & slotMask }
            hashes[i] = hash
            bits[i] = mask
            wordCount += 1
        }
    }

    /// Fibonacci hashing: the top bits of the product depend on every bit of the hash.
    @inline(__always)
    private static func slot(_ hash: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    func mask(of hash: UInt64) -> UInt8 {
        guard wordCount > 0 else { return 0 }
        let slotMask = bits.count - 1
        var i = Self.slot(hash, shift)
        while true {
            let found = bits[i]
            if found == 0 || hashes[i] == hash { return found }
            i = (i + 1) & slotMask
        }
    }
}

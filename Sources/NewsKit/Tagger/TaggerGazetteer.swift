/// The words of the knowledge base's names, by kind: "Moses" in a person's spelling, "chuo" in
/// an organisation's. The tagger reads them as features, so a word it never saw in training
/// still counts as name-like when the knowledge base knows it, whatever the language.
public struct TaggerGazetteer: Sendable {
    /// Bits per folded word hash (`RuleToken.hash`): see `Bit`.
    private var masks: [UInt64: UInt8] = [:]

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
    }

    @inline(__always)
    func mask(of hash: UInt64) -> UInt8 { masks[hash] ?? 0 }

    public var wordCount: Int { masks.count }
}

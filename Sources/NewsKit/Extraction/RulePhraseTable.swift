/// Multi-word phrases keyed by their folded tokens, matched leftmost-longest at a token
/// position. Phrases are tokenised by the same tokenizer as the text, so "US$", "Mr." and
/// "في المئة" match however they are spaced; a phrase never spans a line break.
struct RulePhraseTable<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        let rest: [RuleKey]
        let payload: Payload
    }

    private(set) var byFirst: [RuleKey: [Entry]] = [:]
    /// `byFirst` for the lookups of the hot path.
    private var lookup = RuleKeyTable<[Entry]>()
    private(set) var count = 0

    /// Adds a phrase; an existing identical phrase is kept (earlier data wins) unless `combine` merges them.
    mutating func insert(_ phrase: String, _ payload: Payload, combine: ((Payload, Payload) -> Payload)? = nil) {
        let keys = RuleTokenizer.tokens(of: phrase).map(\.ruleKey)
        guard let first = keys.first else { return }
        insert(first: first, Array(keys.dropFirst()), payload, combine: combine)
    }

    mutating func insert(first: RuleKey, _ rest: [RuleKey], _ payload: Payload,
                         combine: ((Payload, Payload) -> Payload)? = nil) {
        var entries = byFirst[first, default: []]
        if let existing = entries.firstIndex(where: { $0.rest == rest }) {
            if let combine { entries[existing] = Entry(rest: rest, payload: combine(entries[existing].payload, payload)) }
        } else {
            entries.append(Entry(rest: rest, payload: payload))
            entries.sort { $0.rest.count > $1.rest.count }
            count += 1
        }
        byFirst[first] = entries
        lookup[first] = entries
    }

    /// The longest phrase starting at token `i` (whose key may be replaced by `firstKey`,
    /// e.g. the stem of an Arabic word without its proclitic): its payload and the index after it.
    @inline(__always)
    func longest(in tokens: [RuleToken], at i: Int, firstKey: RuleKey? = nil) -> (payload: Payload, end: Int)? {
        guard i < tokens.count, let entries = lookup[firstKey ?? tokens[i].ruleKey] else { return nil }
        for entry in entries {
            let end = i + 1 + entry.rest.count
            guard end <= tokens.count else { continue }
            var matched = true
            for (offset, key) in entry.rest.enumerated() {
                let token = tokens[i + 1 + offset]
                if token.lineBefore || token.hash != key.hash || token.key != key.text { matched = false; break }
            }
            if matched { return (entry.payload, end) }
        }
        return nil
    }
}

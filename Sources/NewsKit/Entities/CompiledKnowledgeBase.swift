/// A knowledge base compiled for matching: unique folded spellings as automaton patterns, each
/// pointing back to the variants that spell it.
final class CompiledKnowledgeBase: Sendable {
    struct Reference: Sendable {
        var profile: Int32
        var variant: Int32
        /// Ambiguous alone: the variant says so, or it is one token of at most two letters.
        var short: Bool
        /// How the surface must be capitalised (see `Capitals`).
        var capitals: Capitals
        /// An adjective or demonym (Russian, الروسي): it does not license short aliases.
        var adjectival: Bool
        /// The variant's language as an index into `languages`; 0 when it has none.
        var language: UInt16
        /// Written in Arabic script: Arabic and Persian spellings of one name often differ, and a
        /// Persian spelling read in Arabic text is most often another word (see `arabicProfiles`).
        var arabicScript: Bool
    }

    /// Names in scripts with case are capitalised, so the surface must be too: Swahili "mali"
    /// (wealth) is not Mali, "sana" (very) is not SANA. Short all-capital acronyms (UN, AU, EU,
    /// SCO) must be all capitals, which keeps French "un" and English "us" out; so written, they
    /// are not ambiguous.
    enum Capitals: UInt8, Sendable {
        case any, initial, all
    }

    struct Pattern: Sendable {
        /// Offset of the reported range inside the pattern: 2 when the pattern is the "لل" form
        /// of a variant with its own article (the first ل is the proclitic).
        var reportOffset: Int
        var references: ArraySlice<Reference>
    }

    let automaton: AhoCorasickAutomaton
    let patternBytes: [[UInt8]]
    let patterns: [Pattern]
    /// Language codes of the variants, numbered from 1.
    let languages: [String: UInt16]
    /// Profiles with an Arabic spelling of their own: in Arabic text, their spellings of other
    /// Arabic-script languages do not count (Persian رقه is Raqqa, Arabic فرقة is "band";
    /// Persian میلان is Milan, Arabic ميلان the football club).
    let arabicProfiles: [Bool]

    init(knowledgeBase kb: KnowledgeBase, denseTableBudget: Int = 8 << 20, snapshots: AutomatonSnapshots? = nil) {
        var patternIndex: [String: Int] = [:]
        patternIndex.reserveCapacity(kb.variantCount * 2)
        var spellings: [[UInt8]] = []
        var offsets: [Int] = []
        var referenceLists: [[Reference]] = []
        var languages: [String: UInt16] = [:]
        var arabicProfiles = [Bool](repeating: false, count: kb.matchable.count)

        func add(_ bytes: [UInt8], key: String, offset: Int, _ reference: Reference) {
            if let index = patternIndex[key] {
                referenceLists[index].append(reference)
            } else {
                patternIndex[key] = spellings.count
                spellings.append(bytes)
                offsets.append(offset)
                referenceLists.append([reference])
            }
        }

        for (p, variants) in kb.matchable.enumerated() {
            for (v, variant) in variants.enumerated() {
                let folded = kb.foldedMatchable[p][v]
                if folded.isEmpty { continue }
                let bytes = Array(folded.utf8)
                let capitals = CompiledKnowledgeBase.capitals(of: variant.text)
                var language: UInt16 = 0
                if let code = variant.lang {
                    language = languages[code] ?? UInt16(truncatingIfNeeded: languages.count + 1)
                    languages[code] = language
                }
                let reference = Reference(
                    profile: Int32(p), variant: Int32(v),
                    short: variant.short || (capitals != .all && CompiledKnowledgeBase.isTinyToken(folded)),
                    capitals: capitals, adjectival: variant.isAdjectival, language: language,
                    arabicScript: variant.script == "Arab")
                if variant.lang == "ar" { arabicProfiles[p] = true }
                add(bytes, key: folded, offset: 0, reference)
                if let joined = KnowledgeBase.joinedSpelling(of: variant, folded: folded) {
                    add(Array(joined.utf8), key: joined, offset: 0, reference)
                }
                // ل + الأمم is written للأمم: the article's alef drops.
                let article = ArabicAffixes.article
                if bytes.count > article.count + 2 && bytes.starts(with: article) {
                    let merged = ArabicAffixes.lamLam + bytes[article.count...]
                    add(merged, key: "\u{1}" + folded, offset: ArabicAffixes.lamLength, reference)
                }
            }
        }

        var flat: [Reference] = []
        var ranges: [Range<Int>] = []
        for list in referenceLists {
            ranges.append(flat.count..<flat.count + list.count)
            flat += list
        }
        patterns = zip(offsets, ranges).map { Pattern(reportOffset: $0, references: flat[$1]) }
        patternBytes = spellings
        self.languages = languages
        self.arabicProfiles = arabicProfiles
        automaton = AhoCorasickAutomaton(patterns: spellings, denseTableBudget: denseTableBudget, snapshots: snapshots)
    }

    /// One token of one or two letters: Xi, شي, Li. Not in Han, kana or Hangul, where two
    /// characters make a full name (普京, 北京).
    static func isTinyToken(_ folded: String) -> Bool {
        // Without a space byte there is no space to find; Foundation's search is kept for the rest.
        guard !folded.utf8.contains(0x20) || !folded.contains(" ") else { return false }
        // Counted in place (a filtered copy of every spelling's scalars cost a tenth of compiling):
        // a third letter, or a letter of a continuous script, settles it.
        var letters = 0
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic {
            if FoldedCharacter.kind(ofScalar: scalar.value) == .continuous { return false }
            letters += 1
            if letters > 2 { return false }
        }
        return true
    }

    static func capitals(of text: String) -> Capitals {
        // Two or three capitals A-Z, dots aside (U.N.), counted without copying the scalars.
        var letters = 0
        var capitalsOnly = true
        for scalar in text.unicodeScalars where scalar != "." {
            letters += 1
            if letters > 3 { break }
            if !("A"..."Z").contains(scalar) { capitalsOnly = false }
        }
        if (2...3).contains(letters) && capitalsOnly { return .all }
        guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return .any }
        return first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter ? .initial : .any
    }
}

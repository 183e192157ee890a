/// Finds knowledge-base entities in a text: fold, scan with the automaton, keep matches at word
/// boundaries (Arabic proclitics before and Persian suffixes after are allowed and left out of
/// the range; in Han, kana, Hangul and Thai text a match may start and end anywhere), take the
/// leftmost-longest non-overlapping ones, accept short aliases only when licensed.
public struct EntityMatcher: Sendable {
    /// When a short or ambiguous alias (Xi, شي, Kim) counts.
    public enum ShortAliases: Sendable {
        /// After a full name of the same entity earlier in the text, or right after a title.
        case afterFullNameOrTitle
        /// Like `afterFullNameOrTitle`, but the full name may also come later in the text
        /// (a headline "Putin, Xi ..." before the body names "Xi Jinping").
        case withFullNameAnywhereOrTitle
        /// Always (lookups of a single name).
        case always
    }

    public let knowledgeBase: KnowledgeBase
    public let titles: TitleWords
    public let shortAliases: ShortAliases
    /// Whether a capitalised variant needs a capitalised surface (see `Capitals`); turn off for
    /// text written without capitals.
    public let respectsCapitals: Bool
    let compiled: CompiledKnowledgeBase

    /// Compiles the knowledge base on first use; later matchers of the same knowledge base
    /// instance share the compiled automaton.
    public init(knowledgeBase: KnowledgeBase, titles: TitleWords = .standard,
                shortAliases: ShortAliases = .afterFullNameOrTitle, respectsCapitals: Bool = true) {
        self.knowledgeBase = knowledgeBase
        self.titles = titles
        self.shortAliases = shortAliases
        self.respectsCapitals = respectsCapitals
        self.compiled = knowledgeBase.compiled
    }

    public var automaton: AhoCorasickAutomaton { compiled.automaton }

    /// The folded spellings the automaton was compiled from (for benchmark peers and tools).
    public var foldedPatterns: [[UInt8]] { compiled.patternBytes }

    /// Entities in `text`, in text order. `language` (ISO 639-1) helps: where one spelling
    /// belongs to several variants, the variant of that language decides (Swahili "Mali" may be
    /// marked short while English "Mali" is not); Persian suffixes are stripped only in Persian
    /// (or Urdu, Pashto) text. When nil, text with Persian letters counts as Persian.
    public func matches(in text: String, language: String? = nil) -> [EntityMatch] {
        matches(in: text, language: language, workspace: Workspace())
    }

    /// The same, reusing `workspace`'s buffers: a worker that matches many texts allocates once.
    public func matches(in text: String, language: String? = nil, workspace: Workspace) -> [EntityMatch] {
        TextFolder.withUTF8(text) { original in
            let buffer = workspace.buffer
            buffer.reset()
            buffer.reserveFree(original.count + original.count / 8 + 16)
            TextFolder.fold(original, into: buffer)
            let folded = UnsafeBufferPointer(start: UnsafePointer(buffer.bytes), count: buffer.count)
            let context = MatchContext(matcher: self, original: original, folded: folded,
                                       starts: buffer.starts, language: language)
            return context.run(candidates: &workspace.candidates)
        }
    }

    /// Scratch memory for `matches(in:language:workspace:)`; one per thread.
    public final class Workspace {
        let buffer = FoldBuffer(capacity: 1 << 14, tracksEnds: false)
        var candidates: [MatchCandidate] = []

        public init() {}
    }
}

/// A pattern occurrence that passed the boundary checks.
struct MatchCandidate {
    /// Reported folded range (proclitic and suffix excluded).
    var start: Int
    var end: Int
    /// Where the word begins, proclitic included.
    var wordStart: Int
    var pattern: Int
}

/// The state of one `matches(in:)` call.
private struct MatchContext {
    typealias Candidate = MatchCandidate

    struct Selected {
        var candidate: Candidate
        var reference: CompiledKnowledgeBase.Reference
        var byTitle: Bool
    }

    let matcher: EntityMatcher
    let compiled: CompiledKnowledgeBase
    let original: UnsafeBufferPointer<UInt8>
    let folded: UnsafeBufferPointer<UInt8>
    let starts: UnsafeMutablePointer<Int32>
    let language: String?
    /// The text's language among the variants' languages (nil: unknown or no variant has it).
    let languageID: UInt16?
    let arabicID: UInt16?

    init(matcher: EntityMatcher, original: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>,
         starts: UnsafeMutablePointer<Int32>, language: String?) {
        self.matcher = matcher
        self.compiled = matcher.compiled
        self.original = original
        self.folded = folded
        self.starts = starts
        self.language = language
        self.languageID = language.map { matcher.compiled.languages[$0] ?? UInt16.max }
        self.arabicID = matcher.compiled.languages["ar"]
    }

    func run(candidates: inout [Candidate]) -> [EntityMatch] {
        candidates.removeAll(keepingCapacity: true)
        var persian: Bool? = language.map { ["fa", "ur", "ps", "prs"].contains($0) }
        let automaton = compiled.automaton
        automaton.scan(folded) { end, state in
            automaton.forEachPattern(endingAt: state) { pattern in
                let start = end - automaton.patternLength(pattern)
                if let candidate = validate(start: start, end: end, pattern: pattern, persian: &persian) {
                    candidates.append(candidate)
                }
            }
        }
        if candidates.isEmpty { return [] }
        candidates.sort {
            $0.start != $1.start ? $0.start < $1.start : $0.end != $1.end ? $0.end > $1.end : $0.pattern < $1.pattern
        }
        return select(candidates).map(makeMatch)
    }

    // MARK: Boundaries

    private func validate(start: Int, end: Int, pattern: Int, persian: inout Bool?) -> Candidate? {
        var wordStart = start
        let firstKind = FoldedCharacter.kind(at: start, in: folded)
        let reportOffset = compiled.patterns[pattern].reportOffset
        if firstKind == .word || firstKind == .arabic {
            let before = FoldedCharacter.kind(before: start, in: folded)
            switch before {
            case .separator, .continuous:
                break
            case .arabic where firstKind == .arabic:
                guard let prefixStart = procliticStart(before: start, merged: reportOffset > 0) else { return nil }
                wordStart = prefixStart
            default:
                return nil
            }
        }
        let lastKind = FoldedCharacter.kind(before: end, in: folded)
        if lastKind == .word || lastKind == .arabic {
            let after = FoldedCharacter.kind(at: end, in: folded)
            switch after {
            case .separator, .continuous:
                break
            case .arabic where lastKind == .arabic:
                if persian == nil { persian = ArabicAffixes.looksPersian(original: original) }
                guard persian == true, hasPersianSuffix(at: end) else { return nil }
            default:
                return nil
            }
        }
        return Candidate(start: start + reportOffset, end: end, wordStart: wordStart, pattern: pattern)
    }

    /// Start of the proclitic that joins the word before `start`, if what precedes is one.
    private func procliticStart(before start: Int, merged: Bool) -> Int? {
        let set = merged ? ArabicAffixes.prefixesBeforeMergedArticle : ArabicAffixes.proclitics
        var position = start
        while position > 0 && start - position < set.maxLength {
            let previous = FoldedCharacter.startOfScalar(before: position, in: folded)
            guard FoldedCharacter.kind(of: FoldedCharacter.decode(folded, at: previous).value) == .arabic else { break }
            position = previous
        }
        guard FoldedCharacter.kind(before: position, in: folded) == .separator,
              set.contains(folded, position..<start) else { return nil }
        return position
    }

    private func hasPersianSuffix(at end: Int) -> Bool {
        let set = ArabicAffixes.persianSuffixes
        var position = end
        while position < folded.count && position - end <= set.maxLength {
            let (value, length) = FoldedCharacter.decode(folded, at: position)
            guard FoldedCharacter.kind(of: value) == .arabic else { break }
            position += length
        }
        return FoldedCharacter.kind(at: position, in: folded) == .separator && set.contains(folded, end..<position)
    }

    // MARK: Selection

    private func select(_ candidates: [Candidate]) -> [Selected] {
        let policy = matcher.shortAliases
        var seen = Set<Int32>()
        if policy == .withFullNameAnywhereOrTitle {
            for candidate in candidates {
                for reference in compiled.patterns[candidate.pattern].references
                where !reference.short && !isAdjectival(reference) && usable(reference, candidate) {
                    seen.insert(reference.profile)
                }
            }
        }
        var selected: [Selected] = []
        var lastEnd = 0
        for candidate in candidates where candidate.start >= lastEnd {
            var best: CompiledKnowledgeBase.Reference? = nil
            var bestRank = Int.max
            for reference in compiled.patterns[candidate.pattern].references where usable(reference, candidate) {
                let otherLanguage = languageID != nil && reference.language != 0 && reference.language != languageID
                let rank = (otherLanguage ? 4 : 0) + (seen.contains(reference.profile) ? 0 : 2) + (reference.short ? 1 : 0)
                if rank < bestRank { best = reference; bestRank = rank }
            }
            guard let reference = best else { continue }
            var byTitle = false
            if reference.short && policy != .always && !seen.contains(reference.profile) {
                guard followsTitle(candidate, after: selected.last) else { continue }
                byTitle = true
            }
            selected.append(Selected(candidate: candidate, reference: reference, byTitle: byTitle))
            lastEnd = candidate.end
            if !reference.short && !isAdjectival(reference) { seen.insert(reference.profile) }
        }
        return selected
    }

    private func isAdjectival(_ reference: CompiledKnowledgeBase.Reference) -> Bool {
        reference.adjectival
    }

    private func variant(_ reference: CompiledKnowledgeBase.Reference) -> EntityVariant {
        matcher.knowledgeBase.matchable[Int(reference.profile)][Int(reference.variant)]
    }

    /// Whether the candidate may be read as this variant. Adjectives and demonyms belong to
    /// their language: Arabic كندي (Canadian) is Persian کندی (slowness).
    private func usable(_ reference: CompiledKnowledgeBase.Reference, _ candidate: Candidate) -> Bool {
        if let languageID, reference.adjectival, reference.language != 0, reference.language != languageID {
            return false
        }
        if let languageID, languageID == arabicID, reference.arabicScript, reference.language != 0,
           reference.language != languageID, compiled.arabicProfiles[Int(reference.profile)] {
            return false
        }
        return writtenAsRequired(reference, candidate)
    }

    /// Capitalised variants need a capitalised surface, short acronyms all capitals.
    private func writtenAsRequired(_ reference: CompiledKnowledgeBase.Reference, _ candidate: Candidate) -> Bool {
        guard matcher.respectsCapitals, reference.capitals != .any else { return true }
        let range = originalRange(candidate)
        let first = original[range.lowerBound]
        if first < 0x80 && reference.capitals == .initial {
            return !(0x61...0x7A).contains(first)
        }
        if reference.capitals == .all {
            return !original[range].contains { (0x61...0x7A).contains($0) }
        }
        let surface = UnsafeBufferPointer(rebasing: original[range])
        var index = 0
        while index < surface.count {
            let (value, length) = FoldedCharacter.decode(surface, at: index)
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                return !scalar.properties.isLowercase
            }
            index += length
        }
        return true
    }

    /// A title right before the candidate, or a title and a nationality adjective ("the
    /// Chinese President Xi"; Arabic puts the adjective after the title).
    private func followsTitle(_ candidate: Candidate, after previous: Selected?) -> Bool {
        var position = skipSpaces(before: candidate.wordStart)
        if let previous, previous.candidate.end == position, isAdjectival(previous.reference) {
            position = skipSpaces(before: previous.candidate.wordStart)
        }
        var words: [String] = []
        while words.count < matcher.titles.maxWords {
            var wordEnd = position
            if wordEnd > 0 && folded[wordEnd - 1] == 0x2E { wordEnd -= 1 }  // "Mr." "Bw."
            var wordStart = wordEnd
            while wordStart > 0 {
                let previousStart = FoldedCharacter.startOfScalar(before: wordStart, in: folded)
                if FoldedCharacter.kind(of: FoldedCharacter.decode(folded, at: previousStart).value) == .separator { break }
                wordStart = previousStart
            }
            guard wordStart < wordEnd else { return false }
            words.insert(String(decoding: UnsafeBufferPointer(rebasing: folded[wordStart..<wordEnd]), as: UTF8.self), at: 0)
            let phrase = words.joined(separator: " ")
            if matcher.titles.containsFolded(phrase) { return true }
            if let bare = withoutConjunction(phrase), matcher.titles.containsFolded(bare) { return true }
            guard wordStart > 0, folded[wordStart - 1] == 0x20 else { return false }
            position = skipSpaces(before: wordStart)
        }
        return false
    }

    private func skipSpaces(before index: Int) -> Int {
        var position = index
        while position > 0 && folded[position - 1] == 0x20 { position -= 1 }
        return position
    }

    /// "والرئيس" → "الرئيس", "للرئيس" → "الرئيس".
    private func withoutConjunction(_ phrase: String) -> String? {
        for prefix in ["و", "ف"] where phrase.hasPrefix(prefix) && phrase.unicodeScalars.count > 3 {
            return String(phrase.unicodeScalars.dropFirst())
        }
        if phrase.hasPrefix("لل") { return "ا" + String(phrase.unicodeScalars.dropFirst()) }
        return nil
    }

    // MARK: Output

    private func originalRange(_ candidate: Candidate) -> Range<Int> {
        let lower = Int(starts[candidate.start])
        let upper = TextFolder.originalEnd(ofCharacterAt: Int(starts[candidate.end - 1]), in: original)
        return lower..<upper
    }

    private func makeMatch(_ selected: Selected) -> EntityMatch {
        let range = originalRange(selected.candidate)
        let lower = range.lowerBound, upper = range.upperBound
        let surface = String(decoding: UnsafeBufferPointer(rebasing: original[lower..<upper]), as: UTF8.self)
        let profile = matcher.knowledgeBase.profiles[Int(selected.reference.profile)]
        let variant = variant(selected.reference)
        let score: Double
        if selected.reference.short {
            score = selected.byTitle ? 0.75 : 0.85
        } else if variant.isAdjectival {
            score = 0.7
        } else {
            score = 1.0
        }
        return EntityMatch(profileID: profile.id, kind: profile.kind, name: profile.name, utf8Range: lower..<upper,
                           surface: surface, variant: variant, short: selected.reference.short, score: score)
    }
}

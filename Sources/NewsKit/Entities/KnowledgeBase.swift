import Foundation

/// Entity profiles with all their spellings, indexed by id and by folded spelling. Immutable:
/// `adding` returns a new knowledge base, so the compiled matcher cached inside one instance
/// never goes stale.
public final class KnowledgeBase: Sendable {
    public let profiles: [EntityProfile]
    private let indexByID: [String: Int]
    /// Per profile, the variants the matcher uses (the profile's variants, plus its name when no
    /// variant spells it), and their folded forms.
    let matchable: [[EntityVariant]]
    let foldedMatchable: [[String]]
    /// Folded spelling → (profile, variant) pairs.
    private let byFoldedSpelling: [String: [VariantReference]]
    private let compiledCache = CompiledCache()

    struct VariantReference: Hashable, Sendable {
        var profile: Int
        var variant: Int
    }

    /// Profiles sharing an id are merged (variants and attributes added to the first).
    public init(profiles: [EntityProfile]) {
        var merged: [EntityProfile] = []
        var indexByID: [String: Int] = [:]
        for profile in profiles {
            if let existing = indexByID[profile.id] {
                merged[existing] = merged[existing].merged(with: profile)
            } else {
                indexByID[profile.id] = merged.count
                merged.append(profile)
            }
        }
        self.profiles = merged
        self.indexByID = indexByID
        var matchable: [[EntityVariant]] = []
        var folded: [[String]] = []
        var bySpelling: [String: [VariantReference]] = [:]
        matchable.reserveCapacity(merged.count)
        folded.reserveCapacity(merged.count)
        for (p, profile) in merged.enumerated() {
            // The canonical name always matches: it joins the variants when none spells it.
            var variants = profile.variants
            var foldedVariants = variants.map { KnowledgeBase.foldSpelling($0.text) }
            let foldedName = KnowledgeBase.foldSpelling(profile.name)
            if !foldedVariants.contains(foldedName) {
                variants.append(EntityVariant(text: profile.name))
                foldedVariants.append(foldedName)
            }
            for (v, spelling) in foldedVariants.enumerated() where !spelling.isEmpty {
                bySpelling[spelling, default: []].append(VariantReference(profile: p, variant: v))
                if let joined = KnowledgeBase.joinedSpelling(of: variants[v], folded: spelling), bySpelling[joined]?.contains(VariantReference(profile: p, variant: v)) != true {
                    bySpelling[joined, default: []].append(VariantReference(profile: p, variant: v))
                }
            }
            matchable.append(variants)
            folded.append(foldedVariants)
        }
        self.matchable = matchable
        self.foldedMatchable = folded
        self.byFoldedSpelling = bySpelling
    }

    public static let empty = KnowledgeBase(profiles: [])

    /// Every `*.jsonl` and `*.tsv` file in `directory` (not recursive), in name order.
    public static func load(directory: URL) throws -> KnowledgeBase {
        try KnowledgeBase(profiles: KnowledgeBaseLoader.profiles(inDirectory: directory))
    }

    public static func load(files: [URL]) throws -> KnowledgeBase {
        try KnowledgeBase(profiles: KnowledgeBaseLoader.profiles(inFiles: files))
    }

    /// A new knowledge base with these profiles added (merged into existing ones by id).
    public func adding(_ profiles: [EntityProfile]) -> KnowledgeBase {
        let added = KnowledgeBase(profiles: self.profiles + profiles)
        added.automatonSnapshots = automatonSnapshots
        return added
    }

    public func adding(contentsOf other: KnowledgeBase) -> KnowledgeBase {
        adding(other.profiles)
    }

    public func profile(id: String) -> EntityProfile? {
        indexByID[id].map { profiles[$0] }
    }

    /// Number of spellings the matcher compiles (variants plus names not spelled by a variant).
    public var variantCount: Int { matchable.reduce(0) { $0 + $1.count } }

    /// Profiles one of whose spellings folds to the same skeleton as `text` (بوتين, پوتین and
    /// "PUTIN" find the same person). When nothing matches exactly, a name inside the text with
    /// Arabic clitics around it (وبوتين) is found by the matcher, and failing that, spellings
    /// that begin with the text's words ("Vladimir"). With `lang`, spellings of that language
    /// come first. Full names rank before short aliases.
    public func lookup(_ text: String, lang: String? = nil) -> [EntityProfile] {
        let key = KnowledgeBase.foldSpelling(text)
        guard !key.isEmpty else { return [] }
        if let references = byFoldedSpelling[key] {
            return rank(references, lang: lang)
        }
        let found = EntityMatcher(knowledgeBase: self, titles: TitleWords(), shortAliases: .always, respectsCapitals: false)
            .matches(in: text)
        if found.count == 1, let only = found.first, let index = indexByID[only.profileID] {
            return [profiles[index]]
        }
        var references: [VariantReference] = []
        let prefix = key + " "
        for (spelling, matches) in byFoldedSpelling where spelling.hasPrefix(prefix) {
            references += matches
        }
        return rank(references, lang: lang)
    }

    /// Profiles one of whose spellings folds to exactly the skeleton of `text`: the first step of
    /// `lookup`, without its searches (cheap enough to run for every quote of a corpus).
    public func exactLookup(_ text: String, lang: String? = nil) -> [EntityProfile] {
        let key = KnowledgeBase.foldSpelling(text)
        guard !key.isEmpty, let references = byFoldedSpelling[key] else { return [] }
        return rank(references, lang: lang)
    }

    private func rank(_ references: [VariantReference], lang: String?) -> [EntityProfile] {
        func order(_ r: VariantReference) -> (Int, Int, Int) {
            let variant = matchable[r.profile][r.variant]
            let languageRank = lang == nil || variant.lang == lang ? 0 : 1
            return (variant.short ? 1 : 0, languageRank, r.profile)
        }
        var seen = Set<Int>()
        var result: [EntityProfile] = []
        for r in references.sorted(by: { order($0) < order($1) }) where seen.insert(r.profile).inserted {
            result.append(profiles[r.profile])
        }
        return result
    }

    /// A Persian name's parts are written apart or joined by a ZWNJ (سنت پترزبورگ, سنت‌پترزبورگ;
    /// تخت جمشید, تخت‌جمشید), and folding drops the ZWNJ: a Persian spelling of several Arabic-script
    /// words is also known under its parts joined. Nil for any other spelling.
    static func joinedSpelling(of variant: EntityVariant, folded: String) -> String? {
        guard variant.lang == "fa", variant.script == "Arab", folded.contains(" ") else { return nil }
        let parts = folded.split(separator: " ")
        // Each part a word of two letters or more: a joined initial or particle would make a new word.
        guard parts.count > 1, parts.allSatisfy({ $0.unicodeScalars.count >= 2 }),
              folded.unicodeScalars.allSatisfy({ $0 == " " || ScriptCode.of(String($0)) == "Arab" }) else { return nil }
        return parts.joined()
    }

    /// Folded, with spaces trimmed: the key a spelling is indexed and compiled under.
    static func foldSpelling(_ text: String) -> String {
        let folded = TextFolder.fold(text)
        // Foundation's trim makes a character set and bridges the string for each spelling, and
        // nearly none has a space or line feed at an end: only those go through it.
        let utf8 = folded.utf8
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A else { return folded }
        return folded.trimmingCharacters(in: CharacterSet(charactersIn: " \n"))
    }

    /// The compiled matcher tables, built on first use and shared by every matcher of this
    /// knowledge base.
    var compiled: CompiledKnowledgeBase {
        compiledCache.value { CompiledKnowledgeBase(knowledgeBase: self, snapshots: $0) }
    }

    /// Builds the matcher tables now rather than in the first matcher: on one thread while
    /// another loads something else.
    public func compileForMatching() {
        _ = compiled
    }

    /// Where the matcher's automaton is kept between processes (see `AutomatonSnapshots`), so that
    /// the next process over the same knowledge base reads it instead of building it. Set it
    /// before the first match; nil (the default) builds it in every process.
    public var automatonSnapshots: AutomatonSnapshots? {
        get { compiledCache.snapshots }
        set { compiledCache.snapshots = newValue }
    }
}

private final class CompiledCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: CompiledKnowledgeBase?
    private var storedSnapshots: AutomatonSnapshots?

    var snapshots: AutomatonSnapshots? {
        get { lock.withLock { storedSnapshots } }
        set { lock.withLock { storedSnapshots = newValue } }
    }

    func value(_ build: (AutomatonSnapshots?) -> CompiledKnowledgeBase) -> CompiledKnowledgeBase {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let built = build(storedSnapshots)
        compiled = built
        return built
    }
}

import Foundation
import LuaBridge
import NewsKit

/// The knowledge base and annotator of one run, built on first use (scripts that never ask for
/// entities do not pay for loading and compiling the knowledge base, and a rerun whose annotations
/// all come from the article cache never loads it). `toolkit.kb.add` extends it; articles
/// annotated before an addition are annotated again when next asked.
final class EntityContext {
    private let data: SharedEntityData
    private var added: [EntityProfile]
    /// The knowledge base with what was added, for `toolkit.kb`.
    private var base: KnowledgeBase?
    private var shared: SharedAnnotator
    private(set) var generation: Int
    /// Extractors registered by the script and plugins in this state, run when an article's
    /// entities are first asked for.
    var extractors = ExtractorRegistry(budget: .unlimited)
    /// The run's article cache: annotations are looked up there before they are made, and stored.
    var cache: CacheSession? {
        didSet { fingerprint = nil }
    }
    /// Told, once entities are asked for (and again after each addition), what annotates articles
    /// ahead, so that the article stream does it on its workers; set again for each pass.
    var onEnrichment: ((ArticleStream.Enrichment) -> Void)? {
        didSet { if asked { onEnrichment?(enrichment) } }
    }
    /// Whether any article's entities were asked for yet.
    private var asked = false
    /// The cache's annotation fingerprint of this generation, once computed.
    private var fingerprint: ContentDigest?

    /// Said once, when the script first needs the knowledge base and there is none: a script that
    /// links no entity must not pass for a corpus that names no one in the knowledge base.
    private var missingWarning: String?
    private let warn: (String) -> Void

    init(knowledgeBase: @escaping () throws -> KnowledgeBase, rules: @escaping () throws -> RuleExtractor,
         missingKnowledgeBase: String? = nil, warn: @escaping (String) -> Void = { _ in })
    {
        let data = SharedEntityData(load: knowledgeBase, rules: rules)
        self.data = data
        self.added = []
        self.generation = 0
        self.shared = Self.annotator(data, adding: [])
        self.missingWarning = missingKnowledgeBase
        self.warn = warn
    }

    private init(data: SharedEntityData, added: [EntityProfile], generation: Int, shared: SharedAnnotator,
                 warn: @escaping (String) -> Void)
    {
        self.data = data
        self.added = added
        self.generation = generation
        self.shared = shared
        self.warn = warn
    }

    /// The knowledge base and rules of the run's plugins; `warn` hears, once, that there is no
    /// knowledge base when the script asks for entities or calls `toolkit.kb`.
    convenience init(plugins: PluginCatalog, warn: @escaping (String) -> Void) {
        self.init(knowledgeBase: { try plugins.knowledgeBase() }, rules: { try plugins.rules() },
                  missingKnowledgeBase: plugins.knowledgeBaseMissing("entities will not be linked"), warn: warn)
    }

    private static func annotator(_ data: SharedEntityData, adding added: [EntityProfile]) -> SharedAnnotator {
        SharedAnnotator {
            // The rules load on a thread of their own while the knowledge base loads and compiles
            // here: set-up takes the longer of the two, not their sum.
            let rules = loadingAside { try data.rules() }
            let base = try data.knowledgeBase()
            let knowledgeBase = added.isEmpty ? base : base.adding(added)
            knowledgeBase.compileForMatching()
            return EntityAnnotator(knowledgeBase: knowledgeBase, rules: try rules())
        }
    }

    /// A maker of contexts for report workers: they share the knowledge base, rules and annotator
    /// (with what `toolkit.kb.add` added so far), loaded once by whichever thread needs them first.
    func forWorkers(warn: @escaping @Sendable (String) -> Void) -> @Sendable () -> EntityContext {
        let (data, added, generation, shared, cache) = (self.data, self.added, self.generation, self.shared, self.cache)
        return {
            let context = EntityContext(data: data, added: added, generation: generation, shared: shared, warn: warn)
            context.acceptsAdditions = false
            context.cache = cache
            return context
        }
    }

    func knowledgeBase() throws -> KnowledgeBase {
        if let base { return base }
        sayMissingOnce()
        let loaded = try data.knowledgeBase()
        let made = added.isEmpty ? loaded : loaded.adding(added)
        base = made
        return made
    }

    func annotator() throws -> EntityAnnotator {
        sayMissingOnce()
        return try shared.get()
    }

    /// The article's annotation: from the cache when the run has one and it holds it (`record` is
    /// the digest of the article's record), else made and stored. The first call also starts
    /// annotating ahead (`onEnrichment`).
    func annotation(of article: Article, record: ContentDigest?) throws -> ArticleAnnotation {
        startAnnotatingAhead()
        guard let cache, let record else { return try annotator().annotate(article) }
        let fingerprint = annotationFingerprint(cache)
        if let cached = cache.annotation(record: record, fingerprint: fingerprint) { return cached }
        let made = try annotator().annotate(article)
        cache.store(made, record: record, fingerprint: fingerprint)
        return made
    }

    /// Whether building the annotator failed: annotations made ahead meanwhile are not to be trusted
    /// (the consumer annotates again, and raises the failure).
    var annotatorFailed: Bool { shared.failed }

    /// What annotates articles ahead on the stream's workers, with the cache's fingerprint.
    var enrichment: ArticleStream.Enrichment {
        let shared = self.shared
        return ArticleStream.Enrichment(generation: generation, fingerprint: cache.map(annotationFingerprint)) { shared.annotate($0) }
    }

    private func annotationFingerprint(_ cache: CacheSession) -> ContentDigest {
        if let fingerprint { return fingerprint }
        let made = cache.fingerprints.annotating(adding: added)
        fingerprint = made
        return made
    }

    private func startAnnotatingAhead() {
        guard !asked else { return }
        asked = true
        sayMissingOnce()
        onEnrichment?(enrichment)
    }

    private func sayMissingOnce() {
        if let missingWarning {
            warn(missingWarning)
            self.missingWarning = nil
        }
    }

    /// Worker states share the knowledge base as it was when the reports started: adding to it there
    /// would make workers disagree.
    var acceptsAdditions = true

    func add(_ profile: EntityProfile) throws {
        guard acceptsAdditions else {
            throw LuaScriptError("toolkit.kb.add: add profiles at the top level of the script, not inside a report's callbacks")
        }
        added.append(profile)
        if let base { self.base = base.adding([profile]) }
        shared = Self.annotator(data, adding: added)
        fingerprint = nil
        generation += 1
        if asked { onEnrichment?(enrichment) }
    }
}

/// The knowledge base and rules of the plugins, loaded once under a lock by whichever thread needs
/// them first, and shared by the run's contexts (the main state's and the report workers').
final class SharedEntityData: @unchecked Sendable {
    // One lock each: the rules load on another thread while the knowledge base loads.
    private let baseLock = NSLock()
    private let rulesLock = NSLock()
    private let load: () throws -> KnowledgeBase
    private let loadRules: () throws -> RuleExtractor
    private var base: KnowledgeBase?
    private var loadedRules: RuleExtractor?

    init(load: @escaping () throws -> KnowledgeBase, rules: @escaping () throws -> RuleExtractor) {
        self.load = load
        self.loadRules = rules
    }

    func knowledgeBase() throws -> KnowledgeBase {
        baseLock.lock()
        defer { baseLock.unlock() }
        if let base { return base }
        let loaded = try load()
        base = loaded
        return loaded
    }

    func rules() throws -> RuleExtractor {
        rulesLock.lock()
        defer { rulesLock.unlock() }
        if let loadedRules { return loadedRules }
        let loaded = try loadRules()
        loadedRules = loaded
        return loaded
    }
}

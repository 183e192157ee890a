import Foundation
import LuaBridge
import NewsKit

/// The knowledge base and annotator of one run, built on first use (scripts that never ask for
/// entities do not pay for loading and compiling the knowledge base). `toolkit.kb.add` extends it;
/// articles annotated before an addition are annotated again when next asked.
final class EntityContext {
    private let load: () throws -> KnowledgeBase
    private let loadRules: () throws -> RuleExtractor
    private var base: KnowledgeBase?
    private var added: [EntityProfile] = []
    private var cachedAnnotator: EntityAnnotator?
    private(set) var generation = 0
    /// Extractors registered by the script and plugins in this state, run when an article's
    /// entities are first asked for.
    var extractors = ExtractorRegistry(budget: .unlimited)
    /// Told when a new annotator exists, so the article stream can annotate on its workers.
    var onAnnotator: ((EntityAnnotator, Int) -> Void)?

    /// Said once, when the script first needs the knowledge base and there is none: a script that
    /// links no entity must not pass for a corpus that names no one in the knowledge base.
    private var missingWarning: String?
    private let warn: (String) -> Void

    init(knowledgeBase: @escaping () throws -> KnowledgeBase, rules: @escaping () throws -> RuleExtractor,
         missingKnowledgeBase: String? = nil, warn: @escaping (String) -> Void = { _ in })
    {
        self.load = knowledgeBase
        self.loadRules = rules
        self.missingWarning = missingKnowledgeBase
        self.warn = warn
    }

    /// The knowledge base and rules of the run's plugins; `warn` hears, once, that there is no
    /// knowledge base when the script asks for entities or calls `toolkit.kb`.
    convenience init(plugins: PluginCatalog, warn: @escaping (String) -> Void) {
        self.init(knowledgeBase: { try plugins.knowledgeBase() }, rules: { try plugins.rules() },
                  missingKnowledgeBase: plugins.knowledgeBaseMissing("entities will not be linked"), warn: warn)
    }

    /// A maker of contexts for report workers: they share one knowledge base and rule set, loaded
    /// once (with what `toolkit.kb.add` added so far) by whichever worker needs it first.
    func forWorkers(warn: @escaping @Sendable (String) -> Void) -> @Sendable () -> EntityContext {
        let shared = SharedEntityData(load: load, rules: loadRules, added: added)
        return {
            let context = EntityContext(knowledgeBase: { try shared.knowledgeBase() }, rules: { try shared.rules() }, warn: warn)
            context.acceptsAdditions = false
            return context
        }
    }

    func knowledgeBase() throws -> KnowledgeBase {
        if let base { return base }
        if let missingWarning {
            warn(missingWarning)
            self.missingWarning = nil
        }
        let loaded = try load().adding(added)
        base = loaded
        return loaded
    }

    func annotator() throws -> EntityAnnotator {
        if let cachedAnnotator { return cachedAnnotator }
        let made = EntityAnnotator(knowledgeBase: try knowledgeBase(), rules: try loadRules())
        cachedAnnotator = made
        onAnnotator?(made, generation)
        return made
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
        cachedAnnotator = nil
        generation += 1
    }
}

/// The knowledge base and rules that worker states share, loaded once under a lock.
final class SharedEntityData: @unchecked Sendable {
    private let lock = NSLock()
    private let load: () throws -> KnowledgeBase
    private let loadRules: () throws -> RuleExtractor
    private let added: [EntityProfile]
    private var base: KnowledgeBase?
    private var loadedRules: RuleExtractor?

    init(load: @escaping () throws -> KnowledgeBase, rules: @escaping () throws -> RuleExtractor, added: [EntityProfile]) {
        self.load = load
        self.loadRules = rules
        self.added = added
    }

    func knowledgeBase() throws -> KnowledgeBase {
        lock.lock()
        defer { lock.unlock() }
        if let base { return base }
        let loaded = try load().adding(added)
        base = loaded
        return loaded
    }

    func rules() throws -> RuleExtractor {
        lock.lock()
        defer { lock.unlock() }
        if let loadedRules { return loadedRules }
        let loaded = try loadRules()
        loadedRules = loaded
        return loaded
    }
}

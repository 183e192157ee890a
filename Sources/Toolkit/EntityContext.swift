import Foundation
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

    func add(_ profile: EntityProfile) throws {
        added.append(profile)
        if let base { self.base = base.adding([profile]) }
        cachedAnnotator = nil
        generation += 1
    }
}

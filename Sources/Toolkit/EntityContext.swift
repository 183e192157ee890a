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

    init(knowledgeBase: @escaping () throws -> KnowledgeBase, rules: @escaping () throws -> RuleExtractor) {
        self.load = knowledgeBase
        self.loadRules = rules
    }

    func knowledgeBase() throws -> KnowledgeBase {
        if let base { return base }
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

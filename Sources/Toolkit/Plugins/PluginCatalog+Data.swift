import Foundation
import NewsKit

extension PluginCatalog {
    /// Every plugin's `kb/*.jsonl` and `kb/*.tsv`, merged.
    public func knowledgeBase() throws -> KnowledgeBase {
        let base = try loading(plugins.flatMap(\.knowledgeBaseFiles)) { try KnowledgeBase.load(files: $0) }
        base.automatonSnapshots = compiledTablesFolder.map { AutomatonSnapshots(folder: $0, salt: CacheFingerprints.build) }
        return base
    }

    /// The `markers/*.tsv` of the run's plugins (news-markers gives the general ones); a plugin's
    /// `disable` lines remove phrases whichever plugin gives them. None when no plugin gives markers.
    public func markers() throws -> MarkerSet {
        let sets = try plugins.filter { !$0.markerFiles.isEmpty }.map { plugin in
            try loading(plugin.markerFiles) { try MarkerSet(files: $0) }
        }
        return MarkerSet(combining: sets)
    }

    /// What to say when no plugin of the run gives markers (nil when one does): parsing still
    /// works, by the shape of lines alone, but must not pass for a run with them.
    public var markersMissing: String? {
        if plugins.contains(where: { !$0.markerFiles.isEmpty }) { return nil }
        return "no markers loaded: no selected plugin has markers/ files (the bundled news-markers plugin is left out or missing);"
            + " articles are parsed without the phrases that mark read-also links, credits, bylines and boilerplate"
            + " (select it with --plugins, or see toolkit plugins list)"
    }

    /// The bundled entity rules extended by every plugin's `rules/*.tsv`.
    public func rules() throws -> RuleExtractor {
        let files = plugins.flatMap(\.ruleFiles)
        return try withTagger(files.isEmpty ? .bundled : try loading(files) { RuleExtractor.bundled.merging(try RuleExtractor(dataFiles: $0)) })
    }

    /// Knowledge base and rules of the plugins, ready to annotate.
    public func annotator() throws -> EntityAnnotator {
        let rules = loadingAside { try self.rules() }
        let knowledgeBase = try knowledgeBase()
        knowledgeBase.compileForMatching()
        return EntityAnnotator(knowledgeBase: knowledgeBase, rules: try rules())
    }

    /// Plugin data errors name their file, line and field; they are the user's to fix, so usage errors.
    private func loading<T>(_ files: [URL], _ load: ([URL]) throws -> T) throws -> T {
        do {
            return try load(files)
        } catch {
            throw ToolkitError.usage("\(error)")
        }
    }
}

import Foundation
import NewsKit

extension PluginCatalog {
    /// Every plugin's `kb/*.jsonl` and `kb/*.tsv`, merged.
    public func knowledgeBase() throws -> KnowledgeBase {
        try loading(plugins.flatMap(\.knowledgeBaseFiles)) { try KnowledgeBase.load(files: $0) }
    }

    /// The bundled markers extended by every plugin's `markers/*.tsv`.
    public func markers() throws -> MarkerSet {
        let files = plugins.flatMap(\.markerFiles)
        return files.isEmpty ? .bundled : try loading(files) { MarkerSet.bundled.merging(try MarkerSet(files: $0)) }
    }

    /// The bundled entity rules extended by every plugin's `rules/*.tsv`.
    public func rules() throws -> RuleExtractor {
        let files = plugins.flatMap(\.ruleFiles)
        return try withTagger(files.isEmpty ? .bundled : try loading(files) { RuleExtractor.bundled.merging(try RuleExtractor(dataFiles: $0)) })
    }

    /// Knowledge base and rules of the plugins, ready to annotate.
    public func annotator() throws -> EntityAnnotator {
        EntityAnnotator(knowledgeBase: try knowledgeBase(), rules: try rules())
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

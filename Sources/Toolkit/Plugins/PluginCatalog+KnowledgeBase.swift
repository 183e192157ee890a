import Foundation
import NewsKit

extension PluginCatalog {
    /// Every plugin's `kb/*.jsonl` and `kb/*.tsv`, merged. A bad line is a usage error naming its
    /// file, line and field.
    public func knowledgeBase() throws -> KnowledgeBase {
        let files = plugins.flatMap(\.knowledgeBaseFiles)
        do {
            return try KnowledgeBase.load(files: files)
        } catch {
            throw ToolkitError.usage("\(error)")
        }
    }

    /// The bundled entity rules extended by every plugin's `rules/*.tsv`.
    public func rules() throws -> RuleExtractor {
        let files = plugins.flatMap(\.ruleFiles)
        guard !files.isEmpty else { return .bundled }
        do {
            return RuleExtractor.bundled.merging(try RuleExtractor(dataFiles: files))
        } catch {
            throw ToolkitError.usage("\(error)")
        }
    }

    /// Knowledge base and rules of the plugins, ready to annotate.
    public func annotator() throws -> EntityAnnotator {
        EntityAnnotator(knowledgeBase: try knowledgeBase(), rules: try rules())
    }
}

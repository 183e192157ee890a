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
}

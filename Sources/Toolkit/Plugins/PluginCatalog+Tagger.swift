import Foundation
import NewsKit

extension Plugin {
    /// Trained name-tagger weights (`tagger/*.tagger`, one file per language), sorted.
    public var taggerFiles: [URL] {
        let dir = folder.appendingPathComponent("tagger")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".tagger") }.map { dir.appendingPathComponent($0) }
    }
}

extension PluginCatalog {
    /// `rules` with the name tagger of the plugins' weights, the first plugin's weights of a
    /// language winning; a weights file this toolkit cannot read is the user's to fix.
    func withTagger(_ rules: RuleExtractor) throws -> RuleExtractor {
        let files = plugins.flatMap(\.taggerFiles)
        guard !files.isEmpty else { return rules }
        var rules = rules
        do {
            rules.tagger = try NameTagger(files: files)
        } catch {
            throw ToolkitError.usage("\(error)")
        }
        return rules
    }
}

import NewsKit

/// `toolkit kb lookup`: profiles a name may refer to, for a person to read.
public enum KnowledgeBaseReport {
    public static func lookup(_ name: String, lang: String?, pluginFolders: [String]) throws -> String {
        let catalog = try PluginCatalog.discover(extra: pluginFolders)
        // Without a knowledge base every name would come back "not in the knowledge base": wrong, not empty.
        if let missing = catalog.knowledgeBaseMissing("names cannot be looked up") { throw ToolkitError.noReadableInput(missing) }
        let kb = try catalog.knowledgeBase()
        var out = ""
        for profile in kb.lookup(name, lang: lang) {
            out += "\(profile.id)\t\(profile.kind)\t\(profile.name)\n"
            let attrs = profile.attrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            if !attrs.isEmpty { out += "  " + attrs.joined(separator: "; ") + "\n" }
            let byLanguage = Dictionary(grouping: profile.variants) { $0.lang ?? "?" }
            for language in byLanguage.keys.sorted() {
                let spellings = byLanguage[language]!.map { $0.text + ($0.short ? "*" : "") + ($0.form.map { " (\($0))" } ?? "") }
                out += "  \(language): \(spellings.joined(separator: "; "))\n"
            }
        }
        return out
    }
}

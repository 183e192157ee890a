import Foundation

/// A plugin folder found on the search path, with its validated manifest.
public struct Plugin: Sendable {
    public var manifest: PluginManifest
    public var folder: URL
    /// Which search-path entry it came from (`--plugin`, `./Plugins`, `$TOOLKIT_PLUGINS`, ...).
    public var origin: String

    /// Knowledge-base files (`kb/*.jsonl`, `kb/*.tsv`), sorted.
    public var knowledgeBaseFiles: [URL] { files(in: "kb", extensions: ["jsonl", "tsv"]) }
    /// Marker files that extend article parsing (`markers/*.tsv`), sorted.
    public var markerFiles: [URL] { files(in: "markers", extensions: ["tsv"]) }
    /// Rule data for finding entities and amounts outside the knowledge base (`rules/titles*.tsv`,
    /// `patterns*`, `units*`, `numbers*`, `words*`), sorted.
    public var ruleFiles: [URL] { files(in: "rules", extensions: ["tsv"]) }
    public var initScript: URL? {
        let url = folder.appendingPathComponent("init.lua")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    private func files(in sub: String, extensions: Set<String>) -> [URL] {
        let dir = folder.appendingPathComponent(sub)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().filter { extensions.contains(($0 as NSString).pathExtension) }.map { dir.appendingPathComponent($0) }
    }
}

/// Finds plugins, in order: `--plugin DIR` folders, `./Plugins`, `$TOOLKIT_PLUGINS` (colon-separated),
/// `$XDG_DATA_HOME/toolkit/plugins` (default `~/.local/share/...`), and the plugins installed with the
/// toolkit. The first plugin of a name wins; later ones of the same name are reported as shadowed.
public struct PluginCatalog: Sendable {
    public var plugins: [Plugin]
    public var shadowed: [String]

    /// Defaults of `toolkit.args` from the manifests; the first plugin naming a key wins.
    public var argumentDefaults: [String: String] {
        var defaults: [String: String] = [:]
        for plugin in plugins { defaults.merge(plugin.manifest.args) { first, _ in first } }
        return defaults
    }

    public static func searchPath(extra: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [(URL, String)] {
        var path: [(URL, String)] = extra.map { (URL(fileURLWithPath: $0), "--plugin") }
        path.append((URL(fileURLWithPath: "Plugins"), "./Plugins"))
        for entry in (environment["TOOLKIT_PLUGINS"] ?? "").split(separator: ":") {
            path.append((URL(fileURLWithPath: String(entry)), "$TOOLKIT_PLUGINS"))
        }
        let dataHome = environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
        path.append((dataHome.appendingPathComponent("toolkit/plugins"), "$XDG_DATA_HOME"))
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let installed = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("plugins")
            path.append((installed, "installed"))
        }
        return path
    }

    /// Reads every plugin on the search path. A `--plugin DIR` may name one plugin folder or a folder of them.
    public static func discover(extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PluginCatalog {
        var catalog = PluginCatalog(plugins: [], shadowed: [])
        var seen = Set<String>()
        let fm = FileManager.default
        for (root, origin) in searchPath(extra: extra, environment: environment) {
            var folders: [URL] = []
            if fm.fileExists(atPath: root.appendingPathComponent("plugin.lua").path) {
                folders = [root]
            } else if let names = try? fm.contentsOfDirectory(atPath: root.path) {
                folders = names.sorted().map { root.appendingPathComponent($0) }
                    .filter { fm.fileExists(atPath: $0.appendingPathComponent("plugin.lua").path) }
            } else if origin == "--plugin" {
                throw ToolkitError.usage("--plugin \(root.relativePath): no such folder (give a plugin folder, one holding plugin.lua)")
            }
            for folder in folders {
                let shown = folder.appendingPathComponent("plugin.lua").relativePath
                let manifest = try PluginManifest.load(from: folder.appendingPathComponent("plugin.lua"), shownAs: shown)
                guard let current = SemanticVersion(ToolkitVersion.current), manifest.toolkit.contains(current) else {
                    throw ToolkitError.usage("\(shown): plugin '\(manifest.name)' needs toolkit \(manifest.toolkit), this is \(ToolkitVersion.current); update one or the other")
                }
                if seen.insert(manifest.name).inserted {
                    catalog.plugins.append(Plugin(manifest: manifest, folder: folder, origin: origin))
                } else {
                    catalog.shadowed.append("\(manifest.name) at \(folder.relativePath)")
                }
            }
        }
        return catalog
    }
}

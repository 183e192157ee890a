import BundledData
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

/// The folders plugins are looked for in, in order, and what became of the bundled ones.
public struct PluginSearchPath: Sendable {
    public struct Entry: Sendable {
        public var folder: URL
        /// `--plugin`, `./Plugins`, `$TOOLKIT_PLUGINS`, `$XDG_DATA_HOME` or `bundled`.
        public var origin: String
    }

    public var entries: [Entry]
    /// Why the bundled plugins are not on the path, when they are not.
    public var bundledMissing: String?

    /// Set to 1 to leave the bundled plugins out: to check what a binary does without them, or to
    /// run with only the plugins one names.
    public static let noBundledVariable = "TOOLKIT_NO_BUNDLED_PLUGINS"

    /// `--plugin DIR` folders, `./Plugins`, `$TOOLKIT_PLUGINS` (colon-separated),
    /// `$XDG_DATA_HOME/toolkit/plugins` (default `~/.local/share/...`), then the plugins bundled with
    /// the binary.
    public init(extra: [String], environment: [String: String]) {
        entries = extra.map { Entry(folder: URL(fileURLWithPath: $0), origin: "--plugin") }
        entries.append(Entry(folder: URL(fileURLWithPath: "Plugins"), origin: "./Plugins"))
        for entry in (environment["TOOLKIT_PLUGINS"] ?? "").split(separator: ":") {
            entries.append(Entry(folder: URL(fileURLWithPath: String(entry)), origin: "$TOOLKIT_PLUGINS"))
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
        entries.append(Entry(folder: dataHome.appendingPathComponent("toolkit/plugins"), origin: "$XDG_DATA_HOME"))
        if environment[Self.noBundledVariable] == "1" {
            bundledMissing = "bundled plugins left out (\(Self.noBundledVariable)=1)"
        } else if let bundled = BundledData.plugins {
            entries.append(Entry(folder: bundled, origin: "bundled"))
        } else {
            let looked = BundledData.searchedBundles.map(\.path).joined(separator: ", ")
            bundledMissing = "bundled plugins not found beside the binary (looked for \(looked))"
        }
    }

    /// One entry per element, for listing: `origin folder`, with `(missing)` for absent folders.
    public var descriptions: [String] {
        let fm = FileManager.default
        return entries.map { "\($0.origin) \($0.folder.path)" + (fm.fileExists(atPath: $0.folder.path) ? "" : " (missing)") }
            + (bundledMissing.map { [$0] } ?? [])
    }
}

/// Finds plugins along a `PluginSearchPath`. The first plugin of a name wins; later ones of the same
/// name are reported as shadowed, except bundled ones: a plugin installed or passed by the user
/// replacing the bundled copy (and ./Plugins replacing it inside the checkout) is the point of the order.
public struct PluginCatalog: Sendable {
    public var plugins: [Plugin]
    public var shadowed: [String]
    public var searchPath: PluginSearchPath

    /// Defaults of `toolkit.args` from the manifests; the first plugin naming a key wins.
    public var argumentDefaults: [String: String] {
        var defaults: [String: String] = [:]
        for plugin in plugins { defaults.merge(plugin.manifest.args) { first, _ in first } }
        return defaults
    }

    /// Whether any plugin brings knowledge-base files.
    public var hasKnowledgeBase: Bool { plugins.contains { !$0.knowledgeBaseFiles.isEmpty } }

    /// The one-line warning or error for commands that need a knowledge base when there is none, ending
    /// with `consequence` (what the command does without it); nil when a knowledge base is there.
    public func knowledgeBaseMissing(_ consequence: String) -> String? {
        if hasKnowledgeBase { return nil }
        return "no knowledge base loaded: no plugin with kb/ files was found in \(searchPath.descriptions.joined(separator: ", "));"
            + " \(consequence) (install the world plugin, e.g. with `make install`, or pass --plugin DIR)"
    }

    /// Reads every plugin on the search path. A `--plugin DIR` may name one plugin folder or a folder of them.
    public static func discover(extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PluginCatalog {
        let path = PluginSearchPath(extra: extra, environment: environment)
        var catalog = PluginCatalog(plugins: [], shadowed: [], searchPath: path)
        var seen = Set<String>()
        let fm = FileManager.default
        for entry in path.entries {
            let root = entry.folder
            var folders: [URL] = []
            if fm.fileExists(atPath: root.appendingPathComponent("plugin.lua").path) {
                folders = [root]
            } else if let names = try? fm.contentsOfDirectory(atPath: root.path) {
                folders = names.sorted().map { root.appendingPathComponent($0) }
                    .filter { fm.fileExists(atPath: $0.appendingPathComponent("plugin.lua").path) }
            } else if entry.origin == "--plugin" {
                throw ToolkitError.usage("--plugin \(root.relativePath): no such folder (give a plugin folder, one holding plugin.lua)")
            }
            for folder in folders {
                let shown = folder.appendingPathComponent("plugin.lua").relativePath
                let manifest = try PluginManifest.load(from: folder.appendingPathComponent("plugin.lua"), shownAs: shown)
                guard let current = SemanticVersion(ToolkitVersion.current), manifest.toolkit.contains(current) else {
                    throw ToolkitError.usage("\(shown): plugin '\(manifest.name)' needs toolkit \(manifest.toolkit), this is \(ToolkitVersion.current); update one or the other")
                }
                if seen.insert(manifest.name).inserted {
                    catalog.plugins.append(Plugin(manifest: manifest, folder: folder, origin: entry.origin))
                } else if entry.origin != "bundled" {
                    catalog.shadowed.append("\(manifest.name) at \(folder.relativePath)")
                }
            }
        }
        return catalog
    }
}

import BundledData
import Foundation

/// A plugin folder found on the search path, with its validated manifest.
public struct Plugin: Sendable {
    public var manifest: PluginManifest
    public var folder: URL
    /// Which search-path entry it came from (`--plugin`, `./Plugins`, `$TOOLKIT_PLUGINS`, ...).
    public var origin: String

    public var name: String { manifest.name }

    /// Knowledge-base files (`kb/*.jsonl`, `kb/*.tsv`), sorted.
    public var knowledgeBaseFiles: [URL] { files(in: "kb", extensions: ["jsonl", "tsv"]) }
    /// Marker files that extend article parsing (`markers/*.tsv`), sorted.
    public var markerFiles: [URL] { files(in: "markers", extensions: ["tsv"]) }
    /// Rule data for finding entities and amounts outside the knowledge base (`rules/titles*.tsv`,
    /// `patterns*`, `units*`, `numbers*`, `words*`), sorted.
    public var ruleFiles: [URL] { files(in: "rules", extensions: ["tsv"]) }
    /// The plugin's own tests (`tests/*.lua`), sorted.
    public var testFiles: [URL] { files(in: "tests", extensions: ["lua"]) }
    /// The manifest's `main` (default `init.lua`) when the file is there.
    public var initScript: URL? {
        let url = mainFile
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
    public var mainFile: URL { folder.appendingPathComponent(manifest.main) }

    /// The versions of toolkit it says it works with do not include this one: why, else nil.
    public var incompatibility: String? {
        guard let current = SemanticVersion(ToolkitVersion.current), !manifest.toolkit.contains(current) else { return nil }
        return "needs toolkit \(manifest.toolkit), this is \(ToolkitVersion.current)"
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
        entries.append(Entry(folder: Self.userFolder(environment: environment), origin: "$XDG_DATA_HOME"))
        if environment[Self.noBundledVariable] == "1" {
            bundledMissing = "bundled plugins left out (\(Self.noBundledVariable)=1)"
        } else if let bundled = BundledData.plugins {
            entries.append(Entry(folder: bundled, origin: "bundled"))
        } else {
            let looked = BundledData.searchedBundles.map(\.path).joined(separator: ", ")
            bundledMissing = "bundled plugins not found beside the binary (looked for \(looked))"
        }
    }

    /// The user's plugin folder, where `toolkit plugins install` puts plugins:
    /// `$XDG_DATA_HOME/toolkit/plugins`, default `~/.local/share/toolkit/plugins`.
    public static func userFolder(environment: [String: String]) -> URL {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
        return dataHome.appendingPathComponent("toolkit/plugins")
    }

    /// One entry per element, for listing: `origin folder`, with `(missing)` for absent folders.
    public var descriptions: [String] {
        let fm = FileManager.default
        return entries.map { "\($0.origin) \($0.folder.path)" + (fm.fileExists(atPath: $0.folder.path) ? "" : " (missing)") }
            + (bundledMissing.map { [$0] } ?? [])
    }
}

/// A plugin hidden by an earlier one of the same name.
public struct ShadowedPlugin: Sendable {
    public var plugin: Plugin
    /// The folder of the plugin that won.
    public var by: URL
}

/// A plugin folder whose manifest could not be read or is wrong.
public struct BrokenPlugin: Sendable {
    public var folder: URL
    public var origin: String
    /// One line per problem, each naming the manifest file and the field.
    public var problems: String
}

/// Finds plugins along a `PluginSearchPath` and selects those a command loads. The first plugin of a
/// name wins; later ones of the same name are kept as shadowed, so `plugins list` can say where they are.
public struct PluginCatalog: Sendable {
    /// The plugins a command loads, in load order: a plugin after those it requires, otherwise
    /// the bundled ones first and those named with `--plugin` last, so the data closest to the user
    /// is merged over the rest.
    public var plugins: [Plugin]
    /// Every usable plugin found (the first of each name), in search-path order.
    public var available: [Plugin]
    public var shadowed: [ShadowedPlugin]
    public var broken: [BrokenPlugin]
    /// Plugin name -> why it is selected, or why not.
    public var reasons: [String: String] = [:]
    public var searchPath: PluginSearchPath
    /// Where the knowledge base's matcher tables are kept between processes: `compiled/` in the
    /// article cache's folder, or nowhere (`--no-cache`). See `AutomatonSnapshots`.
    public var compiledTablesFolder: URL?

    /// Whether any plugin brings knowledge-base files.
    public var hasKnowledgeBase: Bool { plugins.contains { !$0.knowledgeBaseFiles.isEmpty } }

    /// The one-line warning or error for commands that need a knowledge base when there is none, ending
    /// with `consequence` (what the command does without it); nil when a knowledge base is there.
    public func knowledgeBaseMissing(_ consequence: String) -> String? {
        if hasKnowledgeBase { return nil }
        return "no knowledge base loaded: no plugin with kb/ files was found in \(searchPath.descriptions.joined(separator: ", "));"
            + " \(consequence) (install the world plugin, e.g. with `make install`, or pass --plugin DIR)"
    }

    /// The plugins a command loads: the search path read, every manifest valid (all problems of all
    /// manifests in one error), the selection made and the requirements resolved. `selection` is a
    /// `--plugins` expression (nil: the default selection); `requires` are the script's; `report` is
    /// the one `toolkit report NAME` asks for.
    public static func discover(extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
                                selection: String? = nil, requires: [PluginRequirement] = [], report: String? = nil) throws -> PluginCatalog
    {
        var catalog = try survey(extra: extra, environment: environment)
        if !catalog.broken.isEmpty {
            throw ToolkitError.usage(catalog.broken.map(\.problems).joined(separator: "\n"))
        }
        try catalog.select(selection.map { try PluginSelection(parsing: $0) }, scriptRequires: requires, report: report)
        return catalog
    }

    /// Every plugin on the search path, with the broken and shadowed ones, and nothing selected yet.
    /// Only a `--plugin` folder that does not exist is an error.
    public static func survey(extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PluginCatalog {
        let path = PluginSearchPath(extra: extra, environment: environment)
        var catalog = PluginCatalog(plugins: [], available: [], shadowed: [], broken: [], searchPath: path)
        catalog.compiledTablesFolder = ArticleCache.defaultFolder(environment: environment).map(ArticleCache.compiledTables(in:))
        var winners: [String: URL] = [:]
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
                let manifest: PluginManifest
                do {
                    manifest = try PluginManifest.load(from: folder.appendingPathComponent("plugin.lua"), shownAs: shown)
                } catch {
                    catalog.broken.append(BrokenPlugin(folder: folder, origin: entry.origin, problems: "\(error)"))
                    continue
                }
                let plugin = Plugin(manifest: manifest, folder: folder, origin: entry.origin)
                if let winner = winners[manifest.name] {
                    catalog.shadowed.append(ShadowedPlugin(plugin: plugin, by: winner))
                } else {
                    winners[manifest.name] = folder
                    catalog.available.append(plugin)
                }
            }
        }
        return catalog
    }

    /// Fills `plugins` and `reasons`. Without an expression the selection is the category `default`
    /// (a plugin declaring no category counts as default) and every plugin named with `--plugin`.
    /// A plugin whose manifest `provides` the report asked for by name is selected too: naming the
    /// report is asking for it.
    public mutating func select(_ selection: PluginSelection?, scriptRequires: [PluginRequirement] = [], report: String? = nil) throws {
        var roots: [String: String] = [:]
        if let report {
            for plugin in available where plugin.manifest.provides?.reports.contains(report) == true {
                roots[plugin.name] = "provides the report '\(report)' asked for"
            }
        }
        if let selection {
            let known = Set(available.flatMap { [$0.name] + $0.manifest.categories })
            let unknown = selection.unknownWords(known: known)
            if !unknown.isEmpty {
                throw ToolkitError.usage("--plugins \"\(selection)\": \(unknown.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "\(unknown.count == 1 ? "names" : "name") no plugin or category; known plugins: "
                    + "\(available.map(\.name).sorted().joined(separator: ", ").ifEmpty("none"))"
                    + "; categories: \(Set(available.flatMap(\.manifest.categories)).sorted().joined(separator: ", ").ifEmpty("none"))")
            }
            for plugin in available where selection.matches(name: plugin.name, categories: plugin.manifest.categories) {
                roots[plugin.name] = roots[plugin.name] ?? "selected by --plugins \"\(selection)\""
            }
            if roots.isEmpty && scriptRequires.isEmpty && report == nil {
                throw ToolkitError.usage("--plugins \"\(selection)\" selects no plugin; the plugins found are "
                    + available.map { "\($0.name) (\($0.manifest.categories.joined(separator: ", ").ifEmpty("no categories")))" }.joined(separator: ", ").ifEmpty("none"))
            }
        } else {
            for plugin in available {
                if roots[plugin.name] != nil {
                    continue
                } else if plugin.origin == "--plugin" {
                    roots[plugin.name] = "named with --plugin"
                } else if plugin.manifest.categories.contains("default") {
                    roots[plugin.name] = "in category default"
                } else if plugin.manifest.categories.isEmpty {
                    roots[plugin.name] = "declares no category, so counts as default"
                }
            }
        }
        let resolved = try PluginResolver(available: available, roots: roots, scriptRequires: scriptRequires).resolve()
        plugins = resolved.order
        reasons = resolved.reasons
        for plugin in available where reasons[plugin.name] == nil {
            reasons[plugin.name] = selection == nil
                ? "not selected: not in category default (categories: \(plugin.manifest.categories.joined(separator: ", ")))"
                : "not selected by --plugins \"\(selection!)\""
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

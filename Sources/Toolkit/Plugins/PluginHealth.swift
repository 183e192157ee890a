import Foundation
import LuaBridge
import NewsKit

/// `toolkit plugins check`: what would go wrong with a plugin before a run meets it, as Neovim's
/// `:checkhealth` does: the manifest, its requirements, its data files parsed (each error with
/// file and line), its code loaded in a sandbox and checked against `provides`, and its tests.
public struct PluginHealth: Sendable {
    public enum Level: String, Sendable { case ok, warning, error }

    public struct Finding: Sendable, CustomStringConvertible {
        public var level: Level
        public var message: String
        public var description: String { "  \(level.rawValue): \(message)" }
    }

    /// `name version (folder)`, or the folder of a manifest that could not be read.
    public var title: String
    public var findings: [Finding] = []
    public var healthy: Bool { !findings.contains { $0.level == .error } }

    mutating func add(_ level: Level, _ message: String) { findings.append(Finding(level: level, message: message)) }

    /// A manifest that could not be read: nothing else can be checked.
    public init(broken: BrokenPlugin) {
        title = broken.folder.relativePath
        for line in broken.problems.split(separator: "\n") { add(.error, String(line)) }
    }

    public init(_ plugin: Plugin, in catalog: PluginCatalog) {
        title = "\(plugin.name) \(plugin.manifest.version) (\(plugin.folder.relativePath))"
        let manifest = plugin.manifest
        add(.ok, "manifest: \(manifest.args.count) arg(s), categories \(manifest.categories.joined(separator: ", ").ifEmpty("none (counts as default)"))")
        if let why = plugin.incompatibility { add(.error, "toolkit: \(why)") }
        var order: [Plugin] = []
        do {
            order = try PluginResolver(available: catalog.available, roots: [plugin.name: "checked"], scriptRequires: []).resolve().order
            if !manifest.requires.isEmpty { add(.ok, "requires: \(manifest.requires.map(\.description).joined(separator: ", ")) found in range") }
        } catch {
            for line in "\(error)".split(separator: "\n") { add(.error, "requires: \(line)") }
        }
        checkKnowledgeBase(plugin)
        checkData(plugin.markerFiles, "markers") { _ = try MarkerSet(files: [$0]) }
        checkData(plugin.ruleFiles, "rules") { _ = try RuleExtractor(dataFiles: [$0]) }
        if !order.isEmpty { checkCode(plugin, order: order, catalog: catalog) }
        let tests = plugin.testFiles
        if tests.isEmpty {
            add(.warning, "tests: none (add tests/*.lua)")
        } else {
            add(.ok, "tests: \(tests.count) file(s) in tests/")
        }
        if !FileManager.default.fileExists(atPath: plugin.folder.appendingPathComponent("README.md").path) {
            add(.warning, "README.md: missing (say what the plugin holds and where its data comes from)")
        }
    }

    private mutating func checkKnowledgeBase(_ plugin: Plugin) {
        var kinds = Set<String>()
        var good = true
        for file in plugin.knowledgeBaseFiles {
            do {
                kinds.formUnion(try KnowledgeBase.load(files: [file]).profiles.map(\.kind))
            } catch {
                good = false
                add(.error, "\(error)".replacingOccurrences(of: file.path, with: file.relativePath))
            }
        }
        if good && !plugin.knowledgeBaseFiles.isEmpty {
            add(.ok, "kb: \(plugin.knowledgeBaseFiles.count) file(s) parsed, kinds \(kinds.sorted().joined(separator: ", "))")
        }
        guard good, let declared = plugin.manifest.provides?.kb else { return }
        let manifest = plugin.folder.appendingPathComponent("plugin.lua").relativePath
        for kind in declared where !kinds.contains(kind) {
            add(.error, "\(manifest): field 'provides.kb': declares kind '\(kind)', but no profile in kb/ has it (kinds found: \(kinds.sorted().joined(separator: ", ").ifEmpty("none")))")
        }
        for kind in kinds.sorted() where !declared.contains(kind) {
            add(.error, "\(manifest): field 'provides.kb': kb/ holds profiles of kind '\(kind)', which is not declared")
        }
    }

    private mutating func checkData(_ files: [URL], _ folder: String, _ parse: (URL) throws -> Void) {
        var good = true
        for file in files {
            do { try parse(file) } catch {
                good = false
                let text = "\(error)".replacingOccurrences(of: file.path, with: file.relativePath)
                add(.error, text.contains(file.lastPathComponent) ? text : "\(file.relativePath): \(text)")
            }
        }
        if good && !files.isEmpty { add(.ok, "\(folder): \(files.count) file(s) parsed") }
    }

    /// Loads the plugin, after what it requires, in a fresh sandboxed state with the toolkit API.
    private mutating func checkCode(_ plugin: Plugin, order: [Plugin], catalog: PluginCatalog) {
        guard plugin.initScript != nil || plugin.manifest.main != "init.lua" else {
            if let provides = plugin.manifest.provides, !(provides.extractors.isEmpty && provides.reports.isEmpty) {
                for line in PluginLoader.providesProblems(plugin, extractors: [], reports: []) { add(.error, line) }
            }
            return
        }
        var loaded = catalog
        loaded.plugins = order
        do {
            let options = RunOptions(script: "", corpus: [])
            let state = try LuaState(limits: LuaLimits(memoryBytes: 512 << 20, instructions: 1_000_000_000, seconds: 30))
            defer { state.close() }
            let quiet = Console(out: { _ in }, err: { _ in })
            let entities = EntityContext(plugins: loaded, warn: { _ in })
            let api = ToolkitAPI(state: state, options: options, settings: [:], console: quiet, source: nil, entities: entities)
            try api.install()
            try PluginLoader(state: state, api: api).load(loaded, arguments: try PluginArguments(settings: [:], catalog: loaded))
            let registered = entities.extractors.all.map(\.name) + api.registeredReports.map(\.name)
            add(.ok, "\(plugin.manifest.main): loads" + (registered.isEmpty ? "" : ", registers \(registered.joined(separator: ", "))"))
        } catch let error as LuaError {
            add(.error, "\(plugin.manifest.main): \(error.message)")
        } catch {
            for line in "\(error)".split(separator: "\n") { add(.error, String(line)) }
        }
    }
}

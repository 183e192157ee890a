import LuaBridge

/// `--set` values shared out: `plugin.key=value` to that plugin, typed by its manifest over its
/// defaults, and `key=value` (no dot) to the script. Each plugin's `toolkit.args` is its own, so two
/// plugins may both take a `top` without one reading the other's.
public struct PluginArguments: Sendable {
    /// What the script reads as `toolkit.args` (typed by look, as documented for `toolkit.args`).
    public var script: [String: String]
    /// Plugin name -> its arguments, defaults applied.
    public var plugins: [String: [String: PluginArgument.Value]]

    /// Every problem of the settings (an unknown plugin or key, a value of the wrong type) in one error.
    public init(settings: [String: String], catalog: PluginCatalog) throws {
        script = [:]
        plugins = [:]
        var problems: [String] = []
        let selected = Dictionary(catalog.plugins.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for plugin in catalog.plugins {
            var values: [String: PluginArgument.Value] = [:]
            for argument in plugin.manifest.args { values[argument.name] = argument.defaultValue }
            plugins[plugin.name] = values
        }
        for (key, text) in settings.sorted(by: { $0.key < $1.key }) {
            guard let dot = key.firstIndex(of: ".") else {
                script[key] = text
                continue
            }
            let name = String(key[..<dot]), argumentName = String(key[key.index(after: dot)...])
            guard let plugin = selected[name] else {
                if catalog.available.contains(where: { $0.name == name }) {
                    problems.append("--set \(key)=\(text): plugin '\(name)' is not selected for this run (\(catalog.reasons[name] ?? "not selected")); select it, like --plugins \"default or \(name)\"")
                } else {
                    let names = catalog.plugins.map(\.name).sorted().joined(separator: ", ").ifEmpty("none")
                    problems.append("--set \(key)=\(text): no plugin named '\(name)' is loaded (loaded: \(names)); a script's own keys have no dot, like --set top=20")
                }
                continue
            }
            guard let argument = plugin.manifest.args.first(where: { $0.name == argumentName }) else {
                problems.append("--set \(key)=\(text): plugin '\(name)' has no argument '\(argumentName)'; it takes "
                    + Self.describe(plugin.manifest.args).ifEmpty("none"))
                continue
            }
            switch argument.parse(text) {
            case .success(let value): plugins[name]![argumentName] = value
            case .failure(let problem): problems.append("--set \(key)=\(text): \(problem.message); \(name).\(argumentName) is a \(argument.kind.rawValue)")
            }
        }
        if !problems.isEmpty { throw ToolkitError.usage(problems.joined(separator: "\n")) }
    }

    /// `name (type, default value)` for each argument, joined: for error messages and `plugins info`.
    static func describe(_ arguments: [PluginArgument]) -> String {
        arguments.map { "\($0.name) (\($0.kind.rawValue)\($0.defaultValue.map { ", default \($0.shown)" } ?? ""))" }.joined(separator: ", ")
    }

    /// The `toolkit.args` table of one plugin.
    func table(for plugin: String) -> LuaTable {
        var table = LuaTable(array: [])
        for (key, value) in (plugins[plugin] ?? [:]).sorted(by: { $0.key < $1.key }) { table[key] = value.lua }
        return table
    }
}

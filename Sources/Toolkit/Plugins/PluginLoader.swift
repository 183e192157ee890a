import Foundation
import LuaBridge

/// Runs the selected plugins' main files on a run's state, each in an environment of its own: a
/// table whose `__index` is the shared sandbox globals, so a plugin reads the libraries and
/// `toolkit` but its globals stay its own (two plugins may both define `helpers`), and whose
/// `toolkit` is a view of the shared one with the plugin's own `args`. Registrations through
/// `toolkit.extractor` and `toolkit.report` reach the run as before. `require "name.module"` loads
/// `lua/module.lua` of the plugin itself, as source text, in the same environment; other plugins'
/// modules are out of reach.
struct PluginLoader {
    let state: LuaState
    let api: ToolkitAPI

    /// Captures the base functions and `toolkit` before any plugin or script can replace them.
    private static let bootstrap = """
        local load, setmetatable, error, type, pairs, G, toolkit = load, setmetatable, error, type, pairs, _G, toolkit
        local sort, concat = table.sort, table.concat
        return function(name, code, chunk, args, modules)
          local env = setmetatable({}, { __index = G })
          env.toolkit = setmetatable({ args = args }, { __index = toolkit })
          local loaded = {}
          env.require = function(module)
            if type(module) ~= "string" then
              error("bad argument #1 to 'require' (string expected, got " .. type(module) .. ")", 2)
            end
            if loaded[module] ~= nil then return loaded[module] end
            local source = modules[module]
            if source == nil then
              local known = {}
              for k in pairs(modules) do known[#known + 1] = k end
              sort(known)
              error("module '" .. module .. "' not found: plugin '" .. name .. "' can require its own modules only, "
                .. "as require \\"" .. name .. ".x\\" for its file lua/x.lua (it has: "
                .. (#known > 0 and concat(known, ", ") or "none") .. ")", 2)
            end
            local f, err = load(source[1], source[2], "t", env)
            if not f then error(err, 0) end
            local value = f(module)
            if value == nil then value = true end
            loaded[module] = value
            return value
          end
          local f, err = load(code, chunk, "t", env)
          if not f then error(err, 0) end
          return f()
        end
        """

    /// Loads each plugin in order and checks what it registered against its manifest's `provides`.
    func load(_ catalog: PluginCatalog, arguments: PluginArguments) throws {
        guard !catalog.plugins.isEmpty else { return }
        guard case .reference(let loader)? = try state.run(Self.bootstrap, chunkName: "=plugin loader").first else {
            throw LuaError(kind: .runtime, message: "the plugin loader did not start")
        }
        for plugin in catalog.plugins {
            let main = plugin.mainFile
            guard let source = FileManager.default.contents(atPath: main.path) else {
                if plugin.manifest.main != "init.lua" {
                    throw ToolkitError.usage("\(plugin.folder.appendingPathComponent("plugin.lua").relativePath): field 'main': \(main.relativePath) does not exist")
                }
                try checkProvides(plugin, extractors: [], reports: [])
                continue
            }
            let extractorsBefore = Set(api.entities.extractors.all.map(\.name))
            let reportsBefore = Set(api.registeredReports.map(\.name))
            try state.call(loader, [
                LuaValue(plugin.name), .string(LuaString(bytes: Array(source))), LuaValue("@" + main.relativePath),
                .table(arguments.table(for: plugin.name)), .table(try Self.modules(of: plugin)),
            ])
            try checkProvides(plugin,
                              extractors: api.entities.extractors.all.map(\.name).filter { !extractorsBefore.contains($0) },
                              reports: api.registeredReports.map(\.name).filter { !reportsBefore.contains($0) })
        }
    }

    /// `name.module` -> { source, chunk name } for every `lua/**/*.lua` of the plugin.
    static func modules(of plugin: Plugin) throws -> LuaTable {
        var table = LuaTable(array: [])
        let root = plugin.folder.appendingPathComponent("lua")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return table }
        for case let relative as String in walker where relative.hasSuffix(".lua") {
            let file = root.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let module = plugin.name + "." + relative.dropLast(4).replacingOccurrences(of: "/", with: ".")
            table[module] = .table(LuaTable(array: [.string(LuaString(bytes: Array(data))), LuaValue("@" + file.relativePath)]))
        }
        return table
    }

    /// A plugin that declares `provides` must register exactly that: one line per difference.
    func checkProvides(_ plugin: Plugin, extractors: [String], reports: [String]) throws {
        let problems = Self.providesProblems(plugin, extractors: extractors, reports: reports)
        if !problems.isEmpty { throw ToolkitError.usage(problems.joined(separator: "\n")) }
    }

    static func providesProblems(_ plugin: Plugin, extractors: [String], reports: [String]) -> [String] {
        guard let provides = plugin.manifest.provides else { return [] }
        let manifest = plugin.folder.appendingPathComponent("plugin.lua").relativePath
        var problems: [String] = []
        for (what, declared, registered) in [("extractor", provides.extractors, extractors), ("report", provides.reports, reports)] {
            for name in declared where !registered.contains(name) {
                problems.append("\(manifest): field 'provides.\(what)s': declares \(what) '\(name)', but \(plugin.manifest.main) does not register it (it registers: \(registered.joined(separator: ", ").ifEmpty("none")))")
            }
            for name in registered where !declared.contains(name) {
                problems.append("\(manifest): field 'provides.\(what)s': \(plugin.manifest.main) registers \(what) '\(name)', which is not declared (add it to provides.\(what)s)")
            }
        }
        return problems
    }
}

import LuaBridge

/// Every declared part of the Lua API, in the order of the reference. A run installs exactly
/// these; `toolkit api` prints them; tools that check scripts (`toolkit check`) read the names.
public enum APIReference {
    static var modules: [APIModule] {
        [ToolkitModule.module, RegistrationModule.module, KnowledgeBaseModule.module, ToolkitModule.settings, WriteModule.module, LogModule.module,
         TextModule.module, DateModule.module, RegexModule.module, JSONModule.module, TestModule.module, ToolkitModule.version]
    }

    /// Every declared function and field of the `toolkit` table, by full name (`toolkit.re.find`,
    /// `toolkit.version`), in reference order.
    public static var allNames: [String] {
        modules.flatMap { $0.functions.map(\.name) + $0.fields.map(\.name) }
    }

    /// The declared functions' full names.
    public static var functionNames: [String] { modules.flatMap { $0.functions.map(\.name) } }

    static var functions: [APIFunction] { modules.flatMap(\.functions) }

    /// The `toolkit` table of one run: every declared function bound to it and every field's value.
    static func toolkitTable(for api: ToolkitAPI) throws -> LuaTable {
        var root = LuaTable(array: [])
        for module in modules {
            for function in module.functions {
                set(.function(function.luaFunction(in: api)), at: path(function.name), in: &root)
            }
            for field in module.fields {
                set(try field.value(api), at: path(field.name), in: &root)
            }
            // A module without functions or fields still exists as a table (`toolkit.write`).
            if module.name != "toolkit" { ensureTable(at: path(module.name), in: &root) }
        }
        return root
    }

    /// `toolkit.re.find` -> ["re", "find"]
    private static func path(_ name: String) -> [String] {
        Array(name.split(separator: ".").dropFirst().map(String.init))
    }

    private static func set(_ value: LuaValue, at path: [String], in table: inout LuaTable) {
        guard let first = path.first else { return }
        if path.count == 1 {
            table[first] = value
            return
        }
        var inner = table[first].tableValue ?? LuaTable(array: [])
        set(value, at: Array(path.dropFirst()), in: &inner)
        table[first] = .table(inner)
    }

    private static func ensureTable(at path: [String], in table: inout LuaTable) {
        guard let first = path.first else { return }
        var inner = table[first].tableValue ?? LuaTable(array: [])
        ensureTable(at: Array(path.dropFirst()), in: &inner)
        table[first] = .table(inner)
    }
}

extension APIReference {
    /// The whole reference as Markdown: docs/lua-api.md.
    public static var markdown: String { APIMarkdown.document(modules) }

    /// The LuaLS annotations: types/toolkit.lua.
    public static var luaLS: String { APILuaLS.document(modules) }

    /// The record types scripts receive (`Article`, `Mention`, `Quote`, `Block`, `Profile`).
    static var classes: [APIClassReference] { modules.flatMap(\.classes) }

    /// The article's field names, for tools that check scripts.
    public static var articleFields: [String] { ArticleFields.declaration.fields.map(\.name) }

    /// One function, field or record by name (`toolkit.re.find`, `toolkit.version`, `Article`), as
    /// Markdown; nil when nothing of that name is declared.
    public static func describe(_ name: String) -> String? {
        for module in modules {
            if let f = module.functions.first(where: { $0.name == name }) { return APIMarkdown.function(f, level: "#") }
            if let f = module.fields.first(where: { $0.name == name }) { return APIMarkdown.field(f, level: "#") }
            if module.name == name, module.name != "toolkit" { return APIMarkdown.section(module) }
        }
        if let c = classes.first(where: { $0.name.lowercased() == name.lowercased() }) { return APIMarkdown.record(c, level: "#") }
        return nil
    }
}

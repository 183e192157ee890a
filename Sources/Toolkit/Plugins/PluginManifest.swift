import Foundation
import LuaBridge

/// What `plugin.lua` declares. It is evaluated in its own sandbox with tight limits and validated
/// before any of the plugin's code runs; each problem is one line naming the file and the field.
public struct PluginManifest: Sendable {
    public var name: String
    public var version: SemanticVersion
    public var toolkit: VersionRange
    public var description: String
    public var authors: [String]
    public var license: String
    public var categories: [String]
    public var languages: [String]
    public var args: [String: String]
    public var requires: [String]
    public var permissions: [String]

    public static let knownPermissions: Set<String> = []

    public static func load(from file: URL, shownAs path: String) throws -> PluginManifest {
        let code: Data
        do { code = try Data(contentsOf: file) } catch {
            throw ToolkitError.usage("\(path): cannot read the plugin manifest (\(error.localizedDescription))")
        }
        let value: LuaValue?
        do {
            let lua = try LuaState(limits: LuaLimits(memoryBytes: 16 << 20, instructions: 10_000_000, seconds: 2))
            // A manifest is data: it runs with no library at all (no finalizers, no string patterns,
            // nothing that runs outside the limit hook), only table constructors and expressions.
            try lua.run("getmetatable('').__index = nil local G = _G for name in pairs(G) do G[name] = nil end", chunkName: "=manifest sandbox")
            value = try lua.run(Array(code), chunkName: "@" + path).first
        } catch let error as LuaError {
            let located = error.location == nil ? "\(path): \(error.message)" : error.message
            throw ToolkitError.usage("\(located) (a plugin manifest must be `return { name = ..., version = ... }`)")
        }
        guard case .table(let table)? = value else {
            throw ToolkitError.usage("\(path): the manifest must return a table, like `return { name = \"x\", version = \"1.0.0\", toolkit = \">=0.1.0\" }`")
        }
        return try PluginManifest(table: table, path: path)
    }

    init(table: LuaTable, path: String) throws {
        func problem(_ field: String, _ what: String) -> ToolkitError {
            .usage("\(path): field '\(field)' \(what)")
        }
        func string(_ field: String, required: Bool = false) throws -> String? {
            switch table[field] {
            case .nil where required: throw problem(field, "is missing")
            case .nil: return nil
            case .string(let s): return s.string
            case let other: throw problem(field, "must be a string, not a \(other.typeName)")
            }
        }
        func list(_ field: String) throws -> [String] {
            switch table[field] {
            case .nil: return []
            case .table(let t) where t.fields.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }):
                return t.array.compactMap(\.stringValue)
            default: throw problem(field, "must be a list of strings, like {\"a\", \"b\"}")
            }
        }
        let name = try string("name", required: true)!
        guard name.range(of: "^[a-z0-9][a-z0-9_-]*$", options: .regularExpression) != nil else {
            throw problem("name", "must be lowercase letters, digits, '-' or '_' (got '\(name)')")
        }
        let versionText = try string("version", required: true)!
        guard let version = SemanticVersion(versionText) else {
            throw problem("version", "must be a SemVer version like 1.0.0 (got '\(versionText)')")
        }
        let rangeText = try string("toolkit", required: true)!
        guard let range = VersionRange(rangeText) else {
            throw problem("toolkit", "must be a version range like \">=0.1.0\" or \"^1.2.0\" (got '\(rangeText)')")
        }
        self.name = name
        self.version = version
        self.toolkit = range
        self.description = try string("description") ?? ""
        self.authors = try list("authors")
        self.license = try string("license") ?? ""
        self.categories = try list("categories")
        self.languages = try list("languages")
        self.requires = try list("requires")
        self.permissions = try list("permissions")
        var args: [String: String] = [:]
        switch table["args"] {
        case .nil: break
        case .table(let t) where t.array.isEmpty:
            for (key, value) in t.fields {
                guard let k = key.stringValue else { throw problem("args", "must map names to default values") }
                switch value {
                case .string(let s): args[k] = s.string
                case .integer(let i): args[k] = String(i)
                case .number(let d): args[k] = String(d)
                case .boolean(let b): args[k] = String(b)
                default: throw problem("args.\(k)", "must be a string, number or boolean default")
                }
            }
        default: throw problem("args", "must be a table of defaults, like { top = 10 }")
        }
        self.args = args
        if let unknown = permissions.first(where: { !PluginManifest.knownPermissions.contains($0) }) {
            throw problem("permissions", "asks for '\(unknown)', which this toolkit does not grant (plugins run sandboxed)")
        }
    }
}

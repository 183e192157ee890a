import Foundation
import LuaBridge

/// What `plugin.lua` declares. It is evaluated in its own sandbox with tight limits and validated
/// before any of the plugin's code runs. Every problem of a manifest is reported in one go, one line
/// each naming the file and the field, so that a manifest with three mistakes takes one run to fix.
public struct PluginManifest: Sendable {
    public var name: String
    public var version: SemanticVersion
    public var toolkit: VersionRange
    public var description: String
    public var authors: [String]
    public var license: String
    public var homepage: String
    /// The Lua file run when the plugin loads, relative to its folder.
    public var main: String
    public var categories: [String]
    public var languages: [String]
    public var args: [PluginArgument]
    /// Plugin name -> the versions of it that will do (nil: any).
    public var requires: [PluginRequirement]
    public var provides: PluginProvides?
    public var permissions: [String]

    public static let knownPermissions: Set<String> = []
    public static let fields = ["name", "version", "toolkit", "description", "authors", "license", "homepage", "main",
                                "categories", "languages", "args", "requires", "provides", "permissions"]
    static let namePattern = "^[a-z0-9][a-z0-9_-]*$"

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
        var problems = ManifestProblems(path: path)
        let manifest = PluginManifest(table: table, problems: &problems)
        guard problems.lines.isEmpty, let manifest else { throw ToolkitError.usage(problems.description) }
        return manifest
    }

    /// Nil when a required field is unusable; every problem found, required or not, is in `problems`.
    init?(table: LuaTable, problems: inout ManifestProblems) {
        var reader = ManifestReader(table: table)
        defer { problems.lines += reader.problems }
        for key in table.fields.map(\.key) where !Self.fields.contains(key.stringValue ?? "") {
            let shown = key.stringValue.map { "'\($0)'" } ?? "a \(key.typeName) key"
            reader.problem(key.stringValue ?? "?", "\(shown) is not a manifest field (known: \(Self.fields.joined(separator: ", ")))")
        }
        if !table.array.isEmpty { reader.problem("[1]", "a manifest holds named fields only, not a list") }

        let name = reader.string("name", required: "every plugin needs one, like name = \"sahel-watch\"")
        if let name, name.range(of: Self.namePattern, options: .regularExpression) == nil {
            reader.problem("name", "\(quoted(name)) is not a plugin name (lowercase letters, digits, '-' and '_', starting with a letter or digit)")
        }
        let versionText = reader.string("version", required: "like version = \"1.0.0\"")
        let version = versionText.flatMap(SemanticVersion.init)
        if let versionText, version == nil {
            reader.problem("version", "\(quoted(versionText)) is not a SemVer version (like 1.2.0)")
        }
        let rangeText = reader.string("toolkit", required: "the toolkit versions it works with, like toolkit = \">=0.1.0\"")
        let range = rangeText.flatMap(VersionRange.init)
        if let rangeText, range == nil {
            reader.problem("toolkit", "\(quoted(rangeText)) is not a version range (like \">=0.1.0 <2.0.0\" or \"^0.1.0\")")
        }
        description = reader.string("description") ?? ""
        license = reader.string("license") ?? ""
        homepage = reader.string("homepage") ?? ""
        if !homepage.isEmpty && !(homepage.hasPrefix("https://") || homepage.hasPrefix("http://")) {
            reader.problem("homepage", "\(quoted(homepage)) is not a web address (like \"https://example.org/sahel-watch\")")
        }
        main = reader.string("main") ?? "init.lua"
        if !main.hasSuffix(".lua") || main.hasPrefix("/") || main.split(separator: "/").contains("..") {
            reader.problem("main", "\(quoted(main)) must be a .lua file inside the plugin's folder, like \"init.lua\" or \"src/main.lua\"")
        }
        authors = reader.strings("authors")
        categories = reader.strings("categories")
        for category in categories where category.range(of: Self.namePattern, options: .regularExpression) == nil
            || PluginSelection.keywords.contains(category)
        {
            reader.problem("categories", "\(quoted(category)) cannot be used in a --plugins expression (lowercase letters, digits, '-' and '_'; not and, or, not)")
        }
        languages = reader.strings("languages")
        permissions = reader.strings("permissions")
        for unknown in permissions where !Self.knownPermissions.contains(unknown) {
            reader.problem("permissions", "asks for '\(unknown)', which this toolkit does not grant (plugins run sandboxed)")
        }
        args = PluginArgument.read(table["args"], into: &reader)
        requires = Self.readRequires(table["requires"], into: &reader)
        provides = PluginProvides.read(table["provides"], into: &reader)
        guard let name, let version, let range else { return nil }
        self.name = name
        self.version = version
        self.toolkit = range
    }

    private static func readRequires(_ value: LuaValue, into reader: inout ManifestReader) -> [PluginRequirement] {
        let example = "like requires = { world = \">=1.0.0\" }"
        switch value {
        case .nil: return []
        case .table(let t):
            var result: [PluginRequirement] = []
            // A bare list of names is accepted: any version of each will do.
            for item in t.array {
                guard let name = item.stringValue else {
                    reader.problem("requires", "must map plugin names to version ranges, \(example)")
                    continue
                }
                result.append(PluginRequirement(name: name, range: nil))
            }
            for (key, rangeValue) in t.fields {
                guard let name = key.stringValue else {
                    reader.problem("requires", "must map plugin names to version ranges, \(example)")
                    continue
                }
                guard let text = rangeValue.stringValue else {
                    reader.problem("requires.\(name)", "must be a version range string, not a \(rangeValue.typeName) (\(example))")
                    continue
                }
                if text == "*" || text.isEmpty {
                    result.append(PluginRequirement(name: name, range: nil))
                } else if let range = VersionRange(text) {
                    result.append(PluginRequirement(name: name, range: range))
                } else {
                    reader.problem("requires.\(name)", "\(quoted(text)) is not a version range (like \">=1.0.0\" or \"^1.2.0\")")
                }
            }
            return result.sorted { $0.name < $1.name }
        default:
            reader.problem("requires", "must be a table, not a \(value.typeName) (\(example))")
            return []
        }
    }
}

/// The lines of a manifest's problems, each `file: field 'x': what is wrong`.
struct ManifestProblems: CustomStringConvertible {
    let path: String
    var lines: [String] = []
    var description: String { lines.map { "\(path): \($0)" }.joined(separator: "\n") }
}

/// Reads fields of a manifest table, collecting a problem per bad field instead of stopping at the first.
struct ManifestReader {
    let table: LuaTable
    var problems: [String] = []

    mutating func problem(_ field: String, _ what: String) {
        problems.append("field '\(field)': \(what)")
    }

    /// `required` says what to write when the field is missing; nil makes it optional.
    mutating func string(_ field: String, required: String? = nil) -> String? {
        switch table[field] {
        case .nil:
            if let required { problem(field, "missing (\(required))") }
            return nil
        case .string(let s): return s.string
        case let other:
            problem(field, "must be a string, not a \(other.typeName)")
            return nil
        }
    }

    mutating func strings(_ field: String) -> [String] {
        strings(table[field], field: field)
    }

    mutating func strings(_ value: LuaValue, field: String) -> [String] {
        switch value {
        case .nil: return []
        case .table(let t) where t.fields.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }):
            return t.array.compactMap(\.stringValue)
        default:
            problem(field, "must be a list of strings, like {\"a\", \"b\"}")
            return []
        }
    }
}

/// What a plugin says it registers, checked against what its code registers when it loads.
public struct PluginProvides: Sendable, Equatable {
    public var extractors: [String]
    public var reports: [String]
    /// Kinds of the profiles in its `kb/` files (person, org, place, ...).
    public var kb: [String]

    static func read(_ value: LuaValue, into reader: inout ManifestReader) -> PluginProvides? {
        let example = "like provides = { extractors = {\"meetings\"}, reports = {\"who-met-whom\"}, kb = {\"person\"} }"
        switch value {
        case .nil: return nil
        case .table(let t) where t.array.isEmpty:
            for key in t.fields.map(\.key) where !["extractors", "reports", "kb"].contains(key.stringValue ?? "") {
                reader.problem("provides", "\(key.stringValue.map { "'\($0)'" } ?? "a \(key.typeName) key") is not known (known: extractors, reports, kb)")
            }
            return PluginProvides(extractors: reader.strings(t["extractors"], field: "provides.extractors"),
                                  reports: reader.strings(t["reports"], field: "provides.reports"),
                                  kb: reader.strings(t["kb"], field: "provides.kb"))
        default:
            reader.problem("provides", "must be a table, \(example)")
            return nil
        }
    }
}

func quoted(_ text: String) -> String { "\"\(text)\"" }

import LuaBridge

/// One value a plugin takes from `--set plugin.key=value`, as its manifest declares it: a type, a
/// default and what it is for. Typing by the manifest (not by the look of the text) means
/// `--set sco.since=2001` stays a string when the plugin asked for one.
public struct PluginArgument: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case number, boolean, string, list
    }

    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case integer(Int64), number(Double), boolean(Bool), string(String), list([String])

        public var description: String {
            switch self {
            case .integer(let i): return String(i)
            case .number(let d): return String(d)
            case .boolean(let b): return String(b)
            case .string(let s): return s
            case .list(let items): return items.joined(separator: ",")
            }
        }

        /// As messages and `plugins info` show it: strings quoted, lists in braces.
        public var shown: String {
            switch self {
            case .string(let s): return quoted(s)
            case .list(let items): return "{" + items.map(quoted).joined(separator: ", ") + "}"
            default: return description
            }
        }

        var lua: LuaValue {
            switch self {
            case .integer(let i): return .integer(i)
            case .number(let d): return .number(d)
            case .boolean(let b): return .boolean(b)
            case .string(let s): return LuaValue(s)
            case .list(let items): return LuaValue(items)
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// Nil: the key is absent from `toolkit.args` unless set.
    public var defaultValue: Value?
    public var description: String

    /// The value `text` of `--set` stands for, or why it is not one of this kind.
    public func parse(_ text: String) -> Result<Value, ArgumentProblem> {
        switch kind {
        case .string: return .success(.string(text))
        case .list:
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            return .success(.list(text.isEmpty ? [] : items))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return .success(.boolean(true))
            case "false", "no", "off", "0": return .success(.boolean(false))
            default: return .failure(ArgumentProblem("\(quoted(text)) is not a boolean (true or false)"))
            }
        case .number:
            if let i = Int64(text) { return .success(.integer(i)) }
            if let d = Double(text), d.isFinite, text.first != "+" || text.count > 1 { return .success(.number(d)) }
            return .failure(ArgumentProblem("\(quoted(text)) is not a number (like 10 or 0.5)"))
        }
    }

    /// Reads `args` of a manifest: `name = default` or `name = { default = ..., type = ..., description = ... }`.
    static func read(_ value: LuaValue, into reader: inout ManifestReader) -> [PluginArgument] {
        let example = "like args = { top = 10 } or args = { top = { default = 10, type = \"number\", description = \"...\" } }"
        switch value {
        case .nil: return []
        case .table(let t) where t.array.isEmpty:
            var result: [PluginArgument] = []
            for (key, spec) in t.fields {
                guard let name = key.stringValue, name.range(of: "^[A-Za-z_][A-Za-z0-9_-]*$", options: .regularExpression) != nil else {
                    reader.problem("args", "\(key.stringValue.map(quoted) ?? "a \(key.typeName) key") is not an argument name (letters, digits, '_' and '-')")
                    continue
                }
                if let argument = read(name: name, spec, into: &reader) { result.append(argument) }
            }
            return result.sorted { $0.name < $1.name }
        default:
            reader.problem("args", "must be a table, \(example)")
            return []
        }
    }

    private static func read(name: String, _ spec: LuaValue, into reader: inout ManifestReader) -> PluginArgument? {
        let field = "args.\(name)"
        let types = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        // A table with none of the declaration's keys is a list default ({"a", "b"}).
        guard case .table(let t) = spec, t.array.isEmpty, !t.fields.isEmpty else {
            guard let (kind, value) = inferred(spec) else {
                reader.problem(field, "a \(spec.typeName) cannot be a default (give a number, boolean, string or list of strings)")
                return nil
            }
            return PluginArgument(name: name, kind: kind, defaultValue: value, description: "")
        }
        for key in t.fields.map(\.key) where !["default", "type", "description"].contains(key.stringValue ?? "") {
            reader.problem(field, "\(key.stringValue.map(quoted) ?? "a \(key.typeName) key") is not known (known: default, type, description)")
        }
        var kind: Kind?
        switch t["type"] {
        case .nil: break
        case .string(let s):
            kind = Kind(rawValue: s.string)
            if kind == nil { reader.problem("\(field).type", "\(quoted(s.string)) is not a type (known: \(types))") }
        case let other: reader.problem("\(field).type", "must be a string (\(types)), not a \(other.typeName)")
        }
        var description = ""
        switch t["description"] {
        case .nil: break
        case .string(let s): description = s.string
        case let other: reader.problem("\(field).description", "must be a string, not a \(other.typeName)")
        }
        let defaultSpec = t["default"]
        if defaultSpec.isNil {
            guard let kind else {
                if t["type"].isNil { reader.problem(field, "needs a default or a type (\(types))") }
                return nil
            }
            return PluginArgument(name: name, kind: kind, defaultValue: nil, description: description)
        }
        guard let (found, value) = inferred(defaultSpec) else {
            reader.problem("\(field).default", "a \(defaultSpec.typeName) cannot be a default (give a number, boolean, string or list of strings)")
            return nil
        }
        if let kind, kind != found {
            reader.problem("\(field).default", "is a \(found.rawValue) but the type says \(kind.rawValue)")
            return nil
        }
        return PluginArgument(name: name, kind: found, defaultValue: value, description: description)
    }

    private static func inferred(_ value: LuaValue) -> (Kind, Value)? {
        switch value {
        case .integer(let i): return (.number, .integer(i))
        case .number(let d): return (.number, .number(d))
        case .boolean(let b): return (.boolean, .boolean(b))
        case .string(let s): return (.string, .string(s.string))
        case .table(let t) where t.fields.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }):
            return (.list, .list(t.array.compactMap(\.stringValue)))
        default: return nil
        }
    }
}

/// Why a `--set` value does not fit its argument.
public struct ArgumentProblem: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}

extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

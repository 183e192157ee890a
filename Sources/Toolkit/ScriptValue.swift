import LuaBridge

/// A value a script hands back to the program that runs it (what its top-level code returns, what
/// a report's `finish` returns), copied out of Lua as plain data that outlives the run: an embedding
/// program reads results as Swift values, not as files. See docs/embedding.md.
public enum ScriptValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    /// A Lua sequence (keys 1...n).
    case list([ScriptValue])
    /// Any other table, keyed by its string keys (numbers are written out: `[2] = x` is `"2"`).
    case record([String: ScriptValue])

    /// Plain data from Lua; a function, coroutine or userdata inside is an error naming where it is.
    init(_ value: LuaValue, path: String = "result") throws {
        switch value {
        case .nil: self = .null
        case .boolean(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s.string)
        case .table(let t):
            if t.fields.isEmpty {
                self = .list(try t.array.enumerated().map { try ScriptValue($1, path: "\(path)[\($0 + 1)]") })
            } else {
                var record: [String: ScriptValue] = [:]
                for (i, element) in t.array.enumerated() { record[String(i + 1)] = try ScriptValue(element, path: "\(path)[\(i + 1)]") }
                for (key, element) in t.fields {
                    let name: String
                    switch key {
                    case .string(let s): name = s.string
                    case .integer(let i): name = String(i)
                    case .number(let d): name = String(d)
                    case .boolean(let b): name = String(b)
                    default: throw ToolkitError.script(message: "\(path): a table key of type \(key.typeName) cannot be handed back; use strings or numbers as keys", traceback: "")
                    }
                    record[name] = try ScriptValue(element, path: "\(path).\(name)")
                }
                self = .record(record)
            }
        default:
            throw ToolkitError.script(message: "\(path): a \(value.typeName) cannot be handed back to the program; return plain data (tables, strings, numbers, booleans)", traceback: "")
        }
    }

    /// The element of a record by key (nil for other values or a missing key).
    public subscript(key: String) -> ScriptValue? {
        if case .record(let r) = self { return r[key] }
        return nil
    }

    /// The element of a list at a 0-based position (nil outside it or for other values).
    public subscript(index: Int) -> ScriptValue? {
        if case .list(let l) = self, l.indices.contains(index) { return l[index] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// An integer, or a float with no fraction.
    public var int: Int? {
        switch self {
        case .integer(let i): return Int(exactly: i)
        case .number(let d): return Int(exactly: d)
        default: return nil
        }
    }
    public var double: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }
    /// A list's elements; an empty Lua table is an empty list.
    public var list: [ScriptValue]? { if case .list(let l) = self { return l } else { return nil } }
    public var record: [String: ScriptValue]? {
        switch self {
        case .record(let r): return r
        case .list(let l) where l.isEmpty: return [:]
        default: return nil
        }
    }

    /// Lua-like text, keys sorted: `{en = 3, fa = 2}`, `{"a", "b"}`.
    public var description: String {
        switch self {
        case .null: return "nil"
        case .bool(let b): return String(b)
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return "\"\(s)\""
        case .list(let l): return "{" + l.map(\.description).joined(separator: ", ") + "}"
        case .record(let r): return "{" + r.keys.sorted().map { "\($0) = \(r[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

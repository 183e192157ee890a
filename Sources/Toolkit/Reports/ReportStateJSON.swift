import Foundation
import LuaBridge

/// A report's state as JSON: the portable form `toolkit run --map-state` writes and `toolkit merge`
/// reads (docs/scale.md). The mapping is one to one, so a state read back is the state written,
/// integers and floats apart:
/// - booleans are JSON booleans; integers are numbers without fraction or exponent (`3`); floats
///   always have one (`3.0`, `1e+300`), and the ones JSON cannot hold are `{"$float": "inf"}`
///   (`"-inf"`, `"nan"`);
/// - strings of UTF-8 text are JSON strings; other bytes are `{"$bytes": "<base64>"}`;
/// - a table with the keys 1...n only is an array; one with string keys only is an object, where
///   a key that begins with `$` is written with one more (`$x` as `$$x`); any other table is an
///   object of its string keys plus `"$array": [...]` for its sequence 1...n and
///   `"$pairs": [[key, value], ...]` for its other keys (numbers, booleans, tables, strings that
///   are not UTF-8); the empty table is `{}`.
/// Functions, userdata and threads have no portable form: encoding one is an error naming where it
/// is (`report 'r': the state.cache[2]`). JSON's null has no place in a state either.
enum ReportStateJSON {
    struct Problem: Error {
        var message: String
    }

    static let arrayKey = "$array"
    static let pairsKey = "$pairs"
    static let floatKey = "$float"
    static let bytesKey = "$bytes"
    static let reserved = [arrayKey, pairsKey, floatKey, bytesKey]

    // MARK: Lua to JSON

    /// Appends `value` as JSON to `out`; `path` names it in messages.
    static func encode(_ value: LuaValue, path: String, depth: Int = 0, into out: inout [UInt8]) throws(Problem) {
        guard depth < LuaState.maximumDepth else { throw Problem(message: "\(path) is nested more than \(LuaState.maximumDepth) levels deep") }
        switch value {
        case .boolean(let b): out += Array((b ? "true" : "false").utf8)
        case .integer(let i): out += Array(String(i).utf8)
        case .number(let d):
            if d.isFinite {
                // Swift's shortest form always has a '.' or an exponent, so it reads back as a float.
                out += Array(String(d).utf8)
            } else {
                tagged(floatKey, string: d.isNaN ? "nan" : d > 0 ? "inf" : "-inf", into: &out)
            }
        case .string(let s): string(s.bytes, into: &out)
        case .table(let t): try table(t, path: path, depth: depth, into: &out)
        default:
            throw Problem(message: "\(path) is a \(value.typeName): a report's state must hold only tables, strings, numbers and booleans to be written with --map-state")
        }
    }

    private static func table(_ t: LuaTable, path: String, depth: Int, into out: inout [UInt8]) throws(Problem) {
        if t.fields.isEmpty && !t.array.isEmpty {
            try array(t.array, path: path, depth: depth, into: &out)
            return
        }
        var others: [(key: LuaValue, value: LuaValue)] = []
        var first = true
        func separate() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
        }
        out.append(UInt8(ascii: "{"))
        for (key, value) in t.fields {
            guard case .string(let name) = key, String(validating: name.bytes, as: UTF8.self) != nil else {
                others.append((key, value))
                continue
            }
            separate()
            string(name.bytes.first == UInt8(ascii: "$") ? [UInt8(ascii: "$")] + name.bytes : name.bytes, into: &out)
            out.append(UInt8(ascii: ":"))
            try encode(value, path: "\(path).\(name.string)", depth: depth + 1, into: &out)
        }
        if !t.array.isEmpty && !(t.fields.isEmpty) {
            separate()
            string(Array(arrayKey.utf8), into: &out)
            out.append(UInt8(ascii: ":"))
            try array(t.array, path: path, depth: depth, into: &out)
        }
        if !others.isEmpty {
            separate()
            string(Array(pairsKey.utf8), into: &out)
            out += Array(":[".utf8)
            for (i, pair) in others.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let place = "\(path)[\(describe(pair.key))]"
                out.append(UInt8(ascii: "["))
                try encode(pair.key, path: "\(place) (a key)", depth: depth + 2, into: &out)
                out.append(UInt8(ascii: ","))
                try encode(pair.value, path: place, depth: depth + 2, into: &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func array(_ elements: [LuaValue], path: String, depth: Int, into out: inout [UInt8]) throws(Problem) {
        out.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            try encode(element, path: "\(path)[\(i + 1)]", depth: depth + 1, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func string(_ bytes: [UInt8], into out: inout [UInt8]) {
        do {
            try LuaJSONEncoder.string(bytes, path: "", into: &out)
        } catch {
            tagged(bytesKey, string: Data(bytes).base64EncodedString(), into: &out)
        }
    }

    private static func tagged(_ key: String, string text: String, into out: inout [UInt8]) {
        out += Array("{\"\(key)\":\"\(text)\"}".utf8)
    }

    private static func describe(_ key: LuaValue) -> String {
        switch key {
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .boolean(let b): return String(b)
        case .string(let s): return "\"\(s.string)\""
        default: return "a \(key.typeName)"
        }
    }

    // MARK: JSON to Lua

    /// The state a JSON value (as `LuaJSONDecoder` gives it, null as nil) stands for.
    static func decode(_ json: LuaValue, path: String, depth: Int = 0) throws(Problem) -> LuaValue {
        guard depth < LuaState.maximumDepth else { throw Problem(message: "\(path) is nested more than \(LuaState.maximumDepth) levels deep") }
        switch json {
        case .boolean, .integer, .number, .string: return json
        case .table(let t) where t.fields.isEmpty:
            var array: [LuaValue] = []
            array.reserveCapacity(t.array.count)
            for (i, element) in t.array.enumerated() { array.append(try decode(element, path: "\(path)[\(i + 1)]", depth: depth + 1)) }
            return .table(LuaTable(array: array))
        case .table(let t): return try object(t.fields, path: path, depth: depth)
        default: throw Problem(message: "\(path) is null, which no state holds (a Lua table has no nil values)")
        }
    }

    private static func object(_ members: [(key: LuaValue, value: LuaValue)], path: String, depth: Int) throws(Problem) -> LuaValue {
        if members.count == 1, let key = members[0].key.stringValue, key == floatKey || key == bytesKey {
            guard let text = members[0].value.stringValue else { throw Problem(message: "\(path).\(key) must be a string") }
            if key == bytesKey {
                guard let data = Data(base64Encoded: text) else { throw Problem(message: "\(path).\(key) is not base64") }
                return .string(LuaString(bytes: Array(data)))
            }
            switch text {
            case "inf": return .number(.infinity)
            case "-inf": return .number(-.infinity)
            case "nan": return .number(.nan)
            default: throw Problem(message: "\(path).\(key) must be \"inf\", \"-inf\" or \"nan\", not \"\(text)\"")
            }
        }
        var table = LuaTable(array: [])
        for (key, value) in members {
            guard case .string(let name) = key else { throw Problem(message: "\(path) has a key that is not a string") }
            let bytes = name.bytes
            if bytes.first == UInt8(ascii: "$") && bytes.dropFirst().first != UInt8(ascii: "$") {
                switch name.string {
                case arrayKey:
                    guard case .table(let t) = value, t.fields.isEmpty else { throw Problem(message: "\(path).\(arrayKey) must be an array") }
                    for (i, element) in t.array.enumerated() { table.array.append(try decode(element, path: "\(path)[\(i + 1)]", depth: depth + 1)) }
                case pairsKey:
                    guard case .table(let t) = value, t.fields.isEmpty else { throw Problem(message: "\(path).\(pairsKey) must be an array of [key, value] pairs") }
                    for (i, pair) in t.array.enumerated() {
                        guard case .table(let kv) = pair, kv.fields.isEmpty, kv.array.count == 2 else {
                            throw Problem(message: "\(path).\(pairsKey)[\(i + 1)] must be a [key, value] pair")
                        }
                        let k = try decode(kv.array[0], path: "\(path).\(pairsKey)[\(i + 1)][1]", depth: depth + 2)
                        if case .number(let d) = k, d.isNaN { throw Problem(message: "\(path).\(pairsKey)[\(i + 1)]: a key cannot be nan") }
                        table.fields.append((k, try decode(kv.array[1], path: "\(path)[\(describe(k))]", depth: depth + 2)))
                    }
                default:
                    throw Problem(message: "\(path) has the key \"\(name.string)\", which no state has (keys that begin with $ are written $$; known tags: \(reserved.joined(separator: ", ")))")
                }
            } else {
                let literal = bytes.first == UInt8(ascii: "$") ? LuaString(bytes: Array(bytes.dropFirst())) : name
                table.fields.append((.string(literal), try decode(value, path: "\(path).\(literal.string)", depth: depth + 1)))
            }
        }
        return .table(table)
    }
}

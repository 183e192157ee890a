import Foundation
import LuaBridge

/// Lua values as JSON text (RFC 8259). A table whose keys are exactly 1...n is an array; any other
/// table is an object (integer keys written as strings); an empty table is `[]` unless
/// `emptyAsObject`. `toolkit.json.null` is `null`. What JSON cannot hold (functions, NaN, bytes
/// that are not UTF-8, keys that are neither strings nor integers) is an error naming where it is
/// (`value.rows[3].name`).
struct LuaJSONEncoder {
    var pretty = false
    var sortKeys = false
    var emptyAsObject = false

    struct Problem: Error {
        var message: String
    }

    /// `root` names the value in messages (`value.rows[3].name`).
    func encode(_ value: LuaValue, root: String = "value") throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        try write(value, path: root, depth: 0, into: &out)
        return out
    }

    private func write(_ value: LuaValue, path: String, depth: Int, into out: inout [UInt8]) throws(Problem) {
        switch value {
        case .nil: out += Array("null".utf8)
        case .boolean(let b): out += Array((b ? "true" : "false").utf8)
        case .integer(let i): out += Array(String(i).utf8)
        case .number(let d):
            guard d.isFinite else { throw Problem(message: "\(path) is \(d), which JSON cannot hold") }
            out += Array(String(d).utf8)
        case .string(let s): try LuaJSONEncoder.string(s.bytes, path: path, into: &out)
        case .table(let t): try table(t, path: path, depth: depth, into: &out)
        case .object(let o) where o is JSONNull: out += Array("null".utf8)
        default: throw Problem(message: "\(path) is a \(value.typeName), which JSON cannot hold")
        }
    }

    private func table(_ t: LuaTable, path: String, depth: Int, into out: inout [UInt8]) throws(Problem) {
        if t.fields.isEmpty && (!t.array.isEmpty || !emptyAsObject) {
            out.append(UInt8(ascii: "["))
            for (i, element) in t.array.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, into: &out)
                try write(element, path: "\(path)[\(i + 1)]", depth: depth + 1, into: &out)
            }
            if !t.array.isEmpty { newline(depth, into: &out) }
            out.append(UInt8(ascii: "]"))
            return
        }
        var members: [(key: [UInt8], value: LuaValue)] = t.array.enumerated().map { (Array(String($0.offset + 1).utf8), $0.element) }
        for (key, value) in t.fields {
            switch key {
            case .string(let s): members.append((s.bytes, value))
            case .integer(let i): members.append((Array(String(i).utf8), value))
            default: throw Problem(message: "\(path) has a \(key.typeName) key, which JSON cannot hold (keys must be strings or integers)")
            }
        }
        if sortKeys { members.sort { $0.key.lexicographicallyPrecedes($1.key) } }
        out.append(UInt8(ascii: "{"))
        for (i, member) in members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            newline(depth + 1, into: &out)
            let name = String(decoding: member.key, as: UTF8.self)
            try LuaJSONEncoder.string(member.key, path: "\(path) key \"\(name)\"", into: &out)
            out += pretty ? Array(": ".utf8) : [UInt8(ascii: ":")]
            try write(member.value, path: "\(path).\(name)", depth: depth + 1, into: &out)
        }
        if !members.isEmpty { newline(depth, into: &out) }
        out.append(UInt8(ascii: "}"))
    }

    private func newline(_ depth: Int, into out: inout [UInt8]) {
        guard pretty else { return }
        out.append(0x0A)
        out += [UInt8](repeating: 0x20, count: 2 * depth)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    static func string(_ bytes: [UInt8], path: String, into out: inout [UInt8]) throws(Problem) {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Problem(message: "\(path) is not valid UTF-8 text, which JSON cannot hold")
        }
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// `toolkit.json.null`: what JSON's null decodes to, so that it survives in Lua tables (where nil
/// would end an array or remove a key). One per run, compared with `==`.
final class JSONNull {
    static var luaClass: LuaClass<JSONNull> {
        var cls = LuaClass<JSONNull>("toolkit.json.null")
        cls.description { _ in "null" }
        return cls
    }
}

import LuaBridge

/// JSON text (RFC 8259) as Lua values: objects and arrays become tables, `null` the run's
/// `toolkit.json.null`, integers without fraction or exponent Lua integers. An error says what was
/// expected and where (`expected ',' or '}' at byte 17 (line 2, column 5)`).
struct LuaJSONDecoder {
    struct Problem: Error {
        var message: String
    }

    static let maximumDepth = LuaState.maximumDepth

    private let bytes: [UInt8]
    private let null: LuaValue
    private var at = 0

    init(_ bytes: [UInt8], null: LuaValue) {
        self.bytes = bytes
        self.null = null
    }

    mutating func decode() throws(Problem) -> LuaValue {
        let value = try parse(depth: 0)
        skipSpace()
        if at < bytes.count { throw fail("unexpected text after the JSON value") }
        return value
    }

    private mutating func parse(depth: Int) throws(Problem) -> LuaValue {
        guard depth < LuaJSONDecoder.maximumDepth else { throw fail("nested more than \(LuaJSONDecoder.maximumDepth) levels deep") }
        skipSpace()
        guard at < bytes.count else { throw fail("unexpected end of the text, expected a value") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(LuaString(bytes: try string()))
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws(Problem) -> LuaValue {
        at += 1
        var table = LuaTable(array: [])
        // Where each key is in `fields`: a repeated key replaces the value without a search, so an
        // object of many keys (a report's state) reads in linear time.
        var positions: [LuaString: Int] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { at += 1; return .table(table) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a string key") }
            let key = LuaString(bytes: try string())
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw fail("expected ':' after the key") }
            at += 1
            let value = try parse(depth: depth + 1)
            if let existing = positions[key] {
                table.fields[existing].value = value
            } else {
                positions[key] = table.fields.count
                table.fields.append((key: .string(key), value: value))
            }
            skipSpace()
            if peek(UInt8(ascii: ",")) { at += 1; continue }
            if peek(UInt8(ascii: "}")) { at += 1; return .table(table) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(Problem) -> LuaValue {
        at += 1
        var table = LuaTable(array: [])
        skipSpace()
        if peek(UInt8(ascii: "]")) { at += 1; return .table(table) }
        while true {
            table.array.append(try parse(depth: depth + 1))
            skipSpace()
            if peek(UInt8(ascii: ",")) { at += 1; continue }
            if peek(UInt8(ascii: "]")) { at += 1; return .table(table) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func string() throws(Problem) -> [UInt8] {
        at += 1
        var out: [UInt8] = []
        while at < bytes.count {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "\""):
                at += 1
                guard String(validating: out, as: UTF8.self) != nil else { throw fail("string is not valid UTF-8") }
                return out
            case UInt8(ascii: "\\"):
                at += 1
                guard at < bytes.count else { break }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                            throw fail("lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                        }
                        at += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid surrogate pair in a string") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                    }
                    out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    at -= 1
                    throw fail("invalid escape '\\\(String(decoding: [escape], as: UTF8.self))' in a string")
                }
            case 0..<0x20:
                throw fail("control character in a string (write it as \\n, \\t or \\u00XX)")
            default:
                out.append(byte)
                at += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Problem) -> UInt32 {
        guard at + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else {
            throw fail("expected four hex digits after \\u")
        }
        at += 4
        return value
    }

    private mutating func number() throws(Problem) -> LuaValue {
        let start = at
        var integral = true
        if peek(UInt8(ascii: "-")) { at += 1 }
        guard at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) else { throw fail("expected a digit") }
        if bytes[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            digits()
        }
        if peek(UInt8(ascii: ".")) {
            integral = false
            at += 1
            guard digits() > 0 else { throw fail("expected a digit after '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            integral = false
            at += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { at += 1 }
            guard digits() > 0 else { throw fail("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        return .number(Double(text) ?? .nan)
    }

    @discardableResult
    private mutating func digits() -> Int {
        let start = at
        while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
        return at - start
    }

    private mutating func literal(_ word: String) throws(Problem) {
        let expected = Array(word.utf8)
        guard at + expected.count <= bytes.count, Array(bytes[at..<(at + expected.count)]) == expected else {
            throw fail("expected a value (object, array, string, number, true, false or null)")
        }
        at += expected.count
    }

    private func peek(_ byte: UInt8) -> Bool { at < bytes.count && bytes[at] == byte }

    private mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    /// Where the decoder stands: byte (1-based, for `string.sub`), line and column.
    private func fail(_ what: String) -> Problem {
        let position = min(at, bytes.count)
        let line = bytes[..<position].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = position - (bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return Problem(message: "\(what) at byte \(position + 1) (line \(line), column \(column))")
    }
}

import LuaBridge

/// JSON written to a sink in pieces, with `LuaJSONEncoder`'s output (sorted keys, compact): a
/// string the host shares with Lua (`LuaString(sharing:)`, valid UTF-8 by construction) is
/// escaped straight from its storage, and every piece handed on ends at a character boundary.
///
/// `toolkit parse --format json` writes every byte of every article through here several times
/// (raw, text, paragraphs, blocks), so strings are checked and escaped eight bytes at a time
/// (`JSONStringBytes`), integers written without a `String`, and the path that names a value in
/// an error is only spelt out when there is an error. `LuaJSONEncoder` stays the reference: for a
/// value it can encode, the bytes here are its bytes, and its errors are raised as it raises them.
struct JSONPieces {
    var buffer: [UInt8] = []
    let sink: ([UInt8]) -> Void
    /// Bytes after which a piece is handed on (`.max`: the whole object in one piece).
    let pieceSize: Int

    init(sink: @escaping ([UInt8]) -> Void, pieceSize: Int = 1 << 16) {
        self.sink = sink
        self.pieceSize = pieceSize
        buffer.reserveCapacity(min(pieceSize, 1 << 16) + 64)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func key(_ name: String) throws {
        try LuaJSONEncoder.string(Array(name.utf8), path: name, into: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    /// `path` names the value in an error message (`value.blocks[3].text`), as the encoder's.
    mutating func value(_ value: LuaValue, emptyAsObject: Bool, path: String) throws {
        try self.value(value, emptyAsObject: emptyAsObject, named: { path })
    }

    private mutating func value(_ value: LuaValue, emptyAsObject: Bool, named path: () -> String) throws {
        switch value {
        case .string(let s) where s.isKnownUTF8:
            buffer.append(UInt8(ascii: "\""))
            s.forEachPiece { escapeContent($0) }
            buffer.append(UInt8(ascii: "\""))
        case .string(let s):
            try string(s, named: path)
        case .integer(let i):
            appendDecimal(i)
        case .boolean(let b):
            buffer.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .object(let list as LuaList) where list.count == 0 && emptyAsObject:
            buffer.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .object(let list as LuaList):
            // Element by element, as Lua would receive it.
            buffer.append(UInt8(ascii: "["))
            for i in 0..<list.count {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                try self.value(try list.value(at: i), emptyAsObject: emptyAsObject, named: { "\(path())[\(i + 1)]" })
            }
            buffer.append(UInt8(ascii: "]"))
        case .table(let t) where t.fields.isEmpty && (!t.array.isEmpty || !emptyAsObject):
            buffer.append(UInt8(ascii: "["))
            for (i, element) in t.array.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                try self.value(element, emptyAsObject: emptyAsObject, named: { "\(path())[\(i + 1)]" })
            }
            buffer.append(UInt8(ascii: "]"))
        case .table(let t):
            var members: [(key: [UInt8], value: LuaValue)] = t.array.enumerated().map { (Array(String($0.offset + 1).utf8), $0.element) }
            members.reserveCapacity(t.array.count + t.fields.count)
            for (key, value) in t.fields {
                switch key {
                case .string(let s): members.append((s.bytes, value))
                case .integer(let i): members.append((Array(String(i).utf8), value))
                default:
                    // The encoder refuses such a key, naming it.
                    buffer += try LuaJSONEncoder(sortKeys: true, emptyAsObject: emptyAsObject).encode(.table(t), root: path())
                    return
                }
            }
            // Tables made by the host usually list their fields in order already.
            if !Self.isSorted(members) { members.sort { $0.key.lexicographicallyPrecedes($1.key) } }
            buffer.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                let name = { String(decoding: member.key, as: UTF8.self) }
                try member.key.withUnsafeBufferPointer { key in
                    try checkedString(key, named: { "\(path()) key \"\(name())\"" })
                }
                buffer.append(UInt8(ascii: ":"))
                try self.value(member.value, emptyAsObject: emptyAsObject, named: { "\(path()).\(name())" })
            }
            buffer.append(UInt8(ascii: "}"))
        default:
            buffer += try LuaJSONEncoder(sortKeys: true, emptyAsObject: emptyAsObject).encode(value, root: path())
        }
        if buffer.count >= pieceSize { flush() }
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    private static func isSorted(_ members: [(key: [UInt8], value: LuaValue)]) -> Bool {
        var i = 1
        while i < members.count {
            if !members[i - 1].key.lexicographicallyPrecedes(members[i].key) { return false }
            i += 1
        }
        return true
    }

    /// A string of bytes that may not be UTF-8: escaped when it is, else the encoder's error.
    private mutating func string(_ s: LuaString, named path: () -> String) throws {
        try s.withBytes { bytes in try checkedString(bytes, named: path) }
    }

    private mutating func checkedString(_ bytes: UnsafeBufferPointer<UInt8>, named path: () -> String) throws {
        guard JSONStringBytes.isValidUTF8(bytes) else {
            // Throws, with the encoder's message.
            try LuaJSONEncoder.string(Array(bytes), path: path(), into: &buffer)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        escapeContent(bytes)
        buffer.append(UInt8(ascii: "\""))
    }

    /// `String(i)`'s digits.
    private mutating func appendDecimal(_ i: Int64) {
        if i < 0 { buffer.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = 0x30 + UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k...]))
        }
    }

    /// The bytes escaped for a JSON string, without its quotes (a string may come in pieces), as
    /// `LuaJSONEncoder.string` escapes them. Runs of bytes that need no escape are copied whole;
    /// a piece is handed on only before the first byte of a character, so no piece ends inside one.
    private mutating func escapeContent(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            i = JSONStringBytes.firstEscape(bytes, from: i)
            guard i < n else { break }
            let byte = bytes[i]
            copy(bytes, start, i)
            switch byte {
            case UInt8(ascii: "\""): buffer.append(0x5C); buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            default:
                buffer.append(contentsOf: "\\u00".utf8)
                buffer.append(Self.hex[Int(byte >> 4)]); buffer.append(Self.hex[Int(byte & 0xF)])
            }
            i += 1
            start = i
        }
        copy(bytes, start, n)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `bytes[lo..<hi]` (no escapes), handing on full pieces at character boundaries.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) {
        var lo = lo
        while hi - lo > pieceSize - min(buffer.count, pieceSize) {
            var cut = lo + max(pieceSize - buffer.count, 0)
            while cut < hi && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<cut]))
            lo = cut
            flush()
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
    }
}

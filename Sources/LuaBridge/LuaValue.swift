/// Bytes of a Lua string. Lua strings are byte arrays: embedded NULs and invalid UTF-8 are kept as they are.
public struct LuaString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    private enum Storage: Sendable {
        case bytes([UInt8])
        /// Text shared with a Swift string: a host hands a large text to Lua without a copy on
        /// the Swift side (Lua makes its own when the value is pushed).
        case text(Substring)
        /// Text a host holds in pieces (a long article's input), handed over in order by `each`
        /// and joined only when asked for whole.
        case pieces(count: Int, each: @Sendable ((UnsafeBufferPointer<UInt8>) -> Void) -> Void)
    }

    private var storage: Storage

    /// The bytes; a copy for a string made with `init(sharing:)`.
    public var bytes: [UInt8] {
        get {
            switch storage {
            case .bytes(let bytes): return bytes
            case .text(let text): return Array(text.utf8)
            case .pieces(let count, let each):
                var bytes: [UInt8] = []
                bytes.reserveCapacity(count)
                each { bytes.append(contentsOf: $0) }
                return bytes
            }
        }
        set { storage = .bytes(newValue) }
    }

    public init(bytes: [UInt8]) { storage = .bytes(bytes) }
    public init(_ string: String) { storage = .bytes(Array(string.utf8)) }
    public init(stringLiteral value: String) { self.init(value) }
    /// The string's text without copying it: the value keeps the string's storage alive.
    public init(sharing text: Substring) { storage = .text(text) }
    /// Text of `count` bytes of valid UTF-8 that `pieces` hands over in order, each piece ending at a
    /// character boundary; nothing is copied until the string is needed whole.
    public init(count: Int, sharingPieces pieces: @escaping @Sendable ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        storage = .pieces(count: count, each: pieces)
    }

    public var count: Int {
        switch storage {
        case .bytes(let bytes): return bytes.count
        case .text(let text): return text.utf8.count
        case .pieces(let count, _): return count
        }
    }

    /// Whether the bytes are known to be valid UTF-8 without looking (text shared with Swift).
    public var isKnownUTF8: Bool {
        if case .bytes = storage { return false } else { return true }
    }

    /// The bytes in order, in one piece or (text held in pieces) in several, without joining them.
    public func forEachPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if case .pieces(_, let each) = storage { each(body) } else { withBytes(body) }
    }

    /// The bytes in place.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .text(let text):
            if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
            return try Array(text.utf8).withUnsafeBufferPointer(body)
        case .pieces:
            return try bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The text, with invalid UTF-8 replaced by U+FFFD.
    public var string: String {
        switch storage {
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .text(let text): return String(text)
        case .pieces: return String(decoding: bytes, as: UTF8.self)
        }
    }
    public var description: String { string }

    // Byte equality whatever the storage (a shared text equals the same bytes in an array).
    public static func == (a: LuaString, b: LuaString) -> Bool {
        if case .bytes(let x) = a.storage, case .bytes(let y) = b.storage { return x == y }
        guard a.count == b.count else { return false }
        return a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A Lua table converted to Swift: its sequence part (keys 1...n) and every other pair.
public struct LuaTable: Equatable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public var array: [LuaValue]
    /// Pairs outside the sequence, sorted by key (strings, then numbers, then others) for determinism.
    public var fields: [(key: LuaValue, value: LuaValue)]

    public init(array: [LuaValue] = [], fields: [(key: LuaValue, value: LuaValue)] = []) {
        self.array = array
        self.fields = fields
    }
    public init(arrayLiteral elements: LuaValue...) { self.init(array: elements) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self.init(fields: elements.map { (key: LuaValue.string(LuaString($0.0)), value: $0.1) })
    }

    public subscript(key: String) -> LuaValue {
        get { fields.first { $0.key == .string(LuaString(key)) }?.value ?? .nil }
        set {
            let k = LuaValue.string(LuaString(key))
            if let i = fields.firstIndex(where: { $0.key == k }) {
                if newValue == .nil { fields.remove(at: i) } else { fields[i].value = newValue }
            } else if newValue != .nil {
                fields.append((key: k, value: newValue))
            }
        }
    }

    public var isEmpty: Bool { array.isEmpty && fields.isEmpty }

    public static func == (a: LuaTable, b: LuaTable) -> Bool {
        a.array == b.array && a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A Lua value on the Swift side. Tables are copied deeply; functions and foreign values are references
/// that keep the Lua value alive while Swift holds them.
public enum LuaValue: Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral
{
    case `nil`
    case boolean(Bool)
    /// Lua 5.4 integers stay integers; floats stay floats (`3` and `3.0` differ).
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    /// A Swift function to push into Lua.
    case function(LuaFunction)
    /// A Swift object pushed as userdata (with its registered `LuaClass`, if any).
    case object(AnyObject)
    /// A Lua function, coroutine or foreign userdata held in the registry.
    case reference(LuaReference)

    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .nil }
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }

    public init(_ string: String) { self = .string(LuaString(string)) }
    public init(_ string: String?) { self = string.map { .string(LuaString($0)) } ?? .nil }
    public init(_ int: Int) { self = .integer(Int64(int)) }
    public init(_ double: Double) { self = .number(double) }
    public init(_ strings: [String]) { self = .table(LuaTable(array: strings.map { LuaValue($0) })) }

    public var isNil: Bool { if case .nil = self { return true } else { return false } }

    /// The text of a string value (lossy for invalid UTF-8); numbers are not converted.
    public var stringValue: String? { if case .string(let s) = self { return s.string } else { return nil } }
    public var intValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }
    public var tableValue: LuaTable? { if case .table(let t) = self { return t } else { return nil } }

    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .object: return "userdata"
        case .reference(let r): return r.typeName
        }
    }

    public static func == (a: LuaValue, b: LuaValue) -> Bool {
        switch (a, b) {
        case (.nil, .nil): return true
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.table(let x), .table(let y)): return x == y
        case (.function(let x), .function(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.reference(let x), .reference(let y)): return x === y
        default: return false
        }
    }
}

/// A list pushed to Lua as a plain table whose elements are made one at a time while it is
/// pushed (`.object(LuaList(...))`): a host's list of a hundred thousand records (the blocks of a
/// 100 MB article) is never whole on the Swift side beside its copy in Lua.
public final class LuaList {
    public let count: Int
    let element: (Int) throws -> LuaValue

    /// `element(i)` makes the element at 0-based `i`.
    public init(count: Int, element: @escaping (Int) throws -> LuaValue) {
        self.count = count
        self.element = element
    }

    /// The element at 0-based `index`.
    public func value(at index: Int) throws -> LuaValue { try element(index) }
}

/// A Swift function callable from Lua. It receives its arguments and returns its results; a thrown
/// error becomes a Lua error raised at the caller's line, after this Swift frame has returned.
public final class LuaFunction {
    public let name: String
    let body: (LuaCall) throws -> [LuaValue]

    public init(_ name: String, _ body: @escaping (LuaCall) throws -> [LuaValue]) {
        self.name = name
        self.body = body
    }
}

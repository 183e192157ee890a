/// Reads what `ByteWriter` wrote, checking every length against the bytes left: a damaged or
/// truncated record throws `BinaryDecodingError`, never reads out of bounds or allocates wildly.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    /// Strings read by `shared()`, in the order they were first read.
    private var table: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    func fail(_ what: String) -> BinaryDecodingError {
        BinaryDecodingError(message: "\(what) at byte \(position) of \(bytes.count)")
    }

    mutating func byte() throws(BinaryDecodingError) -> UInt8 {
        guard position < bytes.count else { throw fail("truncated") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(BinaryDecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw fail("integer too long") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of items or bytes: never more than the bytes left, each item taking at least one.
    mutating func count() throws(BinaryDecodingError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw fail("count \(value) past the end") }
        return Int(value)
    }

    static func unzigzag(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func int() throws(BinaryDecodingError) -> Int { Self.unzigzag(try unsigned()) }

    mutating func optionalInt() throws(BinaryDecodingError) -> Int? {
        let value = try unsigned()
        return value == 0 ? nil : Self.unzigzag(value - 1)
    }

    mutating func double() throws(BinaryDecodingError) -> Double {
        guard bytes.count - position >= 8 else { throw fail("truncated number") }
        defer { position += 8 }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
    }

    mutating func optionalDouble() throws(BinaryDecodingError) -> Double? {
        try byte() == 0 ? nil : try double()
    }

    /// The 0-based range of the next `length` bytes, consumed.
    mutating func span(_ length: Int) throws(BinaryDecodingError) -> Range<Int> {
        guard length <= bytes.count - position else { throw fail("string past the end") }
        defer { position += length }
        return position..<(position + length)
    }

    func string(at range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    mutating func string() throws(BinaryDecodingError) -> String {
        string(at: try span(try count()))
    }

    mutating func optionalString() throws(BinaryDecodingError) -> String? {
        let tag = try unsigned()
        guard tag > 0 else { return nil }
        return string(at: try span(Int(clamping: tag - 1)))
    }

    mutating func strings() throws(BinaryDecodingError) -> [String] {
        let n = try count()
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try string()) }
        return values
    }

    /// See `ByteWriter.shared(_:)`.
    mutating func shared() throws(BinaryDecodingError) -> String? {
        let tag = try unsigned()
        switch tag {
        case 0: return nil
        case 1:
            let value = try string()
            table.append(value)
            return value
        default:
            guard tag - 2 < UInt64(table.count) else { throw fail("reference to string \(tag - 2) of \(table.count)") }
            return table[Int(tag - 2)]
        }
    }

    mutating func sharedString() throws(BinaryDecodingError) -> String {
        guard let value = try shared() else { throw fail("missing string") }
        return value
    }
}

/// A cached article or annotation that does not read back: damaged, truncated, or written by
/// another format version.
public struct BinaryDecodingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

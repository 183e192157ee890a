/// The compact binary form the article cache stores (see `Article.binaryEncoded()`): integers as
/// variable-length quantities (7 bits a byte, zigzag for signed), strings as a length and their
/// UTF-8, optionals with a leading tag so that nil costs one byte. It needs no Codable conformance,
/// which `Article` (slices of its raw text) does not have, and is several times faster than JSON.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Strings written with `shared(_:)`, by the order they were first written in.
    private var table: [String: Int] = [:]

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    static func zigzag(_ value: Int) -> UInt64 {
        let v = Int64(value)
        return UInt64(bitPattern: (v << 1) ^ (v >> 63))
    }

    mutating func int(_ value: Int) { unsigned(Self.zigzag(value)) }

    /// 0 for nil, else the value's zigzag form plus one.
    mutating func int(_ value: Int?) {
        guard let value else { return byte(0) }
        unsigned(Self.zigzag(value) &+ 1)
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double?) {
        guard let value else { return byte(0) }
        byte(1)
        double(value)
    }

    /// The length, then the bytes; `extra` is added to the length (1 for a string that may be nil).
    private mutating func utf8(_ value: Substring, extra: Int = 0) {
        let utf8 = value.utf8
        count(utf8.count + extra)
        let copied: Void? = utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: utf8) }
    }

    mutating func string(_ value: Substring) { utf8(value) }

    mutating func string(_ value: String) { utf8(Substring(value)) }

    /// 0 for nil, else the length plus one and the bytes.
    mutating func string(_ value: String?) {
        guard let value else { return byte(0) }
        utf8(Substring(value), extra: 1)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// A string that recurs in one record (kinds, ids, extractor names): written once, then as a
    /// back reference. 0 is nil; 1 a new string that follows; n + 2 the string first written n-th.
    mutating func shared(_ value: String?) {
        guard let value else { return byte(0) }
        if let index = table[value] { return count(index + 2) }
        table[value] = table.count
        byte(1)
        string(value)
    }
}

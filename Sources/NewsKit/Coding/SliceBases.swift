/// The strings an article's slices share storage with (its raw text, and the text when that is a
/// string of its own), written once: a slice is then its base and byte range, and reads back as a
/// slice of the same decoded string, so a long article is held once after decoding as before.
struct SliceBases {
    private var identities: [(address: UnsafeRawPointer, count: Int)] = []
    private(set) var strings: [String] = []

    /// Where a string's UTF-8 lives. Small strings are kept inline, so they have no storage a slice
    /// could share (and an address taken of one would not outlive the call).
    static func identity(_ string: String) -> (address: UnsafeRawPointer, count: Int)? {
        let utf8 = string.utf8
        guard utf8.count > 15 else { return nil }
        let found: (UnsafeRawPointer, Int)?? = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { (UnsafeRawPointer($0), buffer.count) }
        }
        return found.flatMap { $0 }.map { (address: $0.0, count: $0.1) }
    }

    /// Adds the string slices may point into, unless it is one already.
    mutating func add(_ string: String) {
        guard let identity = Self.identity(string),
              !identities.contains(where: { $0.address == identity.address && $0.count == identity.count })
        else { return }
        identities.append(identity)
        strings.append(string)
    }

    /// The base a slice lies in and its 0-based byte range there.
    func locate(_ slice: Substring) -> (base: Int, offset: Int, count: Int)? {
        guard !identities.isEmpty, let identity = Self.identity(slice.base),
              let index = identities.firstIndex(where: { $0.address == identity.address && $0.count == identity.count })
        else { return nil }
        let utf8 = slice.base.utf8
        let offset = utf8.distance(from: utf8.startIndex, to: slice.startIndex)
        return (index, offset, slice.utf8.count)
    }

    /// Writes the bases, then nothing else: slices follow wherever they occur.
    func write(to writer: inout ByteWriter) {
        writer.count(strings.count)
        for string in strings { writer.string(string) }
    }

    static func read(from reader: inout ByteReader) throws(BinaryDecodingError) -> [String] {
        let n = try reader.count()
        var strings: [String] = []
        for _ in 0..<n { strings.append(try reader.string()) }
        return strings
    }
}

extension ByteWriter {
    /// 0 and the text for a slice of no base; else the base's index plus one, offset and length.
    mutating func slice(_ slice: Substring, in bases: SliceBases) {
        if let (base, offset, length) = bases.locate(slice) {
            count(base + 1)
            count(offset)
            count(length)
        } else {
            byte(0)
            string(slice)
        }
    }
}

extension ByteReader {
    mutating func slice(in bases: [String]) throws(BinaryDecodingError) -> Substring {
        let tag = try count()
        guard tag > 0 else { return Substring(try string()) }
        guard tag <= bases.count else { throw fail("slice of base \(tag - 1) of \(bases.count)") }
        let base = bases[tag - 1]
        let offset = Int(clamping: try unsigned()), length = Int(clamping: try unsigned())
        let utf8 = base.utf8
        guard offset <= utf8.count, length <= utf8.count - offset else { throw fail("slice past the end of its base") }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: length)
        // A range that splits a character's bytes was not written by ByteWriter.
        func isBoundary(_ i: String.Index) -> Bool { i == utf8.endIndex || utf8[i] & 0xC0 != 0x80 }
        guard isBoundary(start), isBoundary(end) else { throw fail("slice inside a character") }
        return base[start..<end]
    }
}

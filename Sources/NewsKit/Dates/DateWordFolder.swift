/// Folds the letters of one word (a byte range of UTF-8) into a fixed scratch buffer and
/// hashes the result, so that vocabulary lookups in the hot path allocate nothing.
struct DateWordFolder {
    /// Longer folded words (or phrases) are no vocabulary key; they are cut and flagged.
    static let capacity = 192

    private(set) var buffer = ContiguousArray<UInt8>(repeating: 0, count: Self.capacity)
    private(set) var count = 0
    private(set) var hash: UInt64 = Self.seed
    /// Number of scalars appended since `reset`.
    private(set) var scalarCount = 0
    private(set) var overflow = false
    private let table = DateScalarTable.shared

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The folded bytes so far.
    var bytes: ArraySlice<UInt8> { buffer[0..<count] }

    @inline(__always)
    mutating func reset() {
        count = 0
        hash = Self.seed
        scalarCount = 0
        overflow = false
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        guard count < Self.capacity else { overflow = true; return }
        buffer[count] = byte
        count += 1
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    @inline(__always)
    mutating func countScalar() { scalarCount += 1 }

    /// Appends one folded scalar (already folded by `DateScalarTable`).
    @inline(__always)
    mutating func appendScalar(_ value: UInt32) {
        scalarCount += 1
        switch value {
        case 0..<0x80:
            appendByte(UInt8(value))
        case 0x80..<0x800:
            appendByte(UInt8(0xC0 | (value >> 6)))
            appendByte(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            appendByte(UInt8(0xE0 | (value >> 12)))
            appendByte(UInt8(0x80 | ((value >> 6) & 0x3F)))
            appendByte(UInt8(0x80 | (value & 0x3F)))
        default:
            appendByte(UInt8(0xF0 | (value >> 18)))
            appendByte(UInt8(0x80 | ((value >> 12) & 0x3F)))
            appendByte(UInt8(0x80 | ((value >> 6) & 0x3F)))
            appendByte(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Folds the word at `range` of `bytes` and appends it.
    mutating func appendWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII letters lower-cased; the apostrophe stays (aujourd'hui).
                appendByte(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                scalarCount += 1
                index += 1
                continue
            }
            let (scalar, length) = DateUTF8.decode(bytes, at: index, end: range.upperBound)
            index += length
            if scalar == 0x2019 { appendScalar(0x27); continue }
            let folded = DateScalarTable.payload(table.entry(for: scalar))
            if folded != 0 { appendScalar(folded) }
        }
    }
}

enum DateUTF8 {
    /// Decodes the scalar starting at `index`; malformed bytes decode as U+FFFD of length 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, b0 >= 0xC2, index + 1 < end {
            return ((b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if b0 < 0xF0, b0 >= 0xE0, index + 2 < end {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0, b0 < 0xF5, index + 3 < end {
            let value = (b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }
}

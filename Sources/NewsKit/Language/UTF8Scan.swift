/// Decoding of UTF-8 one scalar at a time straight from a byte buffer, so the scanners of
/// language identification need no `String` views. Malformed bytes decode to U+FFFD, which
/// every scanner treats as a separator.
enum UTF8Scan {
    static let replacement: UInt32 = 0xFFFD

    /// The scalar starting at `index`; advances `index` past it.
    @inline(__always)
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            index &+= 1
            return lead
        }
        return nextMultibyte(bytes, &index, lead)
    }

    private static func nextMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ lead: UInt32) -> UInt32 {
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = lead & 0x1F
        case 0xE0...0xEF: length = 3; scalar = lead & 0x0F
        case 0xF0...0xF4: length = 4; scalar = lead & 0x07
        default:
            index &+= 1
            return replacement
        }
        guard index + length <= bytes.count else {
            index &+= 1
            return replacement
        }
        for offset in 1..<length {
            let byte = UInt32(bytes[index + offset])
            guard byte & 0xC0 == 0x80 else {
                index &+= offset
                return replacement
            }
            scalar = scalar << 6 | (byte & 0x3F)
        }
        index &+= length
        return scalar
    }
}

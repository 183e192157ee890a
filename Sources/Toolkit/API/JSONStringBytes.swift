/// The two questions JSON writing asks of a string's bytes, answered eight bytes at a time: most
/// of what `toolkit parse --format json` writes is article text with nothing to escape, and a
/// byte-by-byte loop over it was the writer's largest cost. `LuaJSONEncoder.string` is the
/// reference for both (the tests hold them to it): valid UTF-8 is what `String(validating:)`
/// accepts, and the bytes to escape are those it escapes.
enum JSONStringBytes {
    /// Whether the bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
    /// surrogates, nothing past U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        var i = 0
        while i < n {
            if i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            @inline(__always) func continuation(_ k: Int) -> Bool { i + k < n && base[i + k] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let second = base[i + 1]
                if lead == 0xE0 && second < 0xA0 { return false }  // overlong
                if lead == 0xED && second > 0x9F { return false }  // surrogate
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let second = base[i + 1]
                if lead == 0xF0 && second < 0x90 { return false }  // overlong
                if lead == 0xF4 && second > 0x8F { return false }  // past U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// The index of the first byte at or after `from` that a JSON string escapes (a quote, a
    /// backslash, a control character or DEL), or `b.count`.
    @inline(__always)
    static func firstEscape(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = b.count
        guard let base = b.baseAddress else { return n }
        var i = from
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if needsEscape(w) { break }
            i += 8
        }
        while i < n {
            let byte = base[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return i }
            i += 1
        }
        return n
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `w` is below 0x20, or is 0x22, 0x5C or 0x7F. Each test is exact about whether
    /// any byte qualifies (it may misplace which), which is all the scan needs.
    @inline(__always)
    static func needsEscape(_ w: UInt64) -> Bool {
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (w &- ones &* 0x20) & ~w & highs
        return (below | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x5C)) | hasZero(w ^ (ones &* 0x7F))) != 0
    }
}

/// A JSON object whose values are all strings or null — what nearly every JSON Lines record is —
/// read straight from its UTF-8 bytes. `JSONSerialization` builds a dictionary of boxed values
/// for each line, whose reference counting and bridging cost more than the rest of reading;
/// this costs one pass. Anything else (numbers, nested values, a repeated key, bad JSON, a lone
/// surrogate, bytes that are not UTF-8, a string that starts with U+FEFF, which
/// `JSONSerialization` drops as a byte-order mark) gives nil, and the caller reads the line the
/// general way, which reads it or says exactly why it cannot.
enum FlatJSONObject {
    /// The members in the order written; a null value is nil.
    static func members(_ line: UnsafeBufferPointer<UInt8>) -> [(key: String, value: String?)]? {
        var scanner = Scanner(bytes: line)
        return scanner.object()
    }

    /// Also reads the strings of `KnowledgeBaseJSONLine`.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        /// Decoded bytes of a string that holds escapes.
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func object() -> [(key: String, value: String?)]? {
            skipSpace()
            guard take(0x7B) else { return nil }
            var members: [(key: String, value: String?)] = []
            skipSpace()
            if take(0x7D) { return end() ? members : nil }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard take(0x3A) else { return nil }
                skipSpace()
                let value: String?
                if i < bytes.count && bytes[i] == 0x22 {
                    guard let s = string() else { return nil }
                    value = s
                } else if i + 4 <= bytes.count && bytes[i] == 0x6E && bytes[i + 1] == 0x75 && bytes[i + 2] == 0x6C
                            && bytes[i + 3] == 0x6C {
                    i += 4
                    value = nil
                } else {
                    return nil
                }
                if members.contains(where: { $0.key == key }) { return nil }
                members.append((key, value))
                skipSpace()
                if take(0x2C) { continue }
                guard take(0x7D) else { return nil }
                return end() ? members : nil
            }
        }

        /// Only white space after the object.
        mutating func end() -> Bool {
            skipSpace()
            return i == bytes.count
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count && bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// A string at `i` (its opening quote), or nil for anything the fast path does not read.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = i
            // The common case: no escapes, copied once from the line.
            i = plainEnd(from: i)
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x22 {
                i += 1
                let content = UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
                if content.starts(with: Self.byteOrderMark) { return nil }
                return String(validating: content, as: UTF8.self)
            }
            if bytes[i] < 0x20 { return nil }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    i += 1
                    if scratch.starts(with: Self.byteOrderMark) { return nil }
                    return String(validating: scratch, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                if b != 0x5C {
                    let run = i
                    i = plainEnd(from: i)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    continue
                }
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case 0x22, 0x5C, 0x2F: scratch.append(e)
                case 0x62: scratch.append(0x08)
                case 0x66: scratch.append(0x0C)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x74: scratch.append(0x09)
                case 0x75:
                    guard let unit = hex4() else { return nil }
                    var scalar = UInt32(unit)
                    if (0xD800..<0xDC00).contains(unit) {
                        guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(unit) {
                        return nil
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    scratch.append(contentsOf: UTF8.encode(s)!)
                default:
                    return nil
                }
            }
            return nil
        }

        static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

        /// The first position from `i` of a quote, a backslash or a control byte (the bytes that
        /// end a run of a string's plain bytes), or the end: eight bytes at a time while none of
        /// them is one of those.
        @inline(__always)
        func plainEnd(from i: Int) -> Int {
            let n = bytes.count
            var i = i
            if let base = bytes.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                while i + 8 <= n {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    // A byte of `x` is zero, or below 0x20 (exact for "some byte", as needed here).
                    let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                    let zeroQuote = (quote &- ones) & ~quote & high
                    let zeroBackslash = (backslash &- ones) & ~backslash & high
                    let control = (w &- ones &* 0x20) & ~w & high
                    if zeroQuote | zeroBackslash | control != 0 { break }
                    i += 8
                }
            }
            while i < n {
                let b = bytes[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { return i }
                i += 1
            }
            return n
        }

        mutating func hex4() -> UInt16? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt16 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x41...0x46: digit = b - 0x41 + 10
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt16(digit)
                i += 1
            }
            return value
        }
    }
}

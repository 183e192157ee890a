/// Character classes on folded UTF-8, for word boundaries.
enum FoldedCharacter {
    enum Kind: UInt8 {
        /// Space, punctuation, symbols: a word boundary.
        case separator
        /// Letters, digits and kept marks of scripts that separate words with spaces.
        case word
        /// Arabic-script letters: words that take proclitics and suffixes.
        case arabic
        /// Han, kana, Hangul, Thai, Lao, Khmer, Myanmar: no spaces between words, so a name may
        /// start or end anywhere.
        case continuous
    }

    private static let twoByteKinds: [Kind] = (0x80..<0x800).map { kind(ofScalar: UInt32($0)) }

    static func kind(ofScalar value: UInt32) -> Kind {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .separator
            }
        }
        switch value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF:
            return isWordScalar(value) ? .arabic : .separator
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x1100...0x11FF, 0x3040...0x30FF,
             0x3130...0x318F, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0x20000...0x3FFFF:
            return isWordScalar(value) ? .continuous : .separator
        default:
            return isWordScalar(value) ? .word : .separator
        }
    }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func kind(of value: UInt32) -> Kind {
        if value < 0x80 {
            let v = UInt8(value)
            return (v &- 0x61 < 26 || v &- 0x30 < 10 || v &- 0x41 < 26) ? .word : .separator
        }
        if value < 0x800 { return twoByteKinds[Int(value) - 0x80] }
        return kind(ofScalar: value)
    }

    /// The scalar that starts at `index` and its byte length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let b = bytes[index]
        if b < 0x80 { return (UInt32(b), 1) }
        let n = bytes.count
        if b >= 0xC0 && b < 0xE0 && index + 1 < n {
            return ((UInt32(b & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if b >= 0xE0 && b < 0xF0 && index + 2 < n {
            return ((UInt32(b & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if b >= 0xF0 && index + 3 < n {
            return ((UInt32(b & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                    | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        return (UInt32(b), 1)
    }

    /// The start of the scalar that ends just before `index`.
    @inline(__always)
    static func startOfScalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    static func kind(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        guard index > 0 else { return .separator }
        return kind(of: decode(bytes, at: startOfScalar(before: index, in: bytes)).value)
    }

    static func kind(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        guard index < bytes.count else { return .separator }
        return kind(of: decode(bytes, at: index).value)
    }
}

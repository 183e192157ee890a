import Foundation

/// The folding that keys every lookup of the rule extractor and every unlinked id:
/// NFKC, lowercase, Latin diacritics removed, Arabic tashkeel and tatweel removed,
/// أ/إ/آ/ٱ → ا, ى/ی → ي, ک → ك, ۀ → ه, Arabic-Indic and Persian digits → ASCII,
/// ZWNJ/ZWJ and bidi marks removed, whitespace runs → one space.
///
/// It works scalar by scalar on UTF-8 bytes; Foundation is used only once, to build the
/// Latin table, and for the rare presentation-form scalars that need NFKC.
enum RuleFolding {
    static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            appendFolded(bytes, 0..<bytes.count, into: &out)
            while out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the folded form of `bytes[range]` (valid UTF-8) to `out`; `arabicTable: false`
    /// folds the Arabic block scalar by scalar too (what the table must agree with).
    static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8],
                             arabicTable: Bool = true) {
        let arabic = ArabicBlockTable.shared
        var i = range.lowerBound
        while i < range.upperBound {
            if arabicTable, let entry = arabic.entry(bytes, at: i) {
                ArabicBlockTable.appendFolded(entry, into: &out)
                i += 2
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: i)
            i += length
            appendFolded(scalar: scalar, into: &out)
        }
    }

    static func appendFolded(scalar u: UInt32, into out: inout [UInt8]) {
        if u < 0x80 {
            if u >= 0x41 && u <= 0x5A {
                out.append(UInt8(u + 0x20))
            } else if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(UInt8(u))
            }
            return
        }
        switch u {
        case 0x00C0...0x024F, 0x1E00...0x1EFF:
            out.append(contentsOf: latinTable.folded(u))
        case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED,
             0x200B...0x200F, 0x00AD, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069:
            return
        case 0x0622, 0x0623, 0x0625, 0x0671:
            appendUTF8(0x0627, into: &out)
        case 0x0649, 0x06CC:
            appendUTF8(0x064A, into: &out)
        case 0x06A9:
            appendUTF8(0x0643, into: &out)
        case 0x06C0:
            appendUTF8(0x0647, into: &out)
        case 0x0660...0x0669:
            out.append(UInt8(0x30 + u - 0x0660))
        case 0x06F0...0x06F9:
            out.append(UInt8(0x30 + u - 0x06F0))
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            if let last = out.last, last != 0x20 { out.append(0x20) }
        case 0x0600...0x06FF, 0x0080...0x00BF:
            // Arabic and Latin-1 punctuation have no case: no property lookup.
            appendUTF8(u, into: &out)
        case 0xFB00...0xFDFF, 0xFE70...0xFEFC, 0xFF00...0xFFEF:
            guard let scalar = Unicode.Scalar(u) else { return }
            let compatible = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            for part in compatible.unicodeScalars where part.value != u {
                appendFolded(scalar: part.value, into: &out)
            }
        default:
            guard let scalar = Unicode.Scalar(u) else { return }
            if scalar.properties.changesWhenLowercased {
                for part in scalar.properties.lowercaseMapping.unicodeScalars {
                    appendUTF8(part.value, into: &out)
                }
            } else {
                appendUTF8(u, into: &out)
            }
        }
    }

    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard i + 1 < bytes.count else { return (0xFFFD, 1) }
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < bytes.count else { return (0xFFFD, 1) }
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < bytes.count else { return (0xFFFD, 1) }
        return (((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4)
    }

    @inline(__always)
    static func appendUTF8(_ u: UInt32, into out: inout [UInt8]) {
        switch u {
        case 0..<0x80:
            out.append(UInt8(u))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (u >> 6)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (u >> 12)))
            out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (u >> 18)))
            out.append(UInt8(0x80 | ((u >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        }
    }

    /// Folded UTF-8 of the Latin-1 Supplement, Latin Extended-A/B and Latin Extended
    /// Additional blocks, computed once with Foundation's case- and diacritic-insensitive folding.
    private static let latinTable = LatinFoldTable()

    private struct LatinFoldTable: Sendable {
        let low: [[UInt8]]   // U+00C0...U+024F
        let high: [[UInt8]]  // U+1E00...U+1EFF

        init() {
            func build(_ range: ClosedRange<UInt32>) -> [[UInt8]] {
                range.map { u in
                    guard let scalar = Unicode.Scalar(u) else { return [] }
                    let folded = String(Character(scalar))
                        .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                    return Array(folded.utf8)
                }
            }
            low = build(0x00C0...0x024F)
            high = build(0x1E00...0x1EFF)
        }

        func folded(_ u: UInt32) -> [UInt8] {
            u >= 0x1E00 ? high[Int(u - 0x1E00)] : low[Int(u - 0x00C0)]
        }
    }
}

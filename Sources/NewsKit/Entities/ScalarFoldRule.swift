import Foundation

/// What folding does with one Unicode scalar. This is the single source of truth: the byte
/// tables of `TextFolder` are filled from it, so the text and the knowledge base agree.
enum ScalarFold: Equatable {
    /// Vanishes and belongs to nothing (ZWNJ, direction marks, BOM, soft hyphen).
    case drop
    /// Vanishes but belongs to the letter before it (tashkeel, tatweel, combining accents), so a
    /// match ending on that letter covers it in the original text.
    case mark
    /// Replaced by these folded UTF-8 bytes.
    case emit([UInt8])
}

/// The folding decisions, one scalar at a time (slow, Foundation-based; used to build tables).
///
/// Decisions (see also TextFolder):
/// - NFKC, then lower case (full case folding for ß/ẞ/ς), Latin/Greek diacritics removed
///   (é→e, ğ→g, ş→s, İ/ı→i, ø→o, ł→l, ə→a), Cyrillic ё→е but й kept, kana voicing kept.
/// - Arabic script: tashkeel, Quranic marks and tatweel vanish; أ إ آ ٱ → ا; ى ي ی ې ے → ي;
///   ك ک ڪ → ك; ة ۀ ە ھ ہ → ه (ta marbuta unified with heh: the press mixes them, and Persian
///   writes ه where Arabic writes ة); ؤ → و and ئ → ي (hamza seats dropped: مسئول = مسؤول,
///   پائیز = پاییز); ء kept; ں → ن.
/// - ZWNJ, ZWJ and other format characters vanish, so همکاری‌های = همکاریهای.
/// - Every decimal digit (Arabic-Indic, Persian, Devanagari, fullwidth...) becomes ASCII.
/// - ’ ‘ ‛ ´ ` ʼ → '; “ ” „ « » ‹ › → "; every hyphen and dash → space, so Jean-Marie =
///   Jean Marie; all horizontal spaces → one space (runs collapse at fold time); line and
///   paragraph breaks → "\n" (never collapsed into spaces, so names do not join across lines).
/// - Arabic comma, semicolon, question mark, percent and separators → ASCII.
enum ScalarFoldRule {
    static func fold(_ scalar: Unicode.Scalar) -> ScalarFold {
        let value = scalar.value
        if value < 0x80 { return .emit([asciiFold(UInt8(value))]) }
        if let early = beforeNormalization(value) { return early }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format: return .drop
        case .control: return .drop
        case .spaceSeparator: return .emit([0x20])
        case .lineSeparator, .paragraphSeparator: return .emit([0x0A])
        case .nonspacingMark, .enclosingMark:
            return isDiacritic(value) ? .mark : .emit(Array(String(scalar).utf8))
        default: break
        }
        if properties.numericType == .decimal, let digit = properties.numericValue, digit >= 0, digit <= 9 {
            return .emit([0x30 + UInt8(digit)])
        }
        let normalized = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        var stripped = String.UnicodeScalarView()
        var previousBase: UInt32 = 0
        for part in normalized.decomposedStringWithCanonicalMapping.unicodeScalars {
            let keepsBreve = part.value == 0x0306 && (0x0400...0x04FF).contains(previousBase)
            if isDiacritic(part.value) && !keepsBreve { continue }
            if !isDiacritic(part.value) { previousBase = part.value }
            stripped.append(part)
        }
        var bytes: [UInt8] = []
        for part in String(stripped).precomposedStringWithCanonicalMapping.unicodeScalars {
            bytes += afterNormalization(part)
        }
        return bytes.isEmpty ? .mark : .emit(bytes)
    }

    static func asciiFold(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: return byte | 0x20
        case 0x09, 0x0B, 0x0C, 0x2D: return 0x20  // tab, vertical tab, form feed, hyphen
        case 0x0D: return 0x0A
        case 0x60: return 0x27  // backtick reads as an apostrophe
        default: return byte
        }
    }

    /// Decisions that must come before NFKC (which would turn ´ into space + accent, and does
    /// not know that the Arabic comma is a comma).
    private static func beforeNormalization(_ value: UInt32) -> ScalarFold? {
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x00B4, 0x02BC, 0x02BB, 0x02B9, 0xFF07:
            return .emit([0x27])
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2033, 0x301D, 0x301E, 0xFF02:
            return .emit([0x22])
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B:
            return .emit([0x20])
        case 0x0085, 0x2028, 0x2029: return .emit([0x0A])
        case 0x060C, 0x066C, 0x3001: return .emit([0x2C])
        case 0x061B: return .emit([0x3B])
        case 0x061F: return .emit([0x3F])
        case 0x066A: return .emit([0x25])
        case 0x066B, 0x06D4, 0x3002: return .emit([0x2E])
        case 0x0640, 0x0674: return .mark  // tatweel, high hamza
        default: return nil
        }
    }

    /// Accents and vowel signs that spelling variants add or omit freely. Marks of other scripts
    /// (Devanagari vowel signs, kana voicing) change the letter and are kept.
    static func isDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return true
        case 0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7:
            return true
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4,
             0x06E7...0x06E8, 0x06EA...0x06ED, 0x08CA...0x08E1, 0x08E3...0x08FF:
            return true
        default:
            return false
        }
    }

    private static func afterNormalization(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        if value < 0x80 { return [asciiFold(UInt8(value))] }
        if let early = beforeNormalization(value) {
            if case .emit(let bytes) = early { return bytes }
            return []
        }
        switch scalar.properties.generalCategory {
        case .format, .control: return []
        case .spaceSeparator: return [0x20]
        default: break
        }
        let unified: UInt32
        switch value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675: unified = 0x0627
        case 0x0649, 0x06CC, 0x06D0, 0x06CD, 0x06D2, 0x06D3, 0x0620, 0x0626: unified = 0x064A
        case 0x06A9, 0x06AA, 0x063B, 0x063C: unified = 0x0643
        case 0x0629, 0x06C0, 0x06D5, 0x06BE, 0x06C1, 0x06C2, 0x06C3: unified = 0x0647
        case 0x0624: unified = 0x0648
        case 0x06BA: unified = 0x0646
        case 0x03C2: unified = 0x03C3  // final sigma
        case 0x0259, 0x018F: unified = 0x61  // ə: Əliyev is Aliyev in the press
        default: unified = value
        }
        if isLatin(unified) && unified >= 0x80 {
            let ascii = String(Unicode.Scalar(unified)!).applyingTransform(StringTransform("Latin-ASCII"), reverse: false)
            if let ascii, !ascii.isEmpty, ascii.utf8.allSatisfy({ $0 < 0x80 }) {
                return ascii.utf8.map(asciiFold)
            }
        }
        return Array(String(Unicode.Scalar(unified)!).utf8)
    }

    private static func isLatin(_ value: UInt32) -> Bool {
        switch value {
        case 0x00C0...0x02AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: return true
        default: return false
        }
    }
}

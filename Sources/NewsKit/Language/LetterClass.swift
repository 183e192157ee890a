import Foundation

/// What a code point is to the language model: a letter of some script (folded to the form
/// the model was trained on), a token separator, or a mark to step over.
///
/// Mirrors `classify` in tools/langid/textfold.py line for line; the model's n-gram hashes
/// are only found if both sides fold text the same way.
enum LetterClass {
    static let separator: Int32 = -1
    static let skip: Int32 = 0
    static let apostrophe: Int32 = 0x27

    struct Kind {
        var script: Script
        /// `separator`, `skip`, or the folded code point of a letter.
        var value: Int32
    }

    @inline(__always)
    static func classify(_ cp: UInt32, afterLatinLetter: Bool) -> Kind {
        if cp < 0x80 {
            if cp &- 0x41 < 26 { return Kind(script: .latin, value: Int32(cp + 0x20)) }
            if cp &- 0x61 < 26 { return Kind(script: .latin, value: Int32(cp)) }
            if cp == 0x27, afterLatinLetter { return Kind(script: .latin, value: apostrophe) }
            return Kind(script: .common, value: separator)
        }
        return classifyNonASCII(cp, afterLatinLetter: afterLatinLetter)
    }

    private static func letter(_ script: Script, _ cp: UInt32) -> Kind {
        Kind(script: script, value: Int32(cp))
    }

    private static let sep = Kind(script: .common, value: separator)
    private static let mark = Kind(script: .common, value: skip)

    private static func classifyNonASCII(_ cp: UInt32, afterLatinLetter: Bool) -> Kind {
        switch cp {
        case 0x300...0x36F, 0xFE00...0xFE0F, 0x200D, 0xAD:
            return mark
        case 0x2018, 0x2019, 0x02BB, 0x02BC:
            return afterLatinLetter ? Kind(script: .latin, value: apostrophe) : sep
        case 0xD7, 0xF7:
            return sep
        case 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return letter(.latin, foldLatin(cp))
        case 0x37E, 0x387, 0x375:
            return sep
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return letter(.greek, cp)
        case 0x482...0x489:
            return mark
        case 0x400...0x52F:
            return letter(.cyrillic, foldCyrillic(cp))
        case 0x55A...0x55F, 0x589, 0x58A:
            return sep
        case 0x531...0x58F:
            return letter(.armenian, cp)
        case 0x5BE, 0x5C0, 0x5C3, 0x5C6:
            return sep
        case 0x591...0x5C7:
            return mark
        case 0x5D0...0x5EA, 0x5EF...0x5F2:
            return letter(.hebrew, cp)
        case 0x590...0x5FF:
            return sep
        case 0x610...0x61A, 0x640, 0x64B...0x65F, 0x670, 0x6D6...0x6ED:
            return mark
        case 0x620...0x63F, 0x641...0x64A, 0x66E...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6EF,
             0x6FA...0x6FC, 0x6FF:
            return letter(.arabic, foldArabic(cp))
        case 0x600...0x6FF:
            return sep
        case 0x750...0x77F:
            return letter(.arabic, cp)
        case 0x780...0x7BF:
            return letter(.thaana, cp)
        case 0x8A0...0x8C9:
            return letter(.arabic, cp)
        case 0x8CA...0x8FF:
            return mark
        case 0x900...0xD7F:
            let offset = cp & 0x7F
            if offset >= 0x66 && offset <= 0x6F { return sep }  // digits sit at the same offset in every Indic block
            if cp == 0x964 || cp == 0x965 || cp == 0x970 { return sep }
            return letter(indicBlocks[Int((cp - 0x900) >> 7)], cp)
        case 0xD80...0xDFF:
            return letter(.sinhala, cp)
        case 0xE50...0xE59, 0xE3F:
            return sep
        case 0xE00...0xE7F:
            return letter(.thai, cp)
        case 0xED0...0xED9:
            return sep
        case 0xE80...0xEFF:
            return letter(.lao, cp)
        case 0xF40...0xFBC:
            return letter(.tibetan, cp)
        case 0x1040...0x104F:
            return sep
        case 0x1000...0x109F:
            return letter(.myanmar, cp)
        case 0x10FB:
            return sep
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F:
            return letter(.georgian, cp)
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:
            return letter(.hangul, cp)
        case 0x1360...0x137C:
            return sep
        case 0x1200...0x139F:
            return letter(.ethiopic, cp)
        case 0x17D4...0x17DA, 0x17E0...0x17E9:
            return sep
        case 0x1780...0x17FF:
            return letter(.khmer, cp)
        case 0x3041...0x309F:
            return letter(.hiragana, cp)
        case 0x30FB:
            return sep
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            return letter(.katakana, cp)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3005:
            return letter(.han, cp)
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            let base = presentationBase[Int(cp - 0xFB50)]
            return base != 0 ? classify(UInt32(base), afterLatinLetter: afterLatinLetter) : letter(.arabic, cp)
        default:
            return sep
        }
    }

    /// The letter each Arabic presentation form (ﺏ ﺑ ﺒ ﺐ, U+FB50...U+FEFC) stands for, by
    /// NFKC; 0 for ligatures of several letters, which stay as they are.
    private static let presentationBase: [UInt16] = (0xFB50...0xFEFC).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping.unicodeScalars
        guard folded.count == 1, let base = folded.first, base != scalar, base.value <= 0xFFFF else { return 0 }
        return UInt16(base.value)
    }

    private static let indicBlocks: [Script] = [
        .devanagari, .bengali, .gurmukhi, .gujarati, .oriya, .tamil, .telugu, .kannada, .malayalam,
    ]

    @inline(__always)
    private static func evenUpper(_ cp: UInt32) -> UInt32 { cp & 1 == 0 ? cp + 1 : cp }
    @inline(__always)
    private static func oddUpper(_ cp: UInt32) -> UInt32 { cp & 1 == 1 ? cp + 1 : cp }

    static func foldLatin(_ cp: UInt32) -> UInt32 {
        switch cp {
        case 0x41...0x5A, 0xC0...0xDE: return cp + 0x20
        case 0x130: return 0x69
        case 0x131, 0x138, 0x149, 0x17F: return cp
        case 0x178: return 0xFF
        case 0x139...0x148, 0x179...0x17E: return oddUpper(cp)
        case 0x100...0x17F: return evenUpper(cp)
        case 0x181: return 0x253
        case 0x18A: return 0x257
        case 0x18F: return 0x259
        case 0x198: return 0x199
        case 0x1B3: return 0x1B4
        case 0x1A0: return 0x1A1
        case 0x1AF: return 0x1B0
        // Romanian comma-below letters fold onto the cedilla forms people also type.
        case 0x218, 0x219: return 0x15F
        case 0x21A, 0x21B: return 0x163
        case 0x1E96...0x1E9F: return cp
        case 0x1E00...0x1EFF: return evenUpper(cp)
        case 0xFF21...0xFF3A: return cp - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: return cp - 0xFF41 + 0x61
        default: return cp
        }
    }

    static func foldCyrillic(_ cp: UInt32) -> UInt32 {
        switch cp {
        case 0x400...0x40F: return cp + 0x50
        case 0x410...0x42F: return cp + 0x20
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return evenUpper(cp)
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return oddUpper(cp)
        default: return cp
        }
    }

    /// Persian typed on Arabic keyboards writes ي/ك for ی/ک: the model sees one letter for both.
    static func foldArabic(_ cp: UInt32) -> UInt32 {
        switch cp {
        case 0x64A: return 0x6CC
        case 0x643: return 0x6A9
        case 0x6C0: return 0x647
        default: return cp
        }
    }
}

import Foundation

/// What the date scanner needs to know about one Unicode scalar: its class and its folded form.
///
/// One table lookup per scalar keeps the scan on bytes cheap. Folding removes what writers vary
/// freely in date words (case, diacritics, tatweel, hamza seats, Persian/Arabic yeh and kaf,
/// teh marbuta, zero-width joiners) so that one spelling in the vocabulary matches all of them.
struct DateScalarTable: Sendable {
    enum ScalarClass: UInt8 {
        case letter = 0      // part of a word
        case digit = 1       // decimal digit of any script
        case space = 2       // separates tokens
        case newline = 3     // separates tokens and stops a date from spanning lines
        case punct = 4       // its own token
        case ideograph = 5   // CJK: a word of one scalar (no spaces between words)
        case ignorable = 6   // bidi marks: invisible, not even a gap
    }

    /// Scalars above this bound are letters folding to themselves (or ideographs), except for
    /// the ranges handled in `entry(for:)`.
    private static let bound = 0x3000
    /// Per scalar below `bound`: low 21 bits folded scalar (0 = dropped), bits 24... class,
    /// and for digits the value in the low bits.
    private let entries: [UInt32]
    private let highEntries: [UInt32]  // U+F900 ..< U+10000 (presentation forms, fullwidth forms)
    private static let upperBase = 0xF900

    static let shared = DateScalarTable()

    private init() {
        var table = [UInt32](repeating: 0, count: Self.bound)
        for value in 0..<Self.bound {
            table[value] = Self.compute(value)
        }
        entries = table
        var upperTable = [UInt32](repeating: 0, count: 0x10000 - Self.upperBase)
        for value in Self.upperBase..<0x10000 {
            upperTable[value - Self.upperBase] = Self.compute(value)
        }
        highEntries = upperTable
    }

    @inline(__always)
    func entry(for scalar: UInt32) -> UInt32 {
        if scalar < UInt32(Self.bound) { return entries[Int(scalar)] }
        if scalar >= UInt32(Self.upperBase) && scalar < 0x10000 { return highEntries[Int(scalar) - Self.upperBase] }
        return Self.compute(Int(scalar))
    }

    @inline(__always)
    static func scalarClass(_ entry: UInt32) -> ScalarClass {
        ScalarClass(rawValue: UInt8(truncatingIfNeeded: entry >> 24)) ?? .punct
    }

    /// The folded scalar of a letter (0 when folding drops it) or the value of a digit.
    @inline(__always)
    static func payload(_ entry: UInt32) -> UInt32 { entry & 0x1F_FFFF }

    /// Set on upper-case and title-case letters (the capitalisation test of "May" vs "may").
    static let upperBit: UInt32 = 1 << 23

    @inline(__always)
    static func isUpper(_ entry: UInt32) -> Bool { entry & upperBit != 0 }

    private static func pack(_ cls: ScalarClass, _ payload: UInt32) -> UInt32 {
        UInt32(cls.rawValue) << 24 | payload
    }

    private static func compute(_ value: Int) -> UInt32 {
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return pack(.punct, 0) }
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return pack(.newline, 0)
        case 0x200C, 0x200D: return pack(.letter, 0)  // ZWNJ/ZWJ sit inside Persian words
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return pack(.ignorable, 0)
        case 0x0027, 0x2019: return pack(.punct, 0x27)  // apostrophes: word-internal when between letters
        case 0x0640: return pack(.letter, 0)  // tatweel
        default: break
        }
        let props = scalar.properties
        switch props.generalCategory {
        case .decimalNumber:
            return pack(.digit, UInt32(props.numericValue.map { Int($0) } ?? 0))
        case .spaceSeparator, .control:
            return pack(.space, 0)
        case .nonspacingMark, .enclosingMark, .format:
            return pack(.letter, 0)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spacingMark, .letterNumber:
            if isIdeograph(value) { return pack(.ideograph, UInt32(value)) }
            let cased = props.generalCategory == .uppercaseLetter || props.generalCategory == .titlecaseLetter
            let upper: UInt32 = cased ? upperBit : 0
            return pack(.letter, foldLetter(scalar) | upper)
        default:
            return pack(.punct, UInt32(value))
        }
    }

    private static func isIdeograph(_ value: Int) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// Arabic-script letters that writers interchange (or that keyboards substitute).
    private static let arabicUnification: [UInt32: UInt32] = [
        0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627, 0x0672: 0x0627, 0x0673: 0x0627,  // alef forms
        0x0649: 0x064A, 0x06CC: 0x064A, 0x0626: 0x064A, 0x06D0: 0x064A, 0x06CD: 0x064A,  // yeh forms
        0x06A9: 0x0643, 0x06AA: 0x0643,  // keheh, swash kaf
        0x0629: 0x0647, 0x06C0: 0x0647, 0x06D5: 0x0647,  // teh marbuta, heh with yeh, ae
        0x0624: 0x0648,  // waw with hamza
    ]

    private static func foldLetter(_ scalar: Unicode.Scalar) -> UInt32 {
        var text = String(scalar)
        if (0xFB50...0xFEFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value) {
            text = text.precomposedStringWithCompatibilityMapping
        }
        let base = text.decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        var folded = base
        let lower = String(base).lowercased().unicodeScalars
        if lower.count == 1, let only = lower.first { folded = only }
        if let unified = arabicUnification[folded.value] { return unified }
        return folded.value
    }
}

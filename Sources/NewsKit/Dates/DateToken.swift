/// One token of running text as the date grammar sees it: a word, a number or a punctuation
/// mark, with its UTF-8 byte range. Whitespace is not a token; it is recorded as the gap
/// before the next token.
struct DateToken: Sendable {
    enum Kind: UInt8 { case word, number, punct }
    enum Gap: UInt8 { case none, space, newline }
    enum DigitScript: UInt8 { case ascii, arabicIndic, persian, other }

    static let capitalizedFlag: UInt8 = 1
    static let phraseStartFlag: UInt8 = 2

    var start: Int32
    var end: Int32
    var kind: Kind
    var gapBefore: Gap
    /// Numbers: how many digits. Words: how many words a name starting here may have.
    var digits: UInt8 = 0
    var digitScript: DigitScript = .ascii
    /// Words: `capitalizedFlag`, `phraseStartFlag`.
    var flags: UInt8 = 0
    /// Numbers: the value (-1 when longer than 9 digits). Punctuation: the scalar.
    /// Words: the index of the matched vocabulary key, or -1.
    var value: Int32

    var isNumber: Bool { kind == .number }
    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { flags & Self.capitalizedFlag != 0 }
    var vocabularyKey: Int32 { kind == .word ? value : -1 }
    var byteRange: Range<Int> { Int(start)..<Int(end) }

    func isPunct(_ scalar: UInt32) -> Bool { kind == .punct && value == Int32(bitPattern: scalar) }
}

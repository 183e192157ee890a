/// The Arabic block (U+0600...U+06FF) read by table: each scalar's tokenizer class
/// (`RuleScalarClass.of`) and folded bytes (`RuleFolding.appendFolded(scalar:)`), made once from
/// those functions, so a word of Arabic or Persian is read at two bytes a step without their
/// switches. Half the sample corpus is Arabic script, and both tokenizers (the rules' and the
/// tagger's) read every word of it.
struct ArabicBlockTable: Sendable {
    /// Per scalar: the class's raw value (bits 0-7), the folded byte count (bits 8-15), then the
    /// folded bytes (bits 16-23, 24-31). No scalar of the block folds to more than two bytes.
    private let entries: [UInt32]

    static let shared = ArabicBlockTable()

    private init() {
        entries = (0x600...0x6FF).map { (u: UInt32) -> UInt32 in
            var folded: [UInt8] = []
            RuleFolding.appendFolded(scalar: u, into: &folded)
            precondition(folded.count <= 2, "U+\(String(u, radix: 16)) folds to more than two bytes")
            var entry = UInt32(RuleScalarClass.of(u).rawValue) | UInt32(folded.count) << 8
            for (k, byte) in folded.enumerated() { entry |= UInt32(byte) << (16 + 8 * k) }
            return entry
        }
    }

    /// The entry of the two-byte sequence at `i` when it is a scalar of the block (a lead byte
    /// D8...DB with a byte after it, as `RuleFolding.decodeScalar` reads it), else nil.
    @inline(__always)
    func entry(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        let b0 = bytes[i]
        guard b0 >= 0xD8 && b0 <= 0xDB && i + 1 < bytes.count else { return nil }
        let u = (Int(b0) & 0x1F) << 6 | (Int(bytes[i + 1]) & 0x3F)
        return entries[u - 0x600]
    }

    @inline(__always)
    static func isLetter(_ entry: UInt32) -> Bool { entry & 0xFF == UInt32(RuleScalarClass.letter.rawValue) }

    @inline(__always)
    static func isMark(_ entry: UInt32) -> Bool { entry & 0xFF == UInt32(RuleScalarClass.mark.rawValue) }

    /// Appends the entry's folded bytes.
    @inline(__always)
    static func appendFolded(_ entry: UInt32, into out: inout [UInt8]) {
        let count = (entry >> 8) & 0xFF
        if count >= 1 { out.append(UInt8(truncatingIfNeeded: entry >> 16)) }
        if count == 2 { out.append(UInt8(truncatingIfNeeded: entry >> 24)) }
    }
}

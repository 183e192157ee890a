import Foundation

/// Clitics that Arabic-script writing joins to a name, in folded form. They are accepted around a
/// match; the reported range never includes them.
enum ArabicAffixes {
    /// Conjunctions (و ف), prepositions (ب ل ك), the article (ال) and their stacks:
    /// بسمرقند, وبوتين, بالعاصمة, وللصين.
    static let proclitics = PackedSet([
        "و", "ف", "ب", "ل", "ك", "ال", "بال", "وال", "فال", "كال", "لل", "ولل", "فلل",
        "وب", "ول", "وك", "فب", "فل", "فك", "وبال", "وكال", "فبال", "فكال",
    ])

    /// Before "لل" that already swallowed a name's own article (ل + الأمم → للأمم), only a
    /// conjunction may stand.
    static let prefixesBeforeMergedArticle = PackedSet(["و", "ف"])

    /// Persian plural and ezafe/indefinite endings, with or without ZWNJ (folding drops it):
    /// پوتین‌ها, همکاری‌های, آسیای.
    static let persianSuffixes = PackedSet(["ها", "های", "ی", "ای", "یی", "هایی"])

    /// Folded "ال" and "لل": a variant with its own article gets a second pattern for the
    /// merged form.
    static let article: [UInt8] = Array(TextFolder.fold("ال").utf8)
    static let lamLam: [UInt8] = Array(TextFolder.fold("لل").utf8)
    static let lamLength = 2

    /// Persian letters (ی ک چ ژ گ, lead bytes 0xDA and 0xDB, which Arabic text rarely uses) tell
    /// Persian text from Arabic, where a trailing ي is an adjective ending (مصري), not a suffix to
    /// strip. Looks at the original text: folding merges ی into ي.
    static func looksPersian(original text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count > 1 else { return false }
        let end = UnsafeRawPointer(base + text.count - 1)
        for lead: UInt8 in [0xDB, 0xDA] {
            var cursor = UnsafeRawPointer(base)
            while cursor < end, let found = memchr(cursor, Int32(lead), end - cursor) {
                let next = found.load(fromByteOffset: 1, as: UInt8.self)
                if lead == 0xDB && next == 0x8C { return true }  // ی
                if lead == 0xDA && (next == 0xA9 || next == 0x86 || next == 0x98 || next == 0xAF) { return true }  // ک چ ژ گ
                cursor = UnsafeRawPointer(found) + 1
            }
        }
        return false
    }
}

/// A set of short folded byte strings (≤ 8 bytes), looked up without allocating.
struct PackedSet: Sendable {
    private struct Key: Hashable { var bits: UInt64; var length: Int }
    private let keys: Set<Key>
    let maxLength: Int

    init(_ words: [String]) {
        var keys = Set<Key>()
        var maxLength = 0
        for word in words {
            let folded = Array(TextFolder.fold(word).utf8)
            precondition(folded.count <= 8, "affix too long: \(word)")
            keys.insert(PackedSet.pack(folded[...]))
            maxLength = max(maxLength, folded.count)
        }
        self.keys = keys
        self.maxLength = maxLength
    }

    private static func pack<C: Collection>(_ bytes: C) -> Key where C.Element == UInt8 {
        var bits: UInt64 = 0
        for byte in bytes { bits = bits << 8 | UInt64(byte) }
        return Key(bits: bits, length: bytes.count)
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= maxLength else { return false }
        return keys.contains(PackedSet.pack(bytes[range]))
    }
}

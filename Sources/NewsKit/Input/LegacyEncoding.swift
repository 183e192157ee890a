/// The single-byte code pages analysts still receive text in, from older sites, archives and
/// Windows tools: Windows-1256 for Arabic and Persian, Windows-1252 for western languages.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    case windows1256 = "Windows-1256"
    case windows1252 = "Windows-1252"

    /// The name iconv knows it by.
    var iconvName: String {
        switch self {
        case .windows1256: return "CP1256"
        case .windows1252: return "CP1252"
        }
    }

    /// Which of the two to take for bytes that are not UTF-8, by the evidence in them: the one
    /// whose reading gives words of a single script with plausible letters. Each code page reads
    /// the other's text as a jumble (Arabic in 1252 is "ÇáÑÆíÓ", French in 1256 mixes Arabic
    /// letters into Latin words), so the right one stands out. Nil when neither reads as text.
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: LegacyEncoding, text: String)? {
        var best: (encoding: LegacyEncoding, text: String, margin: Int)?
        // 1252 first: when both read the same (French letters sit at the same places in both),
        // the western page is the truer name.
        for encoding in [LegacyEncoding.windows1252, .windows1256] {
            guard let utf8 = Iconv.utf8(from: bytes, encoding: encoding.iconvName) else { continue }
            let text = String(decoding: utf8, as: UTF8.self)
            let score = WordEvidence(text)
            guard score.isPlausible else { continue }
            if best == nil || score.margin > best!.margin {
                best = (encoding, text, score.margin)
            }
        }
        return best.map { ($0.encoding, $0.text) }
    }
}

/// How much a decoding looks like real text: words holding non-ASCII letters count for it when
/// their letters are of one script and look like letters of a language, against it otherwise;
/// non-ASCII punctuation counts for it when common in print, other symbols and C1 controls against.
struct WordEvidence {
    private(set) var good = 0
    private(set) var bad = 0

    /// Letters a western text almost never holds, but a wrong code page produces often.
    private static let rareLatin: Set<Unicode.Scalar> = ["ÿ", "ð", "Ð", "þ", "Þ", "ƒ", "µ", "Ÿ"]
    /// Punctuation and signs found in real text beyond ASCII.
    private static let commonSigns: Set<Unicode.Scalar> = [
        "\u{A0}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "’", "‘", "‚", "“", "”", "„", "«", "»", "–", "—",
        "…", "•", "°", "€", "£", "©", "®", "·", "¡", "¿", "§", "×", "÷", "´", "²", "³", "½", "¼", "¾", "±",
        "،", "؛", "؟", "٪", "ـ",
    ]

    init(_ text: String) {
        var word: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if Self.isWordPart(scalar) {
                word.append(scalar)
                continue
            }
            judge(word)
            word.removeAll(keepingCapacity: true)
            if !scalar.isASCII {
                if Self.commonSigns.contains(scalar) { good += 1 } else { bad += 1 }
            }
        }
        judge(word)
    }

    /// Mostly evidence for, little against: a fifth of the judged words may be odd (names,
    /// typos, symbols), not more.
    var isPlausible: Bool { good > 0 && bad * 5 <= good }

    var margin: Int { good - 5 * bad }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.properties.isAlphabetic }
        if scalar == "\u{200C}" || scalar == "ـ" { return true }
        let category = scalar.properties.generalCategory
        return scalar.properties.isAlphabetic || category == .nonspacingMark || category == .spacingMark
    }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        // Harakat and the superscript alef are marks (no script of their own in `Script.of`), but
        // one following a Latin letter is the sign of a wrong code page.
        if (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670 || scalar == "ـ" { return .arabic }
        return Script.of(scalar)
    }

    private mutating func judge(_ word: [Unicode.Scalar]) {
        guard word.contains(where: { !$0.isASCII }) else { return }
        var scripts = Set<Script>()
        var asciiLetters = 0
        var letters = 0
        var previousLower = false
        var odd = false
        for scalar in word {
            let script = Self.script(of: scalar)
            if script != .common { scripts.insert(script) }
            guard scalar.properties.isAlphabetic else { continue }
            letters += 1
            if scalar.isASCII { asciiLetters += 1 }
            if Self.rareLatin.contains(scalar) { odd = true }
            // "ÇáÑ": a capital after a small letter, made of non-ASCII bytes, is not how words go.
            if !scalar.isASCII, scalar.properties.isUppercase, previousLower { odd = true }
            previousLower = scalar.properties.isLowercase
        }
        if scripts.count > 1 || odd { bad += 1; return }
        if scripts == [.latin], asciiLetters == 0, letters >= 3 { bad += 1; return }
        if scripts.isEmpty || scripts == [.latin] || scripts == [.arabic] { good += 1 } else { bad += 1 }
    }
}

/// A writing system, named by its ISO 15924 code.
///
/// The case order is part of the language model's contract with
/// `tools/langid/textfold.py` (its `SCRIPTS` list): keep them in step.
public enum Script: Int, Sendable, CaseIterable {
    case common, latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, gurmukhi
    case gujarati, oriya, tamil, telugu, kannada, malayalam, sinhala, thai, lao, tibetan
    case myanmar, georgian, hangul, ethiopic, khmer, hiragana, katakana, han, thaana

    /// The ISO 15924 code, e.g. "Latn", "Arab", "Cyrl".
    public var code: String {
        Script.codes[rawValue]
    }

    private static let codes = [
        "Zyyy", "Latn", "Cyrl", "Grek", "Armn", "Hebr", "Arab", "Deva", "Beng", "Guru",
        "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt",
        "Mymr", "Geor", "Hang", "Ethi", "Khmr", "Hira", "Kana", "Hani", "Thaa",
    ]

    /// The script of a letter; `.common` for digits, punctuation, spaces and marks.
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        let kind = LetterClass.classify(scalar.value, afterLatinLetter: false)
        return kind.value > 0 ? kind.script : .common
    }

    /// The script most of the letters of `text` are written in, `.common` when it has none.
    /// Han, kana and Hangul count double: one such character carries about as much text as
    /// two alphabetic letters.
    public static func dominant(in text: String) -> Script {
        var text = text
        return text.withUTF8 { ScriptTally(utf8: $0).dominant }
    }
}

/// Letter counts per script of one text, the first pass of language identification.
/// Held in a SIMD vector so that counting allocates nothing; 64-bit lanes, as a text of more
/// than 2 GB of letters is possible in memory and 32-bit counts would wrap.
struct ScriptTally {
    private var counts = SIMD32<Int64>(repeating: 0)

    init() {}

    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var afterLatin = false
        while index < bytes.count {
            let scalar = UTF8Scan.next(bytes, &index)
            let kind = LetterClass.classify(scalar, afterLatinLetter: afterLatin)
            if kind.value == LetterClass.skip { continue }
            afterLatin = kind.value > 0 && kind.script == .latin
            if kind.value > 0 { add(kind.script) }
        }
    }

    @inline(__always)
    mutating func add(_ script: Script) {
        counts[script.rawValue] &+= script.letterWeight
    }

    func count(_ script: Script) -> Int64 { counts[script.rawValue] }

    var kana: Int64 { count(.hiragana) &+ count(.katakana) }

    /// Han and kana compete as one block (Japanese mixes them); the block is Japanese when
    /// at least one character in twenty is kana, as Chinese text has none.
    var dominant: Script {
        var best = Script.common
        var bestCount: Int64 = 0
        for script in Script.allCases where script != .common && script != .hiragana && script != .katakana {
            var count = counts[script.rawValue]
            if script == .han { count &+= kana }
            if count > bestCount {
                best = script
                bestCount = count
            }
        }
        if best == .han, kana > 0, kana &* 20 >= bestCount {
            return count(.hiragana) >= count(.katakana) ? .hiragana : .katakana
        }
        return best
    }

    var letters: Int64 { counts.wrappedSum() }

    /// The part of the letters (weighted) written in `script`; Han and kana count together.
    func share(of script: Script) -> Double {
        let letters = self.letters
        guard letters > 0 else { return 0 }
        let count = switch script {
        case .han, .hiragana, .katakana: self.count(.han) &+ kana
        default: self.count(script)
        }
        return Double(count) / Double(letters)
    }
}

extension Script {
    /// Logographic and syllabic characters carry more text than one alphabetic letter.
    var letterWeight: Int64 {
        switch self {
        case .han, .hiragana, .katakana, .hangul: 2
        default: 1
        }
    }
}

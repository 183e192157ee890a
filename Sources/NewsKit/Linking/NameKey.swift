import Foundation

/// A key that the spellings of one name share across scripts: انور قرقاش (Arabic and Persian) and
/// Anwar Gargash all read `anrkrkS`. It is the name's consonant skeleton in a small phonetic
/// alphabet: Arabic-script letters are read one by one (vowel letters, hamza forms, ع and ة left
/// out, Persian and Arabic variants of a letter made one, `a` for a word opening with alef or ع),
/// Latin letters after the common
/// romanisations are folded (q/k/g, dh/z, kh, sh, ch, th, ph, doubled letters once, vowels and
/// w/y/v left out), and other scripts through ICU's `Any-Latin; Latin-ASCII` transform first.
/// Short vowels are not written in Arabic script, so a key cannot tell Karimi from Karami: it links
/// spellings, and `NameKey.confidence` says how far a key of that length can be trusted.
public enum NameKey {
    /// Names of one word, or with fewer consonants than this, get no key: too many people share them.
    public static let minimumConsonants = 5
    /// Marks a word that opens with a vowel (Ahmad, أحمد), so that Ahmad and Hamid differ.
    static let vowelStart = UInt8(ascii: "a")

    /// The key of a person's name, or nil when it has one word, too few consonants, or letters of a
    /// script the key does not read.
    public static func key(for name: String) -> String? {
        // A hyphen joins words in romanisations (Ali-Akbar) where Persian has a ZWNJ (علی‌اکبر).
        // Scalars, not characters: a ZWNJ belongs to the character before it.
        let separated = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            [0x20, 0x2D, 0xA0, 0x200C].contains(scalar.value) ? " " : scalar
        }))
        let words = separated.split(separator: " ")
        // Two words apart, not a surname that a ZWNJ or hyphen joins (حسني‌پور, Khankeshi-Pour).
        guard name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).count >= 2 else { return nil }
        var key: [UInt8] = []
        for word in words {
            guard let skeleton = skeleton(of: word) else { return nil }
            key += skeleton
        }
        // A letter doubled in one spelling (Assad) is single in the other (الأسد): once.
        var collapsed: [UInt8] = []
        for letter in key where letter != collapsed.last { collapsed.append(letter) }
        guard collapsed.lazy.filter({ $0 != vowelStart }).count >= minimumConsonants else { return nil }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// How often the spellings a key joins across scripts were one person, by the key's consonants:
    /// 35 of 41 groups of up to 8 and 9 of 9 longer ones, in a sample of 50 of the 215 cross-script
    /// groups the shared corpus forms, hand-checked (the misses are mostly Mohammad and Mahmoud,
    /// Hassan and Hossein: short vowels Arabic script does not write).
    public static func confidence(ofKey key: String) -> Double {
        key.utf8.lazy.filter { $0 != vowelStart }.count <= 8 ? 0.85 : 0.95
    }

    /// One word's skeleton, without the definite article (al-, el-, ال), or nil when the word holds
    /// letters of no script the key reads.
    static func skeleton(of word: Substring) -> [UInt8]? {
        guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return [] }
        if ArabicLetters.isArabicScript(first) { return ArabicLetters.skeleton(of: word) }
        let latin = String(word)
        if !latin.unicodeScalars.allSatisfy(\.isASCII) {
            guard let ascii = latin.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false),
                  ascii.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
            // ICU writes the Cyrillic short i as j (Sergej); the press writes Sergei or Sergey.
            return LatinLetters.skeleton(of: ascii, jAfterVowelIsY: true)
        }
        return LatinLetters.skeleton(of: latin)
    }
}

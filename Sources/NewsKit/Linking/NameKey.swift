import Foundation

/// A key that the spellings of one name share across scripts: انور قرقاش (Arabic and Persian) and
/// Anwar Gargash all read `nwrkrks`. It is the name's consonant skeleton in a small phonetic
/// alphabet: Arabic-script letters are read one by one (vowel letters, hamza forms, ع and ة left
/// out, Persian and Arabic variants of a letter made one), Latin letters after the common
/// romanisations are folded (q/k/g, dh/z, kh, sh, ch, th, ph, doubled letters once, vowels and
/// w/y/v left out), and other scripts through ICU's `Any-Latin; Latin-ASCII` transform first.
/// Short vowels are not written in Arabic script, so a key cannot tell Karimi from Karami: it links
/// spellings, and `NameKey.confidence` says how far a key of that length can be trusted.
public enum NameKey {
    /// Names of one word, or with fewer consonants than this, get no key: too many people share them.
    public static let minimumConsonants = 5

    /// The key of a person's name, or nil when it has one word, too few consonants, or letters of a
    /// script the key does not read.
    public static func key(for name: String) -> String? {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{200C}" })
        guard words.count >= 2 else { return nil }
        var key: [UInt8] = []
        for word in words {
            guard let skeleton = skeleton(of: word) else { return nil }
            key += skeleton
        }
        // A letter doubled in one spelling (Assad) is single in the other (الأسد): once.
        var collapsed: [UInt8] = []
        for letter in key where letter != collapsed.last { collapsed.append(letter) }
        guard collapsed.count >= minimumConsonants else { return nil }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// How often two names of one key were the same person, by key length (measured on the shared
    /// corpus, see DESIGN.md): longer skeletons collide less.
    public static func confidence(ofKey key: String) -> Double {
        switch key.utf8.count {
        case ..<6: return 0.7
        case 6: return 0.8
        case 7: return 0.85
        default: return 0.9
        }
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

/// Arabic-script letters in `NameKey`'s alphabet: b t s j c h x d z r S f k l m n (c is ch, S is
/// sh, x is kh) and `a` for a word that opens with a vowel; other vowel letters, hamza forms, ع, ة
/// and ZWNJ give nothing.
enum ArabicLetters {
    static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(scalar.value) || (0x0750...0x077F).contains(scalar.value)
            || (0xFB50...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value)
    }

    static let letters: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        func set(_ letters: String, _ key: Character) {
            for scalar in letters.unicodeScalars { table[scalar.value] = key.asciiValue! }
        }
        set("بپ", "b")
        set("تطث", "t")
        set("سص", "s")
        set("ج", "j")
        set("چ", "c")
        set("حهۀھ", "h")
        set("خ", "x")
        set("د", "d")
        set("ذزضظژ", "z")
        set("ر", "r")
        set("ش", "S")
        set("فڤ", "f")
        set("قكکگغ", "k")
        set("ل", "l")
        set("م", "m")
        set("ن", "n")
        return table
    }()

    /// Letters that are vowels, hamza carriers, ع or ة, or marks: nothing in the key.
    static func isSilent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0621...0x0627, 0x0629, 0x0639, 0x0648, 0x0649, 0x064A, 0x064B...0x065F, 0x0670, 0x0671,
             0x06CC, 0x06D2, 0x06C6, 0x0640, 0x200C, 0x200D:
            return true
        default:
            return false
        }
    }

    /// Alef, its hamza forms and ع open a word that romanisations open with a vowel (أحمد Ahmad,
    /// علي Ali, إبراهيم Ebrahim), unlike حميد Hamid.
    static func startsWithVowel(_ scalar: Unicode.Scalar) -> Bool {
        [0x0622, 0x0623, 0x0625, 0x0627, 0x0671, 0x0639].contains(scalar.value)
    }

    static func skeleton(of word: Substring) -> [UInt8]? {
        var scalars = Array(String(word).precomposedStringWithCompatibilityMapping.unicodeScalars)
        // The article: الأسد is al-Assad, which the English press often writes Assad.
        if scalars.count > 3, scalars[0].value == 0x0627, scalars[1].value == 0x0644 { scalars.removeFirst(2) }
        var out: [UInt8] = []
        if let first = scalars.first, startsWithVowel(first) { out.append(NameKey.vowelStart) }
        for scalar in scalars {
            if let letter = letters[scalar.value] { out.append(letter) } else if !isSilent(scalar) { return nil }
        }
        return out
    }
}

/// Latin letters (ASCII) in `NameKey`'s alphabet, after the common romanisations are folded.
enum LatinLetters {
    static func skeleton(of word: String, jAfterVowelIsY: Bool = false) -> [UInt8]? {
        var letters = Array(word.lowercased().utf8).filter { $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }
        for article in ["al-", "el-", "ul-", "ad-", "as-", "ar-", "an-", "at-", "az-", "ash-", "ed-", "es-"]
        where letters.starts(with: Array(article.utf8)) && letters.count > article.utf8.count + 2 {
            letters.removeFirst(article.utf8.count)
            break
        }
        if ["al", "el", "ul"].contains(String(decoding: letters, as: UTF8.self)) { return [] }
        var out: [UInt8] = []
        if let first = letters.first, [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u")].contains(first) {
            out.append(NameKey.vowelStart)
        }
        var i = 0
        func next(_ offset: Int) -> UInt8 { i + offset < letters.count ? letters[i + offset] : 0 }
        while i < letters.count {
            let c = letters[i]
            let pair = (c, next(1))
            switch pair {
            case (UInt8(ascii: "s"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "S")); i += 2; continue
            case (UInt8(ascii: "k"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "x")); i += 2; continue
            case (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "k")):
                out.append(UInt8(ascii: "k")); i += 2; continue
            case (UInt8(ascii: "d"), UInt8(ascii: "h")), (UInt8(ascii: "z"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "z")); i += 2; continue
            case (UInt8(ascii: "t"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "t")); i += 2; continue
            case (UInt8(ascii: "c"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "c")); i += 2; continue
            case (UInt8(ascii: "p"), UInt8(ascii: "h")):
                out.append(UInt8(ascii: "f")); i += 2; continue
            default:
                break
            }
            let afterVowel = i > 0 && [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u")].contains(letters[i - 1])
            if c == UInt8(ascii: "j") && jAfterVowelIsY && afterVowel { i += 1; continue }
            switch c {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "v"), UInt8(ascii: "-"), UInt8(ascii: "."):
                break
            case UInt8(ascii: "p"): out.append(UInt8(ascii: "b"))
            case UInt8(ascii: "q"), UInt8(ascii: "g"): out.append(UInt8(ascii: "k"))
            case UInt8(ascii: "c"):
                let soft = [UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "y")].contains(next(1))
                out.append(UInt8(ascii: soft ? "s" : "k"))
            case UInt8(ascii: "x"): out += [UInt8(ascii: "k"), UInt8(ascii: "s")]
            case UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "j"), UInt8(ascii: "h"),
                 UInt8(ascii: "d"), UInt8(ascii: "z"), UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "k"),
                 UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"):
                out.append(c)
            default:
                return nil
            }
            i += 1
        }
        return out
    }
}

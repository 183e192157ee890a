import Foundation
import LuaBridge
import NewsKit

/// `toolkit.text`: Unicode-aware helpers Lua's byte patterns lack.
enum TextModule {
    static var module: APIModule {
        APIModule(
            "toolkit.text",
            doc: """
                Text helpers that know Unicode, unlike Lua's byte patterns: language identification, \
                the matching skeleton, normalisation, digits, words and sentences, lengths and \
                substrings by characters, case, scripts and transliteration. Strings go in and come \
                out as UTF-8; positions are 1-based.
                """,
            functions: [language, languages, fold, normalize, digits, words, sentences, len, sub, upper, lower, script, transliterate])
    }

    static var language: APIFunction {
        APIFunction(
            "toolkit.text.language",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "code", "ISO 639-1 code, `und` when there is no telling"),
                      APIResult("number", "confidence", "0 to 1"),
                      APIResult("string", "script", "ISO 15924 script code (`Arab`, `Latn`, `Cyrl`...)")],
            doc: """
                The language of any string. \(LanguageIdentifier.shared.languages.count) languages: Arabic, \
                Persian, Urdu, Pashto, Sorani Kurdish, Sindhi and Uyghur are told apart (also Persian typed \
                with Arabic ي/ك and without ZWNJ), as are Swahili, English, French, Turkish, Russian, \
                Belarusian, Chinese and the rest.
                """,
            example: """
                print(toolkit.text.language("پوتین با رئیس جمهور چین دیدار کرد"))       --> fa  0.9...  Arab
                print(toolkit.text.language("Rais wa Urusi amewasili mjini Astana"))     --> sw  ...
                """
        ) { call in
            let guess = LanguageIdentifier.shared.identify(try call.string(1))
            return [LuaValue(guess.code), LuaValue(guess.confidence), LuaValue(guess.script)]
        }
    }

    static var languages: APIFunction {
        APIFunction(
            "toolkit.text.languages",
            parameters: [APIParameter("s", "string", "any text"),
                         .optional("n", "integer", "how many guesses (default 3)")],
            returns: [APIResult("{code: string, confidence: number, script: string}[]", "guesses", "likeliest first")],
            doc: "The `n` likeliest languages of a string, as tables `{code, confidence, script}`.",
            example: """
                for _, g in ipairs(toolkit.text.languages("Пекин и Москва", 2)) do print(g.code, g.confidence) end
                """
        ) { call in
            let ranked = LanguageIdentifier.shared.ranked(try call.string(1), limit: try call.optionalInteger(2) ?? 3)
            return [.table(LuaTable(array: ranked.map {
                .table(["code": LuaValue($0.code), "confidence": LuaValue($0.confidence), "script": LuaValue($0.script)])
            }))]
        }
    }

    static var fold: APIFunction {
        APIFunction(
            "toolkit.text.fold",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "folded", "the skeleton")],
            doc: """
                The skeleton the entity matcher works on: case, diacritics, tatweel, Arabic letter \
                variants (أ/إ/آ, ي/ی/ى, ك/ک), ZWNJ and digits folded away.
                """,
            example: """
                print(toolkit.text.fold("Erdoğan وبوتينُ"))                            --> erdogan وبوتين
                """
        ) { call in [LuaValue(TextFolder.fold(try call.string(1)))] }
    }

    static var normalize: APIFunction {
        APIFunction(
            "toolkit.text.normalize",
            parameters: [APIParameter("s", "string", "any text"),
                         .optional("form", "string", "`NFC` (default), `NFD`, `NFKC` or `NFKD`")],
            returns: [APIResult("string", "normalized", "the text in that Unicode normalization form")],
            doc: """
                Unicode normalization: `NFC` composes (é as one code point), `NFD` decomposes, `NFKC` and \
                `NFKD` also replace compatibility forms (the ligature ﬁ by fi, Arabic presentation forms \
                by letters). Compare texts from different sources after the same normalization.
                """,
            example: """
                print(#toolkit.text.normalize("e\\u{301}"), #toolkit.text.normalize("e\\u{301}", "NFD"))  --> 2  3
                print(toolkit.text.normalize("ﻻ ﬁ", "NFKC"))                                          --> لا fi
                """
        ) { call in
            let text = try call.string(1)
            switch try call.optionalString(2) ?? "NFC" {
            case "NFC": return [LuaValue(text.precomposedStringWithCanonicalMapping)]
            case "NFD": return [LuaValue(text.decomposedStringWithCanonicalMapping)]
            case "NFKC": return [LuaValue(text.precomposedStringWithCompatibilityMapping)]
            case "NFKD": return [LuaValue(text.decomposedStringWithCompatibilityMapping)]
            case let other: throw call.failure("unknown form '\(other)' (valid forms: NFC, NFD, NFKC, NFKD)")
            }
        }
    }

    static var digits: APIFunction {
        APIFunction(
            "toolkit.text.digits",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "ascii", "the text with every decimal digit as 0-9")],
            doc: """
                Replaces the decimal digits of every script (Arabic-Indic ٠١٢, Persian ۰۱۲, Devanagari, \
                fullwidth...) by ASCII 0-9, so that `tonumber` reads them.
                """,
            example: """
                print(toolkit.text.digits("۱۴۰۳/۰۴/۱۳ و ٢٠٢٤"), tonumber(toolkit.text.digits("٤٢")) + 1)  --> 1403/04/13 و 2024  43
                """
        ) { call in
            var out = String.UnicodeScalarView()
            for scalar in try call.string(1).unicodeScalars {
                if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                   let ascii = Unicode.Scalar(0x30 + UInt32(value)) {
                    out.append(ascii)
                } else {
                    out.append(scalar)
                }
            }
            return [LuaValue(String(out))]
        }
    }

    static var words: APIFunction {
        APIFunction(
            "toolkit.text.words",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string[]", "words", "the words, in order")],
            doc: """
                The words of a text by Unicode word segmentation (ICU): Arabic, Persian, Cyrillic and \
                Chinese words come out (Lua's `%a` finds none of them); spaces and punctuation are left out.
                """,
            example: """
                local words = toolkit.text.words("پوتین با رئیس‌جمهور چین دیدار کرد.")
                print(#words, words[3])                         --> 6  رئیس‌جمهور
                """
        ) { call in [LuaValue(ICUBreaks.words(try call.string(1)))] }
    }

    static var sentences: APIFunction {
        APIFunction(
            "toolkit.text.sentences",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string[]", "sentences", "the sentences, trimmed")],
            doc: """
                The sentences of a text by Unicode sentence segmentation (ICU): they end at `.`, `!`, `?`, \
                the Arabic question mark `؟`, the Urdu full stop `۔` and the like (not at the Arabic comma \
                `،`, which joins clauses). Abbreviations such as "Dr." may end a sentence.
                """,
            example: """
                for _, s in ipairs(toolkit.text.sentences("هل سيحضر بوتين؟ نعم، سيحضر. Rais amefika!")) do print(s) end
                """
        ) { call in [LuaValue(ICUBreaks.sentences(try call.string(1)))] }
    }

    static var len: APIFunction {
        APIFunction(
            "toolkit.text.len",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("integer", "count", "the number of characters")],
            doc: """
                The length in characters as a reader counts them (extended grapheme clusters: a letter \
                with its diacritics is one), where `#s` counts bytes and `utf8.len` code points.
                """,
            example: """
                print(#"بوتينُ", utf8.len("بوتينُ"), toolkit.text.len("بوتينُ"))   --> 12  6  5
                """
        ) { call in [LuaValue(try call.string(1).count)] }
    }

    static var sub: APIFunction {
        APIFunction(
            "toolkit.text.sub",
            parameters: [APIParameter("s", "string", "any text"),
                         APIParameter("i", "integer", "first character (negative: from the end)"),
                         .optional("j", "integer", "last character (default -1, the end)")],
            returns: [APIResult("string", "part", "characters `i` to `j`")],
            doc: "Like `string.sub`, by characters (as `toolkit.text.len` counts them) instead of bytes.",
            example: """
                print(toolkit.text.sub("Путин и Си", 1, 5), toolkit.text.sub("بوتين وشي", -2))   --> Путин  شي
                """
        ) { call in
            let characters = Array(try call.string(1))
            let n = characters.count
            func position(_ given: Int) -> Int { given >= 0 ? given : max(0, n + given + 1) }
            let first = max(1, position(try call.integer(2)))
            let last = min(n, position(try call.optionalInteger(3) ?? -1))
            return [LuaValue(first > last ? "" : String(characters[(first - 1)..<last]))]
        }
    }

    static var upper: APIFunction {
        APIFunction(
            "toolkit.text.upper",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "upper", "the text in capitals")],
            doc: "Capitals by Unicode's rules (`string.upper` changes ASCII letters only).",
            example: """
                print(toolkit.text.upper("erdoğan, путин"))   --> ERDOĞAN, ПУТИН
                """
        ) { call in [LuaValue(try call.string(1).uppercased())] }
    }

    static var lower: APIFunction {
        APIFunction(
            "toolkit.text.lower",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "lower", "the text in small letters")],
            doc: "Small letters by Unicode's rules (`string.lower` changes ASCII letters only).",
            example: """
                print(toolkit.text.lower("ΑΘΗΝΑ, ПУТИН"))   --> αθηνα, путин
                """
        ) { call in [LuaValue(try call.string(1).lowercased())] }
    }

    static var script: APIFunction {
        APIFunction(
            "toolkit.text.script",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "code", "ISO 15924 code of the script most letters are in (`Arab`, `Latn`, `Cyrl`, `Hani`...), `Zyyy` when there are no letters")],
            doc: "The dominant script of a string.",
            example: """
                print(toolkit.text.script("بوتين Putin بوتين"), toolkit.text.script("123"))   --> Arab  Zyyy
                """
        ) { call in [LuaValue(Script.dominant(in: try call.string(1)).code)] }
    }

    static var transliterate: APIFunction {
        APIFunction(
            "toolkit.text.transliterate",
            parameters: [APIParameter("s", "string", "any text"),
                         APIParameter("transform", "string", "an ICU transform id: `Arabic-Latin`, `Cyrillic-Latin`, `Any-Latin`, `Latin-ASCII`, `Any-Latin; Latin-ASCII`...")],
            returns: [APIResult("string", "result", "the transformed text")],
            doc: "Transliterates through an ICU transform (the same ids as ICU's `Transliterator`).",
            example: """
                print(toolkit.text.transliterate("Путин", "Cyrillic-Latin"))                 --> Putin
                print(toolkit.text.transliterate("بوتين", "Arabic-Latin"))                   --> bwtyn
                print(toolkit.text.transliterate("Erdoğan 习近平", "Any-Latin; Latin-ASCII"))  --> Erdogan xi jin ping
                """
        ) { call in
            let text = try call.string(1)
            let id = try call.string(2)
            guard let result = text.applyingTransform(StringTransform(id), reverse: false) else {
                throw call.failure("unknown transform '\(id)' (ICU transform ids such as Arabic-Latin, Cyrillic-Latin, Any-Latin, Latin-ASCII)")
            }
            return [LuaValue(result)]
        }
    }
}

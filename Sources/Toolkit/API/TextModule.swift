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
            functions: [language, languages, fold])
    }

    static var language: APIFunction {
        APIFunction(
            "toolkit.text.language",
            parameters: [APIParameter("s", "string", "any text")],
            returns: [APIResult("string", "code", "ISO 639-1 code, `und` when there is no telling"),
                      APIResult("number", "confidence", "0 to 1"),
                      APIResult("string", "script", "ISO 15924 script code (`Arab`, `Latn`, `Cyrl`...)")],
            doc: """
                The language of any string. 59 languages: Arabic, Persian, Urdu and Pashto are told apart \
                (also Persian typed with Arabic ي/ك and without ZWNJ), as are Swahili, English, French, \
                Turkish, Russian, Chinese and the rest.
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
}

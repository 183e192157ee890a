import LuaBridge
import NewsKit

/// `toolkit.text`: Unicode-aware helpers Lua's byte patterns lack.
enum TextModule {
    static func table() -> LuaTable {
        [
            // language(s) -> code, confidence, script
            "language": .function(LuaFunction("language") { call in
                let guess = LanguageIdentifier.shared.identify(try call.string(1))
                return [LuaValue(guess.code), LuaValue(guess.confidence), LuaValue(guess.script)]
            }),
            // languages(s [, n]) -> the n likeliest, as {code =, confidence =, script =}
            "languages": .function(LuaFunction("languages") { call in
                let ranked = LanguageIdentifier.shared.ranked(try call.string(1), limit: try call.optionalInteger(2) ?? 3)
                return [.table(LuaTable(array: ranked.map {
                    .table(["code": LuaValue($0.code), "confidence": LuaValue($0.confidence), "script": LuaValue($0.script)])
                }))]
            }),
            // fold(s): the matching skeleton (case, diacritics, Arabic letter variants, digits, ZWNJ)
            "fold": .function(LuaFunction("fold") { call in [LuaValue(TextFolder.fold(try call.string(1)))] }),
        ]
    }
}

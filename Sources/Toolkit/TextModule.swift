import LuaBridge
import NewsKit

/// `toolkit.text`: Unicode-aware helpers Lua's byte patterns lack.
enum TextModule {
    static func table() -> LuaTable {
        [
            "language": .function(LuaFunction("language") { call in
                [LuaValue(ScriptGuess.language(of: try call.string(1)))]
            }),
        ]
    }
}

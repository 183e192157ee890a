import LuaBridge

/// `toolkit.args`: a script's `--set key=value`, typed by look (a plugin's own table is made by `PluginArguments`).
enum ArgsModule {
    static var field: APIField {
        APIField(
            "toolkit.args", "table<string, string|integer|number|boolean>",
            doc: """
                In a script: the `--set key=value` pairs of the command line whose key has no dot, \
                typed by one rule: `true` and `false` are booleans, a decimal integer without leading \
                zeros (`20`, `-3`) is an integer, a decimal with a fraction or exponent (`0.5`, `1e3`) \
                is a float, and anything else stays a string (`007`, `1,000`, `ten`). `tonumber` and \
                `tostring` work on all of them. In a plugin: its own table, the `args` defaults of its \
                manifest overridden by `--set plugin.key=value`, each typed as the manifest declares \
                (number, boolean, string, or list: a table of strings).
                """,
            example: """
                -- toolkit run top.lua --set top=3
                local top = toolkit.args.top or 5
                local n = 0
                for article in toolkit.articles() do
                  n = n + 1
                  if n > top then break end
                  print(n, article.title)
                end
                """
        ) { api in
            var table = LuaTable(array: [])
            for (key, value) in api.settings.sorted(by: { $0.key < $1.key }) { table[key] = typed(value) }
            return .table(table)
        }
    }

    /// The Lua value a setting's text stands for (see the field's doc for the rule).
    static func typed(_ text: String) -> LuaValue {
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        let bytes = Array(text.utf8)
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard let first = digits.first, (0x30...0x39).contains(first) else { return LuaValue(text) }
        if digits.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard first != 0x30 || digits.count == 1, let value = Int64(text) else { return LuaValue(text) }
            return .integer(value)
        }
        let leadingZero = first == 0x30 && digits.count > 1 && digits[digits.startIndex + 1] != UInt8(ascii: ".")
        let numeric = digits.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
            || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        if !leadingZero, numeric, let value = Double(text), value.isFinite { return .number(value) }
        return LuaValue(text)
    }
}

import LuaBridge

/// `toolkit.json`: JSON text to Lua values and back.
enum JSONModule {
    static var module: APIModule {
        APIModule(
            "toolkit.json",
            doc: """
                JSON (RFC 8259) to Lua values and back. A table whose keys are exactly 1 to n is an array; \
                any other table is an object (integer keys become strings); an empty table is `[]` unless \
                the `empty` option says `"object"`. JSON's `null` decodes to `toolkit.json.null` (nil \
                would end an array or drop a key) and `toolkit.json.null` encodes as `null`. Errors say \
                what and where: the key path of a value JSON cannot hold, the byte, line and column of bad text.
                """,
            functions: [encode, decode],
            fields: [null])
    }

    static var encode: APIFunction {
        APIFunction(
            "toolkit.json.encode",
            parameters: [APIParameter("value", "any", "a table, string, number, boolean or `toolkit.json.null`"),
                         .optional("options", "table", "`pretty`, `sort_keys`, `empty`", options: [
                             APIParameter("pretty", "boolean", "indent with two spaces, one member per line"),
                             APIParameter("sort_keys", "boolean", "object keys in byte order (arrays keep their order)"),
                             APIParameter("empty", "string", "`\"array\"` (default) or `\"object\"`: how an empty table is written"),
                         ])],
            returns: [APIResult("string", "json", "the JSON text")],
            doc: "Encodes a Lua value as JSON text.",
            example: """
                print(toolkit.json.encode({ name = "بوتين", ids = { 1, 2 }, meta = {} }, { sort_keys = true }))
                --> {"ids":[1,2],"meta":[],"name":"بوتين"}
                print(toolkit.json.encode({}, { empty = "object" }), toolkit.json.encode({ 1, toolkit.json.null }))
                --> {}  [1,null]
                """
        ) { binding in
            { call in
                let value = try call.value(1)
                let options = try binding.options(call, 2)
                var encoder = LuaJSONEncoder()
                encoder.pretty = try call.flag(options, "pretty")
                encoder.sortKeys = try call.flag(options, "sort_keys")
                switch try call.text(options, "empty") {
                case nil, "array": break
                case "object": encoder.emptyAsObject = true
                case let other?: throw call.failure("option 'empty' must be \"array\" or \"object\" (got \"\(other)\")")
                }
                do {
                    let bytes = try encoder.encode(value)
                    try call.reserve(bytes.count)
                    return [.string(LuaString(bytes: bytes))]
                } catch let problem as LuaJSONEncoder.Problem {
                    throw call.failure(problem.message)
                }
            }
        }
    }

    static var decode: APIFunction {
        APIFunction(
            "toolkit.json.decode",
            parameters: [APIParameter("text", "string", "JSON text")],
            returns: [APIResult("any", "value", "the decoded value")],
            doc: "Decodes JSON text into Lua values.",
            example: """
                local v = toolkit.json.decode('{"name": "Xi", "aliases": ["习近平", null], "n": 2}')
                print(v.name, v.aliases[1], v.aliases[2] == toolkit.json.null, math.type(v.n))  --> Xi  习近平  true  integer
                print(pcall(toolkit.json.decode, '{"a": 1,}'))  --> false  ...expected a string key at byte 9 (line 1, column 9)
                """
        ) { binding in
            let api = binding.api
            return { call in
                var decoder = LuaJSONDecoder(try call.bytes(1), null: try nullValue(in: api))
                do {
                    return [try decoder.decode()]
                } catch let problem as LuaJSONDecoder.Problem {
                    throw call.failure(problem.message)
                }
            }
        }
    }

    static var null: APIField {
        APIField("toolkit.json.null", "userdata",
                 doc: "What JSON's `null` decodes to; encodes as `null`. One value per run: compare with `==`.") { api in
            try JSONModule.nullValue(in: api)
        }
    }

    /// The run's one null value: a userdata made once and pushed by reference, so that every
    /// decoded null is `==` to `toolkit.json.null`.
    static func nullValue(in api: ToolkitAPI) throws -> LuaValue {
        if let made = api.jsonNull { return made }
        try api.state.register(JSONNull.luaClass)
        let made = LuaValue.reference(try api.state.reference(to: .object(JSONNull())))
        api.jsonNull = made
        return made
    }
}

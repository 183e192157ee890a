import LuaBridge

// The vocabulary every Lua function, field and record of the toolkit is declared in, once: the
// bindings installed in a run, docs/lua-api.md and the LuaLS stubs (types/toolkit.lua) all come
// from these values, so they cannot drift apart. Types are spelled as LuaLS spells them
// (`string`, `integer`, `string?`, `string[]`, `table<string, string>`, `Article`, `fun(): Article?`).

/// A parameter of a declared function. An options table declares its keys in `options`: the
/// binding refuses any other key (no silent typos) and the docs list them.
struct APIParameter: Sendable {
    var name: String
    var type: String
    var doc: String
    var optional = false
    var options: [APIParameter] = []

    init(_ name: String, _ type: String, _ doc: String, optional: Bool = false, options: [APIParameter] = []) {
        self.name = name
        self.type = type
        self.doc = doc
        self.optional = optional
        self.options = options
    }

    /// An optional parameter: `[, name]` in signatures, `name?` in LuaLS.
    static func optional(_ name: String, _ type: String, _ doc: String, options: [APIParameter] = []) -> APIParameter {
        APIParameter(name, type, doc, optional: true, options: options)
    }
}

/// One result of a declared function.
struct APIResult: Sendable {
    var type: String
    var name: String
    var doc: String

    init(_ type: String, _ name: String, _ doc: String) {
        self.type = type
        self.name = name
        self.doc = doc
    }
}

/// What a binding is made with: the run it is installed into and its own declaration (for the
/// full name and the declared option keys).
struct APIBinding {
    let api: ToolkitAPI
    let function: APIFunction
}

/// A function of the `toolkit` table, declared by its full name (`toolkit.re.find`).
struct APIFunction {
    typealias Body = (LuaCall) throws -> [LuaValue]

    var name: String
    var parameters: [APIParameter]
    var returns: [APIResult]
    /// One paragraph (Markdown); more paragraphs are separated by a blank line.
    var doc: String
    /// A script that runs as is on the sample articles (docs tests run every example).
    var example: String?
    /// Makes the Swift body for one run; called once when the run installs the API.
    var bind: (APIBinding) -> Body

    init(_ name: String, parameters: [APIParameter] = [], returns: [APIResult] = [], doc: String,
         example: String? = nil, bind: @escaping (APIBinding) -> Body)
    {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.example = example
        self.bind = bind
    }

    /// A function whose body needs nothing of the run.
    init(_ name: String, parameters: [APIParameter] = [], returns: [APIResult] = [], doc: String,
         example: String? = nil, body: @escaping Body)
    {
        self.init(name, parameters: parameters, returns: returns, doc: doc, example: example, bind: { _ in body })
    }

    /// The installed function: errors name it in full (`bad argument #1 to 'toolkit.re.find'`).
    func luaFunction(in api: ToolkitAPI) -> LuaFunction {
        LuaFunction(name, bind(APIBinding(api: api, function: self)))
    }

    /// `toolkit.re.find(s, pattern [, init])`
    var signature: String {
        var text = name + "("
        for (i, p) in parameters.enumerated() {
            if p.optional { text += i == 0 ? "[" : " [" }
            if i > 0 { text += ", " }
            text += p.name
        }
        text += String(repeating: "]", count: parameters.filter(\.optional).count)
        return text + ")"
    }
}

/// A value of the `toolkit` table that is not a function (`toolkit.version`, `toolkit.args`,
/// `toolkit.json.null`), made per run.
struct APIField {
    var name: String
    var type: String
    var doc: String
    var example: String?
    var value: (ToolkitAPI) throws -> LuaValue

    init(_ name: String, _ type: String, doc: String, example: String? = nil, value: @escaping (ToolkitAPI) throws -> LuaValue) {
        self.name = name
        self.type = type
        self.doc = doc
        self.example = example
        self.value = value
    }
}

/// One section of the reference: the functions and fields of one table of the API (`toolkit.re`),
/// or of `toolkit` itself (several sections may add to it), and the records it hands out.
struct APIModule {
    /// The table its functions and fields live in: `toolkit` (each function and field a section of
    /// its own) or `toolkit.re` (one section).
    var name: String
    var doc: String
    var functions: [APIFunction] = []
    var fields: [APIField] = []
    /// Records documented in this section (the article and the records it holds).
    var classes: [APIClassReference] = []
    /// Examples of the whole module, after its doc.
    var examples: [String] = []

    init(_ name: String, doc: String = "", functions: [APIFunction] = [], fields: [APIField] = [],
         classes: [APIClassReference] = [], examples: [String] = [])
    {
        self.name = name
        self.doc = doc
        self.functions = functions
        self.fields = fields
        self.classes = classes
        self.examples = examples
    }
}

/// A field of a record (the article, a mention, a quote, a block) and how to read it off its Swift source.
struct APIClassField<Source> {
    var name: String
    var type: String
    var doc: String
    /// Lists and tables are made once per object and kept (see `ArticleObject.cached`).
    var cached: Bool
    var get: (Source) throws -> LuaValue

    init(_ name: String, _ type: String, _ doc: String, cached: Bool = false, get: @escaping (Source) throws -> LuaValue) {
        self.name = name
        self.type = type
        self.doc = doc
        self.cached = cached
        self.get = get
    }
}

/// A method of a record, called with `:` (`article:entities("person")`); argument 1 is the object.
struct APIMethod<Source> {
    var name: String
    var parameters: [APIParameter]
    var returns: [APIResult]
    var doc: String
    var example: String?
    var body: (Source, LuaCall) throws -> [LuaValue]

    init(_ name: String, parameters: [APIParameter] = [], returns: [APIResult] = [], doc: String, example: String? = nil,
         body: @escaping (Source, LuaCall) throws -> [LuaValue])
    {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.example = example
        self.body = body
    }
}

/// A record type scripts receive: `Article` (userdata whose fields are computed on access) or a
/// plain table such as `Mention`, `Quote`, `Block`, made from a Swift value by `table(_:)`.
struct APIClass<Source> {
    var name: String
    var doc: String
    var fields: [APIClassField<Source>]
    var methods: [APIMethod<Source>] = []
    /// Prose after the field table (kinds, notes, examples in Markdown).
    var notes: String?
    var examples: [String] = []

    init(_ name: String, doc: String, fields: [APIClassField<Source>], methods: [APIMethod<Source>] = [],
         notes: String? = nil, examples: [String] = [])
    {
        self.name = name
        self.doc = doc
        self.fields = fields
        self.methods = methods
        self.notes = notes
        self.examples = examples
    }

    /// The record as a Lua table; fields that are nil are left out.
    func table(_ source: Source) throws -> LuaValue {
        var table = LuaTable(array: [])
        table.fields.reserveCapacity(fields.count)
        for field in fields {
            let value = try field.get(source)
            // The name shared, not copied: a long article's blocks are a hundred thousand records.
            if !value.isNil { table.fields.append((key: .string(LuaString(sharing: Substring(field.name))), value: value)) }
        }
        return .table(table)
    }

    /// What the generators need, without the Swift source type.
    var reference: APIClassReference {
        APIClassReference(
            name: name, doc: doc, fields: fields.map { APIClassReference.Field(name: $0.name, type: $0.type, doc: $0.doc) },
            methods: methods.map {
                APIClassReference.Method(name: $0.name, parameters: $0.parameters, returns: $0.returns, doc: $0.doc, example: $0.example)
            },
            notes: notes, examples: examples)
    }
}

/// A record's declaration as the generators and name listings see it.
struct APIClassReference {
    struct Field {
        var name: String
        var type: String
        var doc: String
    }
    struct Method {
        var name: String
        var parameters: [APIParameter]
        var returns: [APIResult]
        var doc: String
        var example: String?
    }
    var name: String
    var doc: String
    var fields: [Field]
    var methods: [Method]
    var notes: String?
    var examples: [String]
}

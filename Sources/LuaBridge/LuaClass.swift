import CLua
import CLuaShim

/// How a Swift class looks from Lua: named fields (computed on access), methods called with `:`,
/// and optional length, string form and `pairs` listing. Register it once per state with
/// `LuaState.register(_:)`; afterwards `.object(instance)` values arrive in Lua as such userdata.
/// Reading a field that does not exist is an error naming the field, so typos do not pass silently.
public struct LuaClass<Object: AnyObject> {
    public let name: String
    var fields: [(String, (Object) throws -> LuaValue)] = []
    var methods: [(String, (Object, LuaCall) throws -> [LuaValue])] = []
    var length: ((Object) -> Int)?
    var text: ((Object) -> String)?

    public init(_ name: String) { self.name = name }

    public mutating func field(_ name: String, _ get: @escaping (Object) throws -> LuaValue) {
        fields.append((name, get))
    }

    /// A method: `object:name(args...)`. The call's argument 1 is the object itself.
    public mutating func method(_ name: String, _ body: @escaping (Object, LuaCall) throws -> [LuaValue]) {
        methods.append((name, body))
    }

    public mutating func length(_ get: @escaping (Object) -> Int) { length = get }
    public mutating func description(_ get: @escaping (Object) -> String) { text = get }
}

extension LuaState {
    public func register<Object: AnyObject>(_ cls: LuaClass<Object>) throws {
        let L = self.L
        let className = "toolkit.class." + cls.name
        classNames[ObjectIdentifier(Object.self)] = className
        let typeName = cls.name
        func this(_ call: LuaCall) throws -> Object {
            try call.object(1, as: Object.self, named: typeName)
        }
        var methodValues: [String: LuaValue] = [:]
        for (name, body) in cls.methods {
            methodValues[name] = .function(LuaFunction(name) { call in try body(try this(call), call) })
        }
        let getters = Dictionary(cls.fields, uniquingKeysWith: { a, _ in a })
        let fieldNames = cls.fields.map(\.0)
        let index = LuaFunction("__index") { call in
            let object = try this(call)
            let key = try call.value(2)
            guard let name = key.stringValue else { return [.nil] }
            if let getter = getters[name] { return [try getter(object)] }
            if let method = methodValues[name] { return [method] }
            throw LuaScriptError("\(typeName) has no field '\(name)' (it has: \(fieldNames.joined(separator: ", ")))")
        }
        let pairs = LuaFunction("__pairs") { call in
            let object = try this(call)
            var entries: [(String, LuaValue)] = []
            for (name, get) in cls.fields { entries.append((name, try get(object))) }
            var position = 0
            let next = LuaFunction("next") { _ in
                while position < entries.count {
                    defer { position += 1 }
                    let (k, v) = entries[position]
                    if !v.isNil { return [LuaValue(k), v] }
                }
                return [.nil]
            }
            return [.function(next), .nil, .nil]
        }
        let text = cls.text
        let tostring = LuaFunction("__tostring") { call in
            let object = try this(call)
            return [LuaValue(text?(object) ?? typeName)]
        }
        var meta: [(String, LuaValue)] = [
            ("__index", .function(index)), ("__pairs", .function(pairs)), ("__tostring", .function(tostring)),
            ("__name", LuaValue(typeName)),
        ]
        if let length = cls.length {
            meta.append(("__len", .function(LuaFunction("__len") { call in [LuaValue(length(try this(call)))] })))
        }
        tk_boxmetatable(L, className)
        for (key, value) in meta {
            lua_pushstring(L, key)
            try push(value, on: L)
            lua_rawset(L, -3)
        }
        tk_pop(L, 1)
    }
}

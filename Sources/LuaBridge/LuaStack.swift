import CLua
import CLuaShim

extension LuaState {
    static let functionBoxName = "toolkit.function"
    static let objectBoxName = "toolkit.object"
    /// Tables nested deeper than this are refused both ways.
    public static let maximumDepth = 200

    /// Pushes a Swift value. Runs only in Swift context, where allocations cannot fail, and uses raw
    /// accesses only, so nothing here can raise a Lua error.
    func push(_ value: LuaValue, on L: OpaquePointer, depth: Int = 0) throws {
        guard depth < LuaState.maximumDepth, lua_checkstack(L, 4) != 0 else {
            throw LuaError(kind: .conversion, message: "value nested too deeply to pass to Lua")
        }
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s):
            s.withBytes { buf in buf.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) } }
        case .table(let t):
            lua_createtable(L, Int32(clamping: t.array.count), Int32(clamping: t.fields.count))
            for (i, element) in t.array.enumerated() {
                try push(element, on: L, depth: depth + 1)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
            for (key, element) in t.fields {
                if key.isNil { continue }
                if case .number(let d) = key, d.isNaN { continue }
                try push(key, on: L, depth: depth + 1)
                try push(element, on: L, depth: depth + 1)
                lua_rawset(L, -3)
            }
        case .function(let f):
            pushBox(f, className: LuaState.functionBoxName, on: L)
            tk_pushswiftclosure(L)
        case .object(let list as LuaList):
            lua_createtable(L, Int32(clamping: list.count), 0)
            for i in 0..<list.count {
                try push(try list.element(i), on: L, depth: depth + 1)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        case .object(let o):
            pushBox(o, className: classNames[ObjectIdentifier(type(of: o))] ?? LuaState.objectBoxName, on: L)
        case .reference(let r):
            guard r.state === self else {
                throw LuaError(kind: .conversion, message: "a Lua value was used with a state it does not belong to")
            }
            lua_rawgeti(L, tk_registryindex(), lua_Integer(r.ref))
        }
    }

    func pushBytes(_ bytes: [UInt8], on L: OpaquePointer) {
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    func pushBox(_ object: AnyObject, className: String, on L: OpaquePointer) {
        let box = tk_newbox(L, MemoryLayout<UnsafeRawPointer>.size, className)!
        box.storeBytes(of: UnsafeRawPointer(Unmanaged.passRetained(object).toOpaque()), as: UnsafeRawPointer.self)
    }

    /// Converts the value at a stack index to Swift. Tables are copied deeply (a table that contains
    /// itself is an error); functions, coroutines and foreign userdata become references. What the
    /// copy takes is charged to the state's memory budget (see `charge`), so a value too large to
    /// hold, or a table referenced so many times that its copy would explode, is an error instead.
    func value(at index: Int32, on L: OpaquePointer) throws -> LuaValue {
        var visiting = Set<UnsafeRawPointer>()
        let mark = heldBytes
        defer { if callbackDepth == 0 { release(to: mark) } }
        return try value(at: lua_absindex(L, index), on: L, visiting: &visiting)
    }

    /// Bytes charged for one value copied out of Lua besides its string bytes: the enum, array slot
    /// and bookkeeping, rounded up.
    static let copiedValueBytes = 32

    private func value(at index: Int32, on L: OpaquePointer, visiting: inout Set<UnsafeRawPointer>) throws -> LuaValue {
        try charge(LuaState.copiedValueBytes)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int64(lua_tointegerx(L, index, nil))) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            var length = 0
            _ = lua_tolstring(L, index, &length)
            try charge(length)
            return .string(LuaString(bytes: stringBytes(at: index, on: L)))
        case LUA_TTABLE: return .table(try table(at: index, on: L, visiting: &visiting))
        case LUA_TUSERDATA:
            if let object = swiftObject(at: index, on: L) { return .object(object) }
            return .reference(reference(at: index, on: L))
        default:
            return .reference(reference(at: index, on: L))
        }
    }

    func stringBytes(at index: Int32, on L: OpaquePointer) -> [UInt8] {
        var length = 0
        guard let p = lua_tolstring(L, index, &length) else { return [] }
        return p.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    func reference(at index: Int32, on L: OpaquePointer) -> LuaReference {
        let typeName = luaTypeName(L, lua_type(L, index))
        lua_pushvalue(L, index)
        let ref = luaL_ref(L, tk_registryindex())
        return LuaReference(state: self, ref: ref, typeName: typeName)
    }

    /// The Swift object of a box userdata made by this bridge, or nil for any other value.
    func swiftObject(at index: Int32, on L: OpaquePointer) -> AnyObject? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        lua_pushstring(L, "__toolkit_box")
        lua_rawget(L, -2)
        let isBox = lua_toboolean(L, -1) != 0
        tk_pop(L, 2)
        return isBox ? boxedObject(lua_touserdata(L, index)) : nil
    }

    private func table(at index: Int32, on L: OpaquePointer, visiting: inout Set<UnsafeRawPointer>) throws -> LuaTable {
        guard let identity = lua_topointer(L, index) else { return LuaTable(array: []) }
        guard !visiting.contains(identity) else {
            throw LuaError(kind: .conversion, message: "a table that contains itself cannot be converted")
        }
        guard visiting.count < LuaState.maximumDepth, lua_checkstack(L, 4) != 0 else {
            throw LuaError(kind: .conversion, message: "table nested more than \(LuaState.maximumDepth) levels deep")
        }
        visiting.insert(identity)
        defer { visiting.remove(identity) }
        var result = LuaTable(array: [])
        let n = Int(lua_rawlen(L, index))
        result.array.reserveCapacity(n)
        for i in 0..<n {
            lua_rawgeti(L, index, lua_Integer(i + 1))
            defer { tk_pop(L, 1) }
            let element = try value(at: lua_gettop(L), on: L, visiting: &visiting)
            if element.isNil { break }
            result.array.append(element)
        }
        let sequence = result.array.count
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            defer { tk_pop(L, 1) }
            let top = lua_gettop(L)
            if lua_isinteger(L, top - 1) != 0 {
                let k = lua_tointegerx(L, top - 1, nil)
                if k >= 1 && k <= sequence { continue }
            }
            // lua_next needs the key untouched: convert a copy so lua_tolstring cannot change its type.
            lua_pushvalue(L, top - 1)
            let key = try value(at: lua_gettop(L), on: L, visiting: &visiting)
            tk_pop(L, 1)
            let element = try value(at: top, on: L, visiting: &visiting)
            result.fields.append((key: key, value: element))
        }
        result.fields.sort { LuaState.keyOrder($0.key, $1.key) }
        return result
    }

    static func keyOrder(_ a: LuaValue, _ b: LuaValue) -> Bool {
        func rank(_ v: LuaValue) -> Int {
            switch v {
            case .string: return 0
            case .integer, .number: return 1
            case .boolean: return 2
            default: return 3
            }
        }
        let (ra, rb) = (rank(a), rank(b))
        if ra != rb { return ra < rb }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.bytes.lexicographicallyPrecedes(y.bytes)
        default:
            if let x = a.doubleValue, let y = b.doubleValue { return x < y }
            if case .boolean(let x) = a, case .boolean(let y) = b { return !x && y }
            return false
        }
    }
}

func luaTypeName(_ L: OpaquePointer, _ type: Int32) -> String {
    guard let name = lua_typename(L, type) else { return "?" }
    return String(cString: name)
}

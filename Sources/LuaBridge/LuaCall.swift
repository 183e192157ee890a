import CLua
import CLuaShim

/// The arguments of one call from Lua into a Swift function, with checked accessors whose errors
/// read like Lua's own (`bad argument #1 to 'fold' (string expected, got nil)`).
public struct LuaCall {
    public let state: LuaState
    let L: OpaquePointer
    public let function: String
    /// Number of arguments passed.
    public let count: Int

    init(state: LuaState, L: OpaquePointer, function: String, count: Int) {
        self.state = state
        self.L = L
        self.function = function
        self.count = count
    }

    public func value(_ position: Int) throws -> LuaValue {
        guard position >= 1 && position <= count else { return .nil }
        do {
            return try state.value(at: Int32(position), on: L)
        } catch let error as LuaError where error.kind == .conversion {
            throw LuaArgumentError(position: position, function: function, problem: error.message)
        }
    }

    public var values: [LuaValue] {
        get throws { try (0..<count).map { try value($0 + 1) } }
    }

    func fail(_ position: Int, _ expected: String) -> LuaArgumentError {
        let got = position <= count ? luaTypeName(L, lua_type(L, Int32(position))) : "no value"
        return LuaArgumentError(position: position, function: function, problem: "\(expected) expected, got \(got)")
    }

    private func type(_ position: Int) -> Int32 {
        position <= count ? lua_type(L, Int32(position)) : LUA_TNONE
    }

    /// A string argument, as bytes. Numbers are not accepted (scripts should say what they mean).
    public func bytes(_ position: Int) throws -> [UInt8] {
        guard type(position) == LUA_TSTRING else { throw fail(position, "string") }
        return state.stringBytes(at: Int32(position), on: L)
    }

    public func string(_ position: Int) throws -> String {
        String(decoding: try bytes(position), as: UTF8.self)
    }

    public func optionalString(_ position: Int) throws -> String? {
        let t = type(position)
        if t == LUA_TNIL || t == LUA_TNONE { return nil }
        return try string(position)
    }

    public func integer(_ position: Int) throws -> Int {
        guard type(position) == LUA_TNUMBER, let i = try value(position).intValue else {
            throw fail(position, "integer")
        }
        return Int(i)
    }

    public func optionalInteger(_ position: Int) throws -> Int? {
        let t = type(position)
        if t == LUA_TNIL || t == LUA_TNONE { return nil }
        return try integer(position)
    }

    public func number(_ position: Int) throws -> Double {
        guard type(position) == LUA_TNUMBER else { throw fail(position, "number") }
        return lua_tonumberx(L, Int32(position), nil)
    }

    public func table(_ position: Int) throws -> LuaTable {
        guard type(position) == LUA_TTABLE, case .table(let t) = try value(position) else {
            throw fail(position, "table")
        }
        return t
    }

    public func optionalTable(_ position: Int) throws -> LuaTable? {
        let t = type(position)
        if t == LUA_TNIL || t == LUA_TNONE { return nil }
        return try table(position)
    }

    public func function(_ position: Int) throws -> LuaReference {
        guard type(position) == LUA_TFUNCTION, case .reference(let r) = try value(position) else {
            throw fail(position, "function")
        }
        return r
    }

    /// The Swift object of a userdata argument of the given class.
    public func object<T: AnyObject>(_ position: Int, as: T.Type, named name: String) throws -> T {
        guard let object = state.swiftObject(at: Int32(position), on: L) as? T else { throw fail(position, name) }
        return object
    }

    /// Calls a Lua function in protected mode from inside this Swift function.
    @discardableResult
    public func call(_ function: LuaReference, _ args: [LuaValue] = []) throws -> [LuaValue] {
        try state.call(function, args, on: L)
    }

    /// `tostring(v)` as Lua's `print` makes it (honouring `__tostring`), run protected. The value is
    /// never copied into Swift, only its string form, which is charged like any copy.
    public func describe(_ position: Int) throws -> [UInt8] {
        guard position >= 1 && position <= count else { return Array("nil".utf8) }
        let status = tk_tostring(L, Int32(position))
        if status != LUA_OK { throw state.popError(L, status: status) }
        defer { tk_pop(L, 1) }
        var length = 0
        _ = lua_tolstring(L, -1, &length)
        try state.charge(length)
        return state.stringBytes(at: -1, on: L)
    }

    /// `chunk:line` of the Lua code that made this call, or nil when it came from elsewhere.
    public var location: String? {
        luaL_where(L, 1)
        defer { tk_pop(L, 1) }
        let text = String(decoding: state.stringBytes(at: -1, on: L), as: UTF8.self)
        return text.hasSuffix(": ") ? String(text.dropLast(2)) : nil
    }

    /// Charges bytes the function is about to hold (an encoded output, say) to the script's memory
    /// budget, or throws a clear error when they would pass it. Released when the function returns.
    public func reserve(_ bytes: Int) throws {
        do {
            try state.charge(bytes)
        } catch let error as LuaError {
            throw LuaScriptError("\(function): \(error.message)")
        }
    }
}

import CLua
import CLuaShim

/// Copies Lua values, functions included, from one state into another, so that work defined once
/// in one state (a script's callbacks) can run in others (one per worker thread) without running
/// the script again. Plain data is copied; a Lua function is rebuilt from its bytecode in the
/// target and its upvalues are copied the same way (upvalues shared between the copied functions
/// stay shared); functions and tables reachable from the globals of both states (`string.format`,
/// `toolkit.text.fold`, `_G` itself) are matched by their path; anything else (userdata such as
/// an article, coroutines) cannot be copied and is an error naming where it was found.
///
/// Both states must be used by the calling thread while it runs.
public final class LuaTransfer {
    let source: LuaState
    let target: LuaState
    private var copies: [UnsafeRawPointer: Int32] = [:]
    private var upvalues: [UnsafeMutableRawPointer: (function: Int32, index: Int32)] = [:]
    private lazy var sourcePaths: [UnsafeRawPointer: [String]] = LuaTransfer.paths(in: source)
    private var knownTargets: [[String]: Int32]?
    private var targetPaths: [[String]: Int32] {
        if let knownTargets { return knownTargets }
        let refs = LuaTransfer.references(in: target, paths: Array(sourcePaths.values))
        knownTargets = refs
        return refs
    }
    private var anchored: [Int32] = []

    public init(from source: LuaState, to target: LuaState) {
        self.source = source
        self.target = target
    }

    deinit {
        guard let L = target.mainThread else { return }
        for ref in anchored { luaL_unref(L, tk_registryindex(), ref) }
        for ref in copies.values { luaL_unref(L, tk_registryindex(), ref) }
        if let refs = knownTargets { for ref in refs.values { luaL_unref(L, tk_registryindex(), ref) } }
    }

    /// The copy of a value held by `reference` (which belongs to the source state).
    public func copy(_ reference: LuaReference) throws -> LuaReference {
        let (S, T) = (source.L, target.L)
        lua_rawgeti(S, tk_registryindex(), lua_Integer(reference.ref))
        defer { tk_pop(S, 1) }
        try copyTop(from: S, to: T, path: "value")
        return target.reference(at: -1, on: T, popping: true)
    }

    /// Copies every global of the source that the target lacks (a script's own functions and
    /// tables) into the target's globals. Returns their names.
    @discardableResult
    public func copyMissingGlobals() throws -> [String] {
        let (S, T) = (source.L, target.L)
        var copied: [String] = []
        lua_rawgeti(S, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua_rawgeti(T, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        defer { tk_pop(S, 1); tk_pop(T, 1) }
        lua_pushnil(S)
        while lua_next(S, -2) != 0 {
            defer { tk_pop(S, 1) }
            guard lua_type(S, -2) == LUA_TSTRING else { continue }
            let name = source.stringBytes(at: -2, on: S)
            target.pushBytes(name, on: T)
            let present = lua_rawget(T, -2) != LUA_TNIL
            tk_pop(T, 1)
            if present { continue }
            let shown = String(decoding: name, as: UTF8.self)
            target.pushBytes(name, on: T)
            try copyTop(from: S, to: T, path: shown)
            lua_rawset(T, -3)
            copied.append(shown)
        }
        return copied.sorted()
    }

    /// Pushes onto T a copy of the value on top of S.
    private func copyTop(from S: OpaquePointer, to T: OpaquePointer, path: String, depth: Int = 0) throws {
        guard depth < LuaState.maximumDepth, lua_checkstack(S, 6) != 0, lua_checkstack(T, 6) != 0 else {
            throw LuaError(kind: .conversion, message: "\(path): nested more than \(LuaState.maximumDepth) levels deep")
        }
        let valueType = lua_type(S, -1)
        switch valueType {
        case LUA_TNIL: lua_pushnil(T)
        case LUA_TBOOLEAN: lua_pushboolean(T, lua_toboolean(S, -1))
        case LUA_TNUMBER:
            if lua_isinteger(S, -1) != 0 { lua_pushinteger(T, lua_tointegerx(S, -1, nil)) } else { lua_pushnumber(T, lua_tonumberx(S, -1, nil)) }
        case LUA_TSTRING: target.pushBytes(source.stringBytes(at: -1, on: S), on: T)
        case LUA_TTABLE, LUA_TFUNCTION:
            let identity = lua_topointer(S, -1)!
            if let ref = copies[identity] {
                lua_rawgeti(T, tk_registryindex(), lua_Integer(ref))
                return
            }
            if let known = sourcePaths[identity], let ref = targetPaths[known] {
                lua_rawgeti(T, tk_registryindex(), lua_Integer(ref))
                return
            }
            if valueType == LUA_TTABLE { try copyTable(from: S, to: T, identity: identity, path: path, depth: depth) } else {
                try copyFunction(from: S, to: T, identity: identity, path: path, depth: depth)
            }
        default:
            let what = source.swiftObject(at: -1, on: S).map { "a \(String(describing: type(of: $0)))" } ?? "a \(luaTypeName(S, valueType))"
            throw LuaError(kind: .conversion, message: "\(path) is \(what), which cannot be handed to another Lua state (keep plain values: tables, strings, numbers, booleans and functions)")
        }
    }

    private func remember(_ identity: UnsafeRawPointer, on T: OpaquePointer) {
        lua_pushvalue(T, -1)
        copies[identity] = luaL_ref(T, tk_registryindex())
    }

    private func copyTable(from S: OpaquePointer, to T: OpaquePointer, identity: UnsafeRawPointer, path: String, depth: Int) throws {
        lua_createtable(T, 0, 0)
        remember(identity, on: T)
        lua_pushnil(S)
        while lua_next(S, -2) != 0 {
            let keyPath = path + "." + LuaTransfer.describeKey(S)
            lua_pushvalue(S, -2)
            try copyTop(from: S, to: T, path: keyPath, depth: depth + 1)
            tk_pop(S, 1)
            try copyTop(from: S, to: T, path: keyPath, depth: depth + 1)
            tk_pop(S, 1)
            lua_rawset(T, -3)
        }
        if lua_getmetatable(S, -1) != 0 {
            try copyTop(from: S, to: T, path: path + " (metatable)", depth: depth + 1)
            tk_pop(S, 1)
            lua_setmetatable(T, -2)
        }
    }

    private func copyFunction(from S: OpaquePointer, to T: OpaquePointer, identity: UnsafeRawPointer, path: String, depth: Int) throws {
        guard lua_iscfunction(S, -1) == 0 else {
            throw LuaError(kind: .conversion, message: "\(path) is a function of the host that is not reachable from the globals, so it cannot be handed to another Lua state")
        }
        guard tk_dump_function(S, -1) == 0 else {
            throw LuaError(kind: .conversion, message: "\(path): cannot copy the function")
        }
        let code = source.stringBytes(at: -1, on: S)
        tk_pop(S, 1)
        var ar = lua_Debug()
        lua_pushvalue(S, -1)
        _ = lua_getinfo(S, ">S", &ar)
        let chunk = withUnsafeBytes(of: ar.short_src) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let status = code.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { tk_load_dumped(T, $0.baseAddress, $0.count, "=" + chunk) }
        }
        guard status == LUA_OK else {
            tk_pop(T, 1)
            throw LuaError(kind: .conversion, message: "\(path): cannot rebuild the function in the other state")
        }
        remember(identity, on: T)
        var index: Int32 = 1
        while let name = lua_getupvalue(S, -1, index) {
            let upvalueName = String(cString: name)
            let id = lua_upvalueid(S, -2, index)
            if let id, let shared = upvalues[id] {
                tk_pop(S, 1)
                lua_rawgeti(T, tk_registryindex(), lua_Integer(shared.function))
                lua_upvaluejoin(T, -2, index, -1, shared.index)
                tk_pop(T, 1)
            } else {
                try copyTop(from: S, to: T, path: "\(path) (upvalue '\(upvalueName)')", depth: depth + 1)
                tk_pop(S, 1)
                _ = lua_setupvalue(T, -2, index)
                if let id {
                    lua_pushvalue(T, -1)
                    let ref = luaL_ref(T, tk_registryindex())
                    anchored.append(ref)
                    upvalues[id] = (ref, index)
                }
            }
            index += 1
        }
    }

    private static func describeKey(_ S: OpaquePointer) -> String {
        switch lua_type(S, -2) {
        case LUA_TSTRING:
            var length = 0
            let p = lua_tolstring(S, -2, &length)!
            return String(decoding: UnsafeRawBufferPointer(start: p, count: min(length, 60)), as: UTF8.self)
        case LUA_TNUMBER: return lua_isinteger(S, -2) != 0 ? "[\(lua_tointegerx(S, -2, nil))]" : "[\(lua_tonumberx(S, -2, nil))]"
        default: return "[\(luaTypeName(S, lua_type(S, -2)))]"
        }
    }

    /// Identity -> path of the tables and functions reachable from the globals, three levels deep
    /// (`_G`, `string`, `string.format`, `toolkit.text.fold`).
    private static func paths(in state: LuaState) -> [UnsafeRawPointer: [String]] {
        let L = state.L
        var found: [UnsafeRawPointer: [String]] = [:]
        func walk(_ path: [String], depth: Int) {
            guard let identity = lua_topointer(L, -1), found[identity] == nil || path.count < found[identity]!.count else { return }
            found[identity] = path
            guard depth < 3, lua_type(L, -1) == LUA_TTABLE, lua_checkstack(L, 4) != 0 else { return }
            lua_pushnil(L)
            while lua_next(L, -2) != 0 {
                if lua_type(L, -2) == LUA_TSTRING, [LUA_TTABLE, LUA_TFUNCTION].contains(lua_type(L, -1)) {
                    walk(path + [String(decoding: state.stringBytes(at: -2, on: L), as: UTF8.self)], depth: depth + 1)
                }
                tk_pop(L, 1)
            }
        }
        lua_rawgeti(L, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        walk([], depth: 0)
        tk_pop(L, 1)
        return found
    }

    /// Registry references to the values at the given paths in a state, for those it has.
    private static func references(in state: LuaState, paths: [[String]]) -> [[String]: Int32] {
        let L = state.L
        var refs: [[String]: Int32] = [:]
        for path in paths {
            lua_rawgeti(L, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
            var ok = true
            for part in path {
                guard lua_type(L, -1) == LUA_TTABLE else { ok = false; break }
                state.pushBytes(Array(part.utf8), on: L)
                lua_rawget(L, -2)
                lua_rotate(L, -2, -1)
                tk_pop(L, 1)
            }
            if ok && lua_type(L, -1) > LUA_TNIL { refs[path] = luaL_ref(L, tk_registryindex()) } else { tk_pop(L, 1) }
        }
        return refs
    }
}

extension LuaState {
    /// A reference to the value at `index`, popping it when asked.
    func reference(at index: Int32, on L: OpaquePointer, popping: Bool) -> LuaReference {
        let ref = reference(at: index, on: L)
        if popping { tk_pop(L, 1) }
        return ref
    }
}

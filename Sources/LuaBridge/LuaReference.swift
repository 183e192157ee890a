import CLuaShim

/// A Lua value kept alive in the registry of its state: a function, coroutine or foreign userdata.
/// Belongs to the state's thread, like the state itself.
public final class LuaReference {
    weak var state: LuaState?
    let ref: Int32
    public let typeName: String

    init(state: LuaState, ref: Int32, typeName: String) {
        self.state = state
        self.ref = ref
        self.typeName = typeName
    }

    deinit {
        if let state, let L = state.mainThread {
            luaL_unref(L, tk_registryindex(), ref)
        }
    }
}

extension LuaState {
    /// A reference to a value pushed once: every later push of the reference is the same Lua value
    /// (one identity for `==` and table keys), where pushing `.object(x)` again makes a new userdata.
    public func reference(to value: LuaValue) throws -> LuaReference {
        let L = self.L
        try push(value, on: L)
        let made = reference(at: -1, on: L)
        tk_pop(L, 1)
        return made
    }
}

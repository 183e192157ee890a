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

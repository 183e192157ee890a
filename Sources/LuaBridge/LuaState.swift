import CLua
import CLuaShim

/// One Lua 5.4 state with only the safe standard libraries, optional resource limits, and Swift
/// functions and objects callable from it. A state belongs to one thread at a time: it is not
/// `Sendable`, so Swift's checker keeps it where it was made.
public final class LuaState {
    private(set) var mainThread: OpaquePointer?
    let budget: UnsafeMutablePointer<tk_budget>
    var classNames: [ObjectIdentifier: String] = [:]
    var methodTables: [String: [String: LuaValue]] = [:]

    /// Bytes copied out of Lua that Swift holds during the current callback, charged to the budget.
    public internal(set) var heldBytes = 0
    /// Swift callbacks under way on this state (copies made inside one are released when it returns).
    var callbackDepth = 0
    /// The limits the state was made with, re-armed by `rearm()`.
    public private(set) var limits: LuaLimits

    public init(limits: LuaLimits = .unlimited) throws {
        LuaState.installCallbacks
        self.limits = limits
        budget = .allocate(capacity: 1)
        budget.initialize(to: tk_budget())
        budget.pointee.swift_depth = 1
        guard let L = tk_newstate(budget) else {
            budget.deallocate()
            throw LuaError(kind: .memory, message: "cannot create a Lua state: out of memory")
        }
        mainThread = L
        tk_extraspace(L).pointee = Unmanaged.passUnretained(self).toOpaque()
        LuaWatchdog.shared.watch(budget)
        let status = tk_open_safe_libs(L)
        if status != LUA_OK {
            throw popError(L, status: status)
        }
        rearm()
    }

    deinit {
        close()
        LuaWatchdog.shared.forget(budget)
        budget.deallocate()
    }

    /// Seconds that finalizers still pending at `close()` may take at most (they run outside the hook).
    public static let closingSeconds = 5.0

    /// Closes the state: pending `__gc` finalizers run (under the watchdog, for at most
    /// `closingSeconds` or the time left), and no Swift function can be called from them. Further
    /// use of the state is an error. Called by `deinit` if not before.
    public func close() {
        guard let L = mainThread else { return }
        let now = tk_monotonic_seconds()
        let deadline = budget.pointee.deadline
        let left = deadline > 0 ? max(0, deadline - now) : LuaState.closingSeconds
        setSliceMessage("finalizers (__gc) still running when the script ended")
        // Only the closing slice remains, so a finalizer that loops is named as such even when the
        // run's own deadline has passed already (a loaded machine, a script that used its time).
        tk_set_deadlines(budget, 0, now + min(left, LuaState.closingSeconds))
        budget.pointee.swift_depth = 0
        tk_close(L, budget)
        mainThread = nil
    }

    /// Whether `close()` was called.
    public var isClosed: Bool { mainThread == nil }

    var L: OpaquePointer {
        guard let L = mainThread else { preconditionFailure("LuaState used after close()") }
        return L
    }

    /// Bytes currently allocated by the state, with what Swift holds of its values.
    public var memoryUsed: Int { Int(budget.pointee.bytes_used) }

    /// Asks a running script to stop at its next instruction-count check with an "interrupted"
    /// error. Safe from any thread (it stores two atomics that the hook and the watchdog poll); if
    /// the script is where the hook cannot reach, the watchdog ends it `LuaWatchdog.grace` later.
    public func interrupt() { tk_set_interrupt(budget, tk_monotonic_seconds()) }

    /// Forgets an interrupt, for a host that handles one and goes on with the same state (a prompt
    /// that stops one line on Ctrl-C and keeps its session). Call `rearm()` too: the stop the
    /// interrupt caused is final until then.
    public func clearInterrupt() { tk_clear_interrupt(budget) }

    // MARK: Running code

    /// Compiles and runs a chunk of Lua text (bytecode is refused) and returns its results.
    /// `chunkName` is how errors name it: pass `@people.lua` for a file, `=name` for anything else.
    @discardableResult
    public func run(_ code: [UInt8], chunkName: String) throws -> [LuaValue] {
        let L = self.L
        let base = lua_gettop(L)
        let status = code.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                tk_loadtext(L, $0, buf.count, chunkName)
            }
        }
        if status != LUA_OK { throw popError(L, status: status) }
        return try callTop(L, base: base, nargs: 0)
    }

    @discardableResult
    public func run(_ code: String, chunkName: String = "=chunk") throws -> [LuaValue] {
        var bytes = Array(code.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        return try run(bytes, chunkName: chunkName)
    }

    /// Calls a Lua function held by a reference, in protected mode.
    @discardableResult
    public func call(_ function: LuaReference, _ args: [LuaValue] = []) throws -> [LuaValue] {
        try call(function, args, on: L)
    }

    @discardableResult
    func call(_ function: LuaReference, _ args: [LuaValue], on L: OpaquePointer) throws -> [LuaValue] {
        guard function.state === self else {
            throw LuaError(kind: .conversion, message: "a Lua value was used with a state it does not belong to")
        }
        let base = lua_gettop(L)
        lua_rawgeti(L, tk_registryindex(), lua_Integer(function.ref))
        for arg in args { try push(arg, on: L) }
        return try callTop(L, base: base, nargs: Int32(args.count))
    }

    /// Calls a Lua function and keeps its first result in Lua (as a reference) instead of copying
    /// it into Swift: for values that stay in Lua between calls, like a report's state.
    public func callKeepingResult(_ function: LuaReference, _ args: [LuaValue] = []) throws -> LuaReference? {
        guard function.state === self else {
            throw LuaError(kind: .conversion, message: "a Lua value was used with a state it does not belong to")
        }
        let L = self.L
        let base = lua_gettop(L)
        lua_rawgeti(L, tk_registryindex(), lua_Integer(function.ref))
        for arg in args { try push(arg, on: L) }
        let status = tk_pcall(L, Int32(args.count), 1)
        if status != LUA_OK { throw popError(L, status: status) }
        defer { lua_settop(L, base) }
        return lua_type(L, -1) == LUA_TNIL ? nil : reference(at: -1, on: L)
    }

    /// The value a reference holds, copied into Swift.
    public func value(of reference: LuaReference) throws -> LuaValue {
        let L = self.L
        lua_rawgeti(L, tk_registryindex(), lua_Integer(reference.ref))
        defer { tk_pop(L, 1) }
        return try value(at: -1, on: L)
    }

    /// Calls a global function by name.
    @discardableResult
    public func call(global name: String, _ args: [LuaValue] = []) throws -> [LuaValue] {
        guard case .reference(let fn) = global(name) else {
            throw LuaError(kind: .runtime, message: "no global function '\(name)'")
        }
        return try call(fn, args)
    }

    private func callTop(_ L: OpaquePointer, base: Int32, nargs: Int32) throws -> [LuaValue] {
        let status = tk_pcall(L, nargs, LUA_MULTRET)
        if status != LUA_OK { throw popError(L, status: status) }
        let mark = heldBytes
        defer {
            lua_settop(L, base)
            if callbackDepth == 0 { release(to: mark) }
        }
        let top = lua_gettop(L)
        guard top > base else { return [] }
        return try (base + 1...top).map { try value(at: $0, on: L) }
    }

    func popError(_ L: OpaquePointer, status: Int32) -> LuaError {
        var (message, traceback) = ("(no message)", "")
        var length = 0
        if let start = lua_tolstring(L, -1, &length) {
            (message, traceback) = Self.splitError(UnsafeBufferPointer(start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self), count: length))
        }
        lua_settop(L, -2)
        let kind: LuaError.Kind
        switch (status, budget.pointee.stop_reason) {
        case (LUA_ERRSYNTAX, _): kind = .syntax
        case (LUA_ERRMEM, _), (_, Int32(TK_STOP_MEMORY)): kind = .memory
        case (_, Int32(TK_STOP_INSTRUCTIONS)): kind = .instructionLimit
        case (_, Int32(TK_STOP_TIME)), (_, Int32(TK_STOP_SLICE_TIME)): kind = .timeLimit
        case (_, Int32(TK_STOP_INTERRUPT)): kind = .interrupted
        default: kind = .runtime
        }
        if status == LUA_ERRMEM && !message.contains("memory limit") {
            message = "not enough memory (the script passed its memory limit; raise it with --max-memory)"
        }
        // Every stop stays set until the host re-arms the budget: a script that catches it cannot go on.
        if kind == .memory && budget.pointee.stop_reason == Int32(TK_STOP_NONE) {
            budget.pointee.stop_reason = Int32(TK_STOP_MEMORY)
        }
        return LuaError(kind: kind, message: message, traceback: traceback)
    }

    /// Longest error message kept, in bytes: a script can raise a message of any size, and a user is
    /// owed one readable line, not megabytes on stderr.
    static let errorMessageLimit = 4096

    /// The message and Lua's traceback (which our message handler appends after
    /// "\nstack traceback:"), the message cut at `errorMessageLimit` on a character boundary.
    static func splitError(_ bytes: UnsafeBufferPointer<UInt8>) -> (message: String, traceback: String) {
        let marker = Array("\nstack traceback:".utf8)
        var end = bytes.count
        var traceback = ""
        if bytes.count >= marker.count {
            // The traceback comes last; search back from the end so a huge message costs one pass.
            var at = bytes.count - marker.count
            while at >= 0 {
                if bytes[at] == marker[0], (1..<marker.count).allSatisfy({ bytes[at + $0] == marker[$0] }) {
                    end = at
                    traceback = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)...]), as: UTF8.self)
                    break
                }
                at -= 1
            }
        }
        guard end > errorMessageLimit else {
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self), traceback)
        }
        var cut = errorMessageLimit
        while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a UTF-8 sequence
        let kept = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
        return (kept + "… (error message cut: \(end) bytes in all)", traceback)
    }

    // MARK: Globals

    /// Sets a global without running any metamethod a script may have put on `_G`.
    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        let L = self.L
        lua_rawgeti(L, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua_pushstring(L, name)
        try push(value, on: L)
        lua_rawset(L, -3)
        tk_pop(L, 1)
    }

    public func global(_ name: String) -> LuaValue {
        let L = self.L
        lua_rawgeti(L, tk_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        defer { tk_pop(L, 2) }
        return (try? value(at: -1, on: L)) ?? .nil
    }

    /// Runs a full garbage collection cycle (finalizers of collected userdata run).
    public func collectGarbage() {
        budget.pointee.swift_depth = 0
        tk_gc_collect(L)
        budget.pointee.swift_depth = 1
    }

    // MARK: Callback plumbing

    static let installCallbacks: Void = {
        tk_set_callbacks(dispatchSwiftFunction, releaseBox)
    }()

    static func state(of L: OpaquePointer) -> LuaState {
        Unmanaged<LuaState>.fromOpaque(tk_extraspace(L).pointee!).takeUnretainedValue()
    }
}

/// The box of a Swift object in Lua: a userdata block holding one retained pointer.
func boxedObject(_ box: UnsafeMutableRawPointer?) -> AnyObject? {
    guard let box, let raw = box.load(as: UnsafeRawPointer?.self) else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue()
}

private func releaseBox(_ box: UnsafeMutableRawPointer?) {
    guard let box, let raw = box.load(as: UnsafeRawPointer?.self) else { return }
    box.storeBytes(of: nil, as: UnsafeRawPointer?.self)
    Unmanaged<AnyObject>.fromOpaque(raw).release()
}

private func dispatchSwiftFunction(_ L: OpaquePointer?, _ box: UnsafeMutableRawPointer?) -> Int32 {
    guard let L else { return Int32(TK_RAISE_WITH_WHERE) }
    let state = LuaState.state(of: L)
    guard let function = boxedObject(box) as? LuaFunction else {
        lua_pushstring(L, "toolkit: a Swift function was called after it was released")
        return Int32(TK_RAISE_WITH_WHERE)
    }
    let call = LuaCall(state: state, L: L, function: function.name, count: Int(lua_gettop(L)))
    let mark = state.heldBytes
    state.callbackDepth += 1
    defer {
        state.callbackDepth -= 1
        state.release(to: mark)
    }
    do {
        let results = try function.body(call)
        guard lua_checkstack(L, Int32(results.count) + 4) != 0 else {
            lua_pushstring(L, "too many results from '\(function.name)'")
            return Int32(TK_RAISE_WITH_WHERE)
        }
        for value in results { try state.push(value, on: L) }
        return Int32(results.count)
    } catch let error as LuaError where error.kind == .conversion {
        lua_pushstring(L, "\(function.name): \(error.message)")
        return Int32(TK_RAISE_WITH_WHERE)
    } catch let error as LuaError {
        // Already located where it happened (a Lua function called back from Swift).
        lua_pushstring(L, error.message)
        return Int32(TK_RAISE_AS_IS)
    } catch {
        lua_pushstring(L, String(describing: error))
        return Int32(TK_RAISE_WITH_WHERE)
    }
}

import CLuaShim
import Foundation

/// What the watchdog found: a script that passed its time limit (or was interrupted) and did not
/// stop, because it runs where the limit hook is never called: inside a `__gc` finalizer (Lua turns
/// hooks off there), a long C library call (a backtracking string pattern) or Swift code.
public struct LuaRunaway: Sendable, CustomStringConvertible {
    public enum Reason: Sendable { case timeLimit, instructionLimit, interrupted }
    public var reason: Reason
    /// The limit's own message, as a script stopped by the hook would have got it.
    public var limit: String
    /// `chunk:line` where the limit hook last saw the script, when it saw it at all.
    public var lastSeen: String?

    public var description: String {
        let within = reason == .instructionLimit ? "" : " within \(Int(LuaWatchdog.grace)) s"
        var text = "\(limit); the script did not stop\(within) because it was in code the limit hook cannot reach (a __gc finalizer, or a long C library call such as a backtracking string pattern), so it was ended"
        if let lastSeen { text += " (last seen at \(lastSeen))" }
        return text
    }
}

/// One thread that watches every Lua state: a script that is past its deadline (or was
/// interrupted) by more than `grace` seconds and still running cannot be stopped from inside the
/// process, so the runaway handler ends the process. The handler is the host's: the toolkit's
/// flushes output and removes temporary files first. Hosts that must survive a hostile script run
/// it in a child process.
public final class LuaWatchdog: @unchecked Sendable {
    public static let shared = LuaWatchdog()
    /// Seconds past a deadline or an interrupt before the watchdog acts.
    public static let grace = 2.0
    /// With an instruction limit, seconds that Lua code may run without the count hook firing once
    /// (in a finalizer or a C library call, where instructions cannot be counted) before that
    /// counts as passing the limit. Far more than any ordinary C call takes.
    public static let uncountedSeconds = 5.0
    static let period: UInt32 = 100_000 // microseconds between checks

    private let lock = NSLock()
    private var budgets: [UnsafeMutablePointer<tk_budget>] = []
    private var handler: @Sendable (LuaRunaway) -> Void = LuaWatchdog.defaultHandler
    private var started = false

    /// Sets what happens to a runaway script. The handler runs on the watchdog's thread and must
    /// end the process (if it returns, the process exits with status 1).
    public func onRunaway(_ handler: @escaping @Sendable (LuaRunaway) -> Void) {
        lock.lock()
        self.handler = handler
        lock.unlock()
    }

    static let defaultHandler: @Sendable (LuaRunaway) -> Void = { runaway in
        FileHandle.standardError.write(Data("lua: \(runaway)\n".utf8))
    }

    func watch(_ budget: UnsafeMutablePointer<tk_budget>) {
        lock.lock()
        budgets.append(budget)
        if !started {
            started = true
            let thread = Thread { [self] in loop() }
            thread.name = "lua.watchdog"
            thread.start()
        }
        lock.unlock()
    }

    /// Called before the budget is freed: the watchdog reads budgets under the same lock.
    func forget(_ budget: UnsafeMutablePointer<tk_budget>) {
        lock.lock()
        budgets.removeAll { $0 == budget }
        lock.unlock()
    }

    private func loop() {
        while true {
            usleep(LuaWatchdog.period)
            if let runaway = check(now: tk_monotonic_seconds()) {
                lock.lock()
                let handler = self.handler
                lock.unlock()
                handler(runaway)
                _exit(1)
            }
        }
    }

    private func check(now: Double) -> LuaRunaway? {
        lock.lock()
        defer { lock.unlock() }
        for budget in budgets {
            let w = tk_watch_read(budget)
            guard w.active > 0 else { continue }
            if w.interrupt != 0 && now > w.interrupt_at + LuaWatchdog.grace {
                return LuaRunaway(reason: .interrupted, limit: "script interrupted", lastSeen: lastSeen(budget))
            }
            if w.counting != 0 && w.in_swift == 0 && w.closing == 0 && now > w.last_hook + LuaWatchdog.uncountedSeconds {
                let limit = "instruction limit exceeded (raise it with --max-instructions): \(Int(LuaWatchdog.uncountedSeconds)) s ran where instructions cannot be counted"
                return LuaRunaway(reason: .instructionLimit, limit: limit, lastSeen: lastSeen(budget))
            }
            if w.deadline > 0 && now > w.deadline + LuaWatchdog.grace {
                let limit = w.slice != 0 ? sliceMessage(budget) : "time limit exceeded (raise it with --timeout)"
                return LuaRunaway(reason: .timeLimit, limit: limit, lastSeen: lastSeen(budget))
            }
        }
        return nil
    }

    private func lastSeen(_ budget: UnsafeMutablePointer<tk_budget>) -> String? {
        let line = budget.pointee.last_line
        let source = withUnsafeBytes(of: budget.pointee.last_source) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return source.isEmpty || line <= 0 ? nil : "\(source):\(line)"
    }

    private func sliceMessage(_ budget: UnsafeMutablePointer<tk_budget>) -> String {
        withUnsafeBytes(of: budget.pointee.slice_message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

import Foundation
import LuaBridge

/// Ends a run cleanly when the user asks (SIGINT, SIGTERM) or when a script cannot be stopped from
/// inside (the Lua watchdog found it past its limit in a finalizer or a C call). The running
/// script gets an "interrupted" error and the run unwinds as after any error: finished outputs stay
/// whole, standard output is flushed, one line says what happened, exit 130 or 143. If it does not
/// unwind within the watchdog's grace (the script is where the hook cannot reach, or Swift code is
/// busy), the process is ended by force, after the same flushing and with temporary files removed.
public enum ProcessGuard {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var states: [ObjectIdentifier: LuaState] = [:]
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var received: Int32?
    nonisolated(unsafe) private static var sessionInterrupt: (@Sendable () -> Void)?

    /// Installs the signal handlers and the watchdog's handler. The CLI calls this once at start;
    /// an embedding program that handles signals itself need not.
    public static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { handle(signalNumber) }
            source.resume()
            sources.append(source)
        }
        LuaWatchdog.shared.onRunaway { runaway in
            let code: Int32 = runaway.reason == .interrupted ? 128 + (signalReceived ?? SIGINT) : 1
            end(code: code, message: "toolkit: \(runaway)")
        }
    }

    /// The signal that interrupted the run, if one did.
    public static var signalReceived: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// A Lua state that a signal should interrupt while it runs.
    static func running(_ state: LuaState) {
        lock.lock()
        states[ObjectIdentifier(state)] = state
        lock.unlock()
    }

    static func finished(_ state: LuaState) {
        lock.lock()
        states[ObjectIdentifier(state)] = nil
        lock.unlock()
    }

    /// An interactive session (`toolkit lua`) takes SIGINT itself: Ctrl-C stops the line that runs,
    /// not the session. nil gives SIGINT back to the run; SIGTERM always ends it.
    static func takeInterrupts(_ handler: (@Sendable () -> Void)?) {
        lock.lock()
        sessionInterrupt = handler
        lock.unlock()
    }

    public static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(number)"
        }
    }

    private static func handle(_ signalNumber: Int32) {
        lock.lock()
        if signalNumber == SIGINT, let session = sessionInterrupt {
            lock.unlock()
            session()
            return
        }
        let second = received != nil
        if !second { received = signalNumber }
        let running = Array(states.values)
        lock.unlock()
        let line = "toolkit: interrupted (\(signalName(signalNumber)))"
        if second || running.isEmpty {
            end(code: 128 + signalNumber, message: second ? line + "; stopped at once on the second signal" : line)
        }
        for state in running { state.interrupt() }
        // The script unwinds on its own at its next instruction; if it cannot, end it.
        DispatchQueue.global().asyncAfter(deadline: .now() + LuaWatchdog.grace + 0.5) {
            end(code: 128 + signalNumber, message: line + "; the script did not stop within \(Int(LuaWatchdog.grace)) s, so it was ended")
        }
    }

    /// Flushes standard output, removes temporary files, says what happened and exits at once.
    static func end(code: Int32, message: String) -> Never {
        Console.flushStandardOutputIfFree()
        TemporaryFiles.shared.removeAll()
        FileHandle.standardError.write(Data((message + "\n").utf8))
        _exit(code)
    }
}

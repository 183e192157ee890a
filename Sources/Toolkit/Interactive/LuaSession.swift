import Foundation
import LuaBridge

/// A piece of Lua code to run: `-e CODE`, a script file, or standard input.
public struct LuaChunk: Sendable, Equatable {
    public var code: [UInt8]
    /// How errors name it: `@people.lua` for a file, `=(command line)` or `=stdin` otherwise.
    public var name: String

    public init(code: [UInt8], name: String) {
        self.code = code
        self.name = name
    }
}

/// `toolkit lua`: runs chunks like a script (same sandbox, limits, plugins, corpus, outputs and
/// reports as `toolkit run`), then, when asked, a prompt in the same state.
public enum LuaSession {
    /// Runs `chunks` in order, then the prompt if `interactive`. The prompt reads the terminal on
    /// standard input; each line runs with the run's limits counted afresh, and Ctrl-C stops the
    /// line that runs, not the session.
    public static func run(options: RunOptions, chunks: [LuaChunk], interactive: Bool,
                           console: Console = .standard) throws -> RunSummary
    {
        let runner = ScriptRunner(options: options, console: console)
        runner.body = { lua, _ in
            for chunk in chunks { try lua.run(chunk.code, chunkName: chunk.name) }
            guard interactive else { return }
            let output: Int32 = isatty(1) == 1 ? 1 : 2
            let editor = LineEditor(input: 0, output: output, history: LineHistory(file: LineHistory.defaultFile))
            let corpus = options.corpus.isEmpty ? "the bundled sample articles" : options.corpus.joined(separator: " ")
            console.err("toolkit \(ToolkitVersion.current), Lua 5.4: toolkit.articles() reads \(corpus); Ctrl-D leaves, Ctrl-C cancels")
            try LuaPrompt(state: lua, console: console, lines: editor).run()
        }
        return try runner.run()
    }
}

/// The read-eval-print loop over one state: a line that is an expression is printed (`1+1` and
/// `=1+1` print 2, as in Lua's own prompt), an unfinished chunk asks for more lines, an error is
/// printed and the session goes on.
final class LuaPrompt {
    let state: LuaState
    let console: Console
    let lines: LineSource
    private let compile: LuaReference
    private let show: LuaReference
    private let guardian: ChunkInterrupter

    init(state: LuaState, console: Console, lines: LineSource) throws {
        self.state = state
        self.console = console
        self.lines = lines
        guardian = ChunkInterrupter(state: state)
        // The helpers hold their own references to load, print and table.pack, so a line that
        // replaces those globals does not break the prompt.
        let helpers = try state.run("""
            local load, pack, unpack, print = load, table.pack, table.unpack, print
            local function compile(source, expression)
              if expression then
                local f = load("return " .. source, "=stdin", "t")
                if f then return f end
              end
              return load(source, "=stdin", "t")
            end
            local function show(f)
              local results = pack(f())
              if results.n > 0 then print(unpack(results, 1, results.n)) end
            end
            return compile, show
            """, chunkName: "=prompt")
        guard helpers.count == 2, case .reference(let compile) = helpers[0], case .reference(let show) = helpers[1] else {
            throw LuaError(kind: .runtime, message: "the prompt could not start")
        }
        self.compile = compile
        self.show = show
    }

    enum Compiled {
        case function(LuaReference)
        case incomplete
        case error(String)
    }

    func run() throws {
        let interrupter = guardian
        ProcessGuard.takeInterrupts { interrupter.interrupt() }
        defer { ProcessGuard.takeInterrupts(nil) }
        var pending: [String] = []
        while true {
            Console.flushStandardOutput()
            switch lines.read(prompt: pending.isEmpty ? "> " : ">> ") {
            case .end:
                return
            case .cancel:
                pending = []
            case .line(let line):
                pending.append(line)
                switch try compiled(pending) {
                case .incomplete:
                    continue
                case .error(let message):
                    console.err(message)
                case .function(let function):
                    try execute(function)
                }
                pending = []
            }
        }
    }

    /// Lua's prompt rules: on the first line, `=x` means `return x` and an expression is tried as
    /// `return line` first; a syntax error at `<eof>` means the chunk goes on.
    func compiled(_ lines: [String]) throws -> Compiled {
        var source = lines.joined(separator: "\n")
        if lines.count == 1, source.hasPrefix("=") { source = "return " + source.dropFirst() }
        let result = try state.call(compile, [.string(LuaString(source)), .boolean(lines.count == 1)])
        if case .reference(let function)? = result.first { return .function(function) }
        let message = result.count > 1 ? result[1].stringValue ?? "syntax error" : "syntax error"
        return message.hasSuffix("<eof>") ? .incomplete : .error(message)
    }

    /// Runs one chunk with a fresh budget; errors and limits end the chunk only. A SIGTERM (or an
    /// interrupt from outside the prompt) ends the session as it ends a script.
    func execute(_ function: LuaReference) throws {
        state.rearm()
        guardian.begin()
        defer {
            guardian.end()
            state.rearm()
            Console.flushStandardOutput()
        }
        do {
            try state.call(show, [.reference(function)])
        } catch let error as LuaError where error.kind != .interrupted {
            console.err(error.message)
        } catch let error as LuaError where guardian.stoppedByUser {
            let place = error.location.map { "\($0.chunk):\($0.line): " } ?? ""
            console.err(place + ChunkInterrupter.message)
        }
    }
}

/// Stops the chunk that runs at the prompt when Ctrl-C is pressed, and keeps the state usable:
/// the state is interrupted like a script (the hook raises at its next check, `pcall` cannot catch
/// it, a chunk stuck where the hook cannot reach is ended by the watchdog), and the interrupt is
/// forgotten and the budget re-armed before the next chunk.
final class ChunkInterrupter: @unchecked Sendable {
    private let lock = NSLock()
    private let state: LuaState
    private var running = false
    private var stopped = false
    static let message = "interrupted (Ctrl-C)"

    init(state: LuaState) { self.state = state }

    /// Whether the chunk that ran last was stopped by Ctrl-C at the prompt (not by SIGTERM).
    var stoppedByUser: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func begin() {
        lock.lock()
        running = true
        stopped = false
        lock.unlock()
    }

    func end() {
        lock.lock()
        running = false
        if stopped { state.clearInterrupt() }
        lock.unlock()
    }

    /// From the signal handler's queue; `LuaState.interrupt()` is safe from any thread.
    func interrupt() {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return }
        stopped = true
        state.interrupt()
    }
}

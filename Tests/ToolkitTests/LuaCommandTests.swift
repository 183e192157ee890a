import Foundation
import XCTest

/// `toolkit lua`: one-liners and files run like scripts, piped code runs as one chunk, and the
/// prompt, driven through a pseudo-terminal, prints expressions, continues unfinished chunks,
/// survives errors and Ctrl-C, recalls history and ends on Ctrl-D.
final class LuaCommandTests: ToolkitProcessTestCase {
    func testOneLinersRunInOrderOverTheCorpus() throws {
        let two = try toolkit(["lua", "-e", "x = 1", "-e", "print(x + 1)"])
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(two.stdout, "2\n")

        let langs = try toolkit(["lua", "-e", "for a in toolkit.articles() do print(a.lang) end", "seeds/"])
        XCTAssertEqual(langs.status, 0, langs.stderr)
        XCTAssertEqual(langs.stdout.split(separator: "\n").sorted(), ["ar", "ar", "fa", "sw", "sw"])
    }

    func testAScriptFileRunsAfterTheOneLinersWithOutputsInOut() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("count.lua")
        try write("""
            local n = 0
            for _ in toolkit.articles() do n = n + 1 end
            print(prefix, n)
            toolkit.write.csv("n.csv", { { n } })
            """, to: script)
        let out = folder.appendingPathComponent("results")
        let result = try toolkit(["lua", "-e", "prefix = 'articles'", script.path, "seeds/", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "articles\t5\n")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("n.csv"), encoding: .utf8), "5\r\n")
    }

    func testErrorsAndLimitsAreThoseOfAScript() throws {
        let error = try toolkit(["lua", "-e", "local t = nil\nprint(t.x)"])
        XCTAssertEqual(error.status, 1)
        XCTAssertTrue(error.stderr.contains("toolkit: (command line):2: attempt to index a nil value"), error.stderr)

        let runaway = try toolkit(["lua", "-e", "while true do end", "--max-instructions", "1000000"])
        XCTAssertEqual(runaway.status, 1)
        XCTAssertTrue(runaway.stderr.contains("instruction limit exceeded"), runaway.stderr)

        let sandbox = try toolkit(["lua", "-e", "print(io, os, debug, require)"])
        XCTAssertEqual(sandbox.stdout, "nil\tnil\tnil\tnil\n", sandbox.stderr)

        let missing = try toolkit(["lua", "no-such-script.lua"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-script.lua: cannot read the script"), missing.stderr)
    }

    func testPipedStandardInputIsOneChunk() throws {
        let result = try toolkit(["lua", "seeds/"], stdin: "local n = 0\nfor _ in toolkit.articles() do n = n + 1 end\nprint(n, 1 + 1)\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "5\t2\n")

        let failing = try toolkit(["lua"], stdin: "print('before')\nerror('boom')\n")
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.stdout, "before\n")
        XCTAssertTrue(failing.stderr.contains("toolkit: stdin:2: boom"), failing.stderr)

        let both = try toolkit(["lua", "-"], stdin: "x")
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("standard input (-) is the corpus"), both.stderr)

        let prompt = try toolkit(["lua", "-i", "-e", "print(1)"], stdin: "")
        XCTAssertEqual(prompt.status, 2)
        XCTAssertTrue(prompt.stderr.contains("-i needs a terminal"), prompt.stderr)
    }

    func testHelpHasExamples() throws {
        let help = try toolkit(["lua", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("toolkit lua -e 'for a in toolkit.articles() do print(a.title) end' seeds/"), help.stdout)
    }

    // MARK: The prompt, through a pseudo-terminal

    func testThePromptEvaluatesEditsRecallsAndSurvives() throws {
        let state = try temporaryFolder()
        let session = try Terminal(binary: binary, arguments: ["lua", "seeds/"], folder: Self.repo, state: state)
        defer { session.stop() }
        try session.expect("Ctrl-D leaves")
        try session.expect("> ")

        session.type("1+1\r")
        try session.expect("\n2\n> ")
        session.type("=2*3\r")
        try session.expect("\n6\n> ")

        // An unfinished chunk asks for more lines.
        session.type("function f(x)\r")
        try session.expect(">> ")
        session.type("  return x * 10\r")
        try session.expect(">> ")
        session.type("end\r")
        try session.expect("> ")
        session.type("f(4)\r")
        try session.expect("\n40\n> ")

        // An error is printed; the session goes on, its globals kept.
        session.type("error('boom')\r")
        try session.expect("stdin:1: boom\n> ")
        session.type("print(f(5))\r")
        try session.expect("\n50\n> ")

        // Up recalls the line before; editing keys: left, backspace, home.
        session.type("\u{1B}[A\r")
        try session.expect("\n50\n> ")
        session.type("print(13)\u{1B}[D\u{1B}[D\u{7F}2\r")
        try session.expect("\n23\n> ")
        session.type("rint(7)\u{1B}[Hp\r")
        try session.expect("\n7\n> ")

        // Ctrl-C drops the line being typed, and an unfinished chunk.
        session.type("garbage(\u{03}")
        try session.expect("^C\n> ")
        session.type("function g()\r")
        try session.expect(">> ")
        session.type("\u{03}")
        try session.expect("^C\n> ")
        session.type("print(g)\r")
        try session.expect("\nnil\n> ")

        // The corpus is there, and a runaway line is stopped by Ctrl-C without ending the session.
        session.type("n = 0 for a in toolkit.articles() do n = n + 1 end print(n)\r")
        try session.expect("\n5\n> ", seconds: 60)
        session.type("while true do end\r")
        usleep(300_000)
        session.type("\u{03}")
        try session.expect("interrupted (Ctrl-C)\n> ")
        session.type("print('alive', n)\r")
        try session.expect("alive\t5\n> ")

        session.type("\u{04}")
        XCTAssertEqual(session.wait(), 0)

        let history = try String(contentsOf: state.appendingPathComponent("toolkit/lua_history"), encoding: .utf8)
        XCTAssertTrue(history.hasPrefix("1+1\n=2*3\nfunction f(x)\n  return x * 10\nend\n"), history)
        XCTAssertTrue(history.hasSuffix("print('alive', n)\n"), history)

        // The next session recalls the last one's lines.
        let next = try Terminal(binary: binary, arguments: ["lua", "seeds/"], folder: Self.repo, state: state)
        defer { next.stop() }
        try next.expect("> ")
        next.type("\u{1B}[A\r")
        try next.expect("alive\tnil\n> ")
        next.type("\u{04}")
        XCTAssertEqual(next.wait(), 0)
    }
}

/// A child process on a pseudo-terminal made by script(1) of util-linux (a real controlling
/// terminal, so Ctrl-C typed while a line runs is a SIGINT from the terminal, as for a user). What it
/// writes is read back with the carriage returns and the line editor's escape sequences removed,
/// so tests compare plain text.
private final class Terminal {
    let process = Process()
    let input = Pipe(), output = Pipe()
    let master: Int32
    private var seen = ""

    init(binary: URL, arguments: [String], folder: URL, state: URL) throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("script(1) is not installed") }
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        process.executableURL = script
        process.arguments = ["-q", "-f", "-e", "-c", "exec " + command.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = state.path
        environment["TERM"] = "xterm"
        environment["SHELL"] = "/bin/sh"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        master = output.fileHandleForReading.fileDescriptor
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Waits until `text` has appeared on the screen since the last match, and consumes it.
    func expect(_ text: String, seconds: Double = 20, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let rest = String(screen[min(consumed, screen.count)...])
            if let range = rest.range(of: text) {
                consumed += rest.distance(from: rest.startIndex, to: range.upperBound)
                return
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                feed(String(decoding: buffer[..<n], as: UTF8.self))
            } else {
                usleep(10_000)
            }
        }
        XCTFail("expected \(text.debugDescription), got \(String(screen[min(consumed, screen.count)...]).debugDescription)", file: file, line: line)
        throw XCTSkip("the session did not answer")
    }

    /// What a terminal shows: lines already ended, and the line the cursor is on.
    private var ended: [Character] = []
    private var current: [Character] = []
    private var column = 0
    private var consumed = 0
    private var screen: [Character] { ended + current }

    /// Plays the output the way a terminal does for the sequences the line editor writes: `\r`
    /// returns to the line's start, text overwrites, ESC[K erases to the end, ESC[nD moves left.
    private func feed(_ text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\u{1B}":
                guard scalars.first == "[" else { continue }
                scalars.removeFirst()
                var number = ""
                while let next = scalars.first, next.properties.numericType != nil || next == ";" {
                    number.unicodeScalars.append(scalars.removeFirst())
                }
                switch scalars.popFirst() {
                case "K": current.removeSubrange(min(column, current.count)...)
                case "D": column = max(0, column - (Int(number) ?? 1))
                case "C": column += Int(number) ?? 1
                default: break
                }
            case "\r":
                column = 0
            case "\n":
                ended += current + ["\n"]
                current = []
                column = 0
            default:
                while current.count < column { current.append(" ") }
                if column < current.count { current[column] = Character(scalar) } else { current.append(Character(scalar)) }
                column += 1
            }
        }
    }

    func wait() -> Int32 {
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

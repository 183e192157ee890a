import Foundation
import XCTest

/// SIGINT and SIGTERM stop a run cleanly: the script gets an "interrupted" error, what it printed
/// is flushed, finished outputs stay whole, temporary files are gone, one line says what happened,
/// and the exit code is 128 + the signal.
final class InterruptionTests: ToolkitProcessTestCase {
    struct Ended {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Starts the binary, waits until `ready` exists, sends `signal`, and waits for the end.
    private func interrupt(_ arguments: [String], when ready: URL?, signal: Int32, stdin: FileHandle? = nil) throws -> Ended {
        let folder = try temporaryFolder()
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.repo
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let killer = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: killer)
        let waitUntil = Date().addingTimeInterval(30)
        if let ready {
            while !FileManager.default.fileExists(atPath: ready.path) && Date() < waitUntil && process.isRunning {
                usleep(20_000)
            }
        } else {
            usleep(500_000)
        }
        let sent = Date()
        kill(pid, signal)
        process.waitUntilExit()
        killer.cancel()
        return Ended(status: process.terminationStatus,
                     stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                     seconds: Date().timeIntervalSince(sent))
    }

    private func script(_ body: String) throws -> (script: URL, out: URL) {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("long.lua")
        try write(body, to: script)
        return (script, folder.appendingPathComponent("out"))
    }

    private static let longRun = """
        for i = 1, 3000 do print("line " .. i) end
        toolkit.write.csv("first.csv", {{n = 1}, {n = 2}})
        while true do end
        """

    func testSigintStopsTheScriptAndKeepsWhatWasDone() throws {
        let (script, out) = try script(Self.longRun)
        let ended = try interrupt(["run", script.path, "seeds/", "--out", out.path], when: out.appendingPathComponent("first.csv"), signal: SIGINT)
        XCTAssertEqual(ended.status, 130, ended.stderr)
        XCTAssertLessThan(ended.seconds, 5)
        XCTAssertTrue(ended.stdout.contains("line 3000\n"), "printed output is flushed")
        let lines = ended.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, ended.stderr)
        XCTAssertTrue(ended.stderr.contains("interrupted (SIGINT) at "), ended.stderr)
        XCTAssertTrue(ended.stderr.contains("long.lua:3 after 0 article(s)"), ended.stderr)
        XCTAssertTrue(ended.stderr.contains("1 output(s) written before it are complete"), ended.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("first.csv"), encoding: .utf8), "n\r\n1\r\n2\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["first.csv"])
    }

    func testSigtermExitsWith143() throws {
        let (script, out) = try script(Self.longRun)
        let ended = try interrupt(["run", script.path, "seeds/", "--out", out.path], when: out.appendingPathComponent("first.csv"), signal: SIGTERM)
        XCTAssertEqual(ended.status, 143, ended.stderr)
        XCTAssertTrue(ended.stderr.contains("interrupted (SIGTERM)"), ended.stderr)
        XCTAssertTrue(ended.stdout.contains("line 3000\n"))
    }

    func testSigintReachesAScriptStuckInAPattern() throws {
        let (script, out) = try script("""
            toolkit.write.csv("first.csv", {{n = 1}})
            print(("a"):rep(40):find(("a-"):rep(25) .. "b"))
            """)
        let ended = try interrupt(["run", script.path, "seeds/", "--out", out.path], when: out.appendingPathComponent("first.csv"), signal: SIGINT)
        XCTAssertEqual(ended.status, 130, ended.stderr)
        XCTAssertLessThan(ended.seconds, 8)
        XCTAssertTrue(ended.stderr.contains("interrupted"), ended.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["first.csv"])
    }

    func testSigintWhileReadingStandardInput() throws {
        let pipe = Pipe()
        let ended = try interrupt(["parse", "-"], when: nil, signal: SIGINT, stdin: pipe.fileHandleForReading)
        try pipe.fileHandleForWriting.close()
        XCTAssertEqual(ended.status, 130, ended.stderr)
        XCTAssertTrue(ended.stderr.contains("interrupted (SIGINT)"), ended.stderr)
    }
}

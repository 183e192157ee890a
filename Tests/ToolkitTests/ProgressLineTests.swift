import Foundation
import XCTest
@testable import Toolkit

/// The progress line: what it says, and that it is drawn on a terminal (or with --progress) for a
/// run over a second, and never into a pipe by default or with --quiet.
final class ProgressLineTests: ToolkitProcessTestCase {
    func testLineSaysArticlesMegabytesRateAndTimeLeft() {
        XCTAssertEqual(ProgressLine.format(articles: 1234, bytes: 12_500_000, seconds: 2.5, total: 50_000_000),
                       "toolkit: 1,234 articles, 12.5 MB, 5.0 MB/s, 25%, 8 s left")
        XCTAssertEqual(ProgressLine.format(articles: 1, bytes: 400_000, seconds: 2, total: nil),
                       "toolkit: 1 article, 0.4 MB, 0.2 MB/s")
        // Text is a little less than the files it came from: never 100% (nor a negative time) early.
        XCTAssertEqual(ProgressLine.format(articles: 9, bytes: 60, seconds: 1, total: 50),
                       "toolkit: 9 articles, 0.0 MB, 0.0 MB/s, 99%, 0 s left")
        XCTAssertEqual(ProgressLine.format(articles: 0, bytes: 0, seconds: 1.2, total: 10), "toolkit: 0 articles, 0.0 MB, 0.0 MB/s, 0%")
        XCTAssertEqual(ProgressLine.remaining(seconds: 185), "3 min 05 s")
        XCTAssertEqual(ProgressLine.remaining(seconds: 3720), "1 h 02 min")
    }

    /// A corpus of 60 records and a script that spends about two seconds on them.
    func slowRun() throws -> (folder: URL, arguments: [String]) {
        let root = try temporaryFolder()
        let lines = (1...60).map { #"{"id": "a\#($0)", "lang": "en", "text": "Ministers met in Nairobi, round \#($0).\n\nThey will meet again."}"# }
        try write(lines.joined(separator: "\n") + "\n", to: root.appendingPathComponent("corpus.jsonl"))
        try write("""
            local n = 0
            for a in toolkit.articles() do
              for i = 1, 1500000 do n = n + i end
            end
            print("done")
            """, to: root.appendingPathComponent("slow.lua"))
        return (root, ["run", root.appendingPathComponent("slow.lua").path, root.appendingPathComponent("corpus.jsonl").path,
                       "--out", root.appendingPathComponent("out").path, "--no-cache"])
    }

    func testForcedLineIsRewrittenInPlaceAndErasedAtTheEnd() throws {
        let (folder, arguments) = try slowRun()
        let result = try toolkit(arguments + ["--progress"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "done\n")
        XCTAssertTrue(result.stderr.contains("\r\u{1B}[Ktoolkit: "), result.stderr.debugDescription)
        XCTAssertTrue(result.stderr.contains(" articles, ") && result.stderr.contains(" MB/s, ") && result.stderr.contains(" left"), result.stderr.debugDescription)
        // Erased before the summary line, which stands alone on its line.
        XCTAssertTrue(result.stderr.hasSuffix("\r\u{1B}[Ktoolkit: 60 articles read\n"), result.stderr.debugDescription)
    }

    func testNothingIntoAPipeOrWithQuiet() throws {
        let (folder, arguments) = try slowRun()
        for extra in [[], ["--quiet"]] {
            let result = try toolkit(arguments + extra, in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "toolkit: 60 articles read\n", "\(extra)")
        }
    }

    func testOnATerminalTheLineIsDrawnAndQuietSilencesIt() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("script(1) is not installed") }
        let (folder, arguments) = try slowRun()
        func onTerminal(_ extra: [String]) throws -> String {
            let command = ([binary.path] + arguments + extra).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let result = try launch(script, ["-q", "-e", "-c", command.joined(separator: " "), "/dev/null"], in: folder)
            XCTAssertEqual(result.status, 0, result.stdout)
            return result.stdout
        }
        let shown = try onTerminal([])
        XCTAssertTrue(shown.contains("\r\u{1B}[Ktoolkit: ") && shown.contains(" MB/s"), shown.debugDescription)
        XCTAssertFalse(try onTerminal(["--quiet"]).contains("\u{1B}[K"))
    }

    func launch(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }
}

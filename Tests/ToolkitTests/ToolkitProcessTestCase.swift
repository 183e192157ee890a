import Foundation
import XCTest

/// Runs the built `toolkit` binary as a user would, from the repository root.
class ToolkitProcessTestCase: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The article cache of every toolkit the tests launch: a folder of this test process's own
    /// (XDG_CACHE_HOME, inherited by each child), removed when the tests end, never ~/.cache.
    static let cacheHome: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-tests-cache-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        setenv("XDG_CACHE_HOME", url.path, 1)
        atexit { try? FileManager.default.removeItem(at: ToolkitProcessTestCase.cacheHome) }
        return url
    }()

    override class func setUp() {
        super.setUp()
        _ = cacheHome
    }

    var binary: URL {
        _ = Self.cacheHome
        // The test bundle sits in the build folder beside the executable.
        let beside = Bundle.main.bundleURL.appendingPathComponent("toolkit")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle(for: ToolkitProcessTestCase.self).bundleURL.deletingLastPathComponent().appendingPathComponent("toolkit")
    }

    func toolkit(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? CLITests.repo
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}

import Foundation
import XCTest

/// `toolkit doctor`: one line per part of the installation, ok or what to do; exit 1 when broken.
final class DoctorCommandTests: ToolkitProcessTestCase {
    func testHealthyInstallationSaysWhatItHas() throws {
        let out = try temporaryFolder().appendingPathComponent("results")
        let result = try toolkit(["doctor", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func line(_ subject: String) throws -> String {
            try XCTUnwrap(lines.first { $0.dropFirst(7).hasPrefix(subject + ":") }, "no \(subject) line in:\n\(result.stdout)")
        }
        let lua = try line("lua")
        XCTAssertTrue(lua.hasPrefix("ok     lua: Lua 5.4"), lua)
        let plugins = try line("plugins")
        XCTAssertTrue(plugins.contains("world"), plugins)
        let kb = try line("knowledge base")
        XCTAssertTrue(kb.hasPrefix("ok"), kb)
        XCTAssertNotNil(kb.range(of: #"[0-9,]+ profiles \([0-9,]+ [a-z]+"#, options: .regularExpression), kb)
        let models = try line("models")
        XCTAssertTrue(models.hasPrefix("ok") && models.contains("ar") && models.contains("sw"), models)
        let samples = try line("sample articles")
        XCTAssertTrue(samples.contains("5 in"), samples)
        let cache = try line("cache")
        XCTAssertTrue(cache.hasPrefix("ok") && cache.contains("toolkit"), cache)
        let output = try line("output folder")
        XCTAssertTrue(output.contains("writable"), output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "doctor creates nothing")
    }

    func testBrokenPartSaysWhatToDoAndExitsOne() throws {
        let file = try temporaryFolder().appendingPathComponent("a-file")
        try write("not a folder", to: file)
        let result = try toolkit(["doctor", "--out", file.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("broken output folder: \(file.path) is a file"), result.stdout)
        XCTAssertTrue(result.stdout.contains("pass another --out"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: doctor: 1 part is broken"), result.stderr)
    }
}

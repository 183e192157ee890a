import Foundation
import XCTest

/// Shell completion: the binary writes bash, zsh and fish scripts, completes report and plugin names
/// from the plugins' manifests, and `make install` puts the scripts where each shell looks.
final class CompletionTests: ToolkitProcessTestCase {
    func testScriptsForEveryShellNameTheCommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try toolkit(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, result.stderr)
            for word in ["doctor", "report", "--lang", "--since", "---completion"] {
                XCTAssertTrue(result.stdout.contains(word), "\(shell) script lacks \(word)")
            }
        }
    }

    func testReportAndPluginNamesComeFromTheManifests() throws {
        // As the scripts call the binary: the argument, the word's index and cursor, the words.
        let report = try toolkit(["---completion", "report", "--", "positional@0", "0", "3", "sco"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.split(separator: "\n").contains("sco-meetings"), report.stdout)
        let plugins = try toolkit(["---completion", "run", "--", "--plugins", "0", "1", "w"])
        XCTAssertEqual(plugins.status, 0, plugins.stderr)
        XCTAssertTrue(plugins.stdout.split(separator: "\n").contains("world"), plugins.stdout)
        XCTAssertFalse(plugins.stdout.contains("sco"), "only names starting with what was typed: \(plugins.stdout)")
        for command in [["plugins", "info"], ["plugins", "check"], ["plugins", "test"], ["plugins", "remove"], ["plugins", "update"]] {
            let names = try toolkit(["---completion"] + command + ["--", "positional@0", "0", "1", "w"])
            XCTAssertEqual(names.status, 0, names.stderr)
            XCTAssertEqual(names.stdout.split(separator: "\n"), ["world"], "\(command): \(names.stdout)")
        }
    }

    func testInstallPutsTheScriptsWhereShellsLook() throws {
        let prefix = try temporaryFolder().appendingPathComponent("prefix")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "--no-print-directory", "-C", Self.repo.path, "install-files",
                             "PREFIX=\(prefix.path)", "FROM=\(binary.deletingLastPathComponent().path)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for (path, marker) in [("share/bash-completion/completions/toolkit", "complete"),
                               ("share/zsh/site-functions/_toolkit", "#compdef toolkit"),
                               ("share/fish/vendor_completions.d/toolkit.fish", "complete -c 'toolkit'")] {
            let script = try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            XCTAssertTrue(script.contains(marker), "\(path) is not a completion script")
        }
    }
}

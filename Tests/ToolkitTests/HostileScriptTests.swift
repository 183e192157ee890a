import Foundation
import XCTest

/// Every script under Tests/Hostile/scripts is run as a user would run it, and must end as its
/// header says, within its time bound, without writing outside the output folder or leaving
/// temporary files. The header is `-- key: value` lines:
///   expect: exit code            stderr / stdout: text that must appear (repeatable)
///   args: extra arguments        within: seconds the run may take (default 15)
///   files: none | name ...       what the output folder holds afterwards
///   setup: link NAME             NAME in the output folder is a symbolic link to a folder outside it
///                                (or, for a name with an extension, to a file outside it)
///   outside: untouched           the outside folder is unchanged afterwards
final class HostileScriptTests: ToolkitProcessTestCase {
    struct Case {
        var name: String
        var path: URL
        var expect: Int32 = 0
        var stderr: [String] = []
        var stdout: [String] = []
        var args: [String] = []
        var within: Double = 15
        var files: [String]?
        var links: [String] = []
        var outsideUntouched = false
    }

    static var cases: [Case] {
        let folder = repo.appendingPathComponent("Tests/Hostile/scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            var c = Case(name: name, path: url)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard line.hasPrefix("-- "), let colon = line.firstIndex(of: ":") else { continue }
                let key = line[line.index(line.startIndex, offsetBy: 3)..<colon]
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "expect": c.expect = Int32(value) ?? -1
                case "stderr": c.stderr.append(value.replacingOccurrences(of: "\\t", with: "\t"))
                case "stdout": c.stdout.append(value.replacingOccurrences(of: "\\t", with: "\t"))
                case "args": c.args += value.split(separator: " ").map(String.init)
                case "within": c.within = Double(value) ?? 15
                case "files": c.files = value == "none" ? [] : value.split(separator: " ").map(String.init)
                case "setup": if value.hasPrefix("link ") { c.links.append(String(value.dropFirst(5))) }
                case "outside": c.outsideUntouched = value == "untouched"
                default: break
                }
            }
            return c
        }
    }

    func testAtLeastSixtyHostileScripts() {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 60)
    }

    func testEveryHostileScriptEndsAsExpected() throws {
        let cases = Self.cases
        let failures = FailureList()
        let binary = self.binary
        // Two at a time: the machine has two cores, and most cases wait on a limit.
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: cases.count, by: 2) {
                do {
                    for problem in try Self.check(cases[index], binary: binary) { failures.add("\(cases[index].name): \(problem)") }
                } catch {
                    failures.add("\(cases[index].name): \(error)")
                }
            }
        }
        for failure in failures.all { XCTFail(failure) }
    }

    private static func check(_ c: Case, binary: URL) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out"), outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("original\n".utf8).write(to: outside.appendingPathComponent("x.csv"))
        for link in c.links {
            let target = link.contains(".") ? outside.appendingPathComponent(link) : outside
            try FileManager.default.createSymbolicLink(at: out.appendingPathComponent(link), withDestinationURL: target)
        }
        let started = Date()
        let result = try runBounded(binary: binary, ["run", c.path.path, "seeds/", "--out", out.path] + c.args, seconds: c.within + 10)
        let elapsed = Date().timeIntervalSince(started)
        var problems: [String] = []
        let said = "stderr: \(result.stderr.prefix(600))"
        if result.status != c.expect { problems.append("exit \(result.status), expected \(c.expect); \(said)") }
        for text in c.stderr where !result.stderr.contains(text) { problems.append("stderr lacks '\(text)'; \(said)") }
        for text in c.stdout where !result.stdout.contains(text) { problems.append("stdout lacks '\(text)': \(result.stdout.prefix(300))") }
        if elapsed > c.within { problems.append("took \(String(format: "%.1f", elapsed)) s, more than \(c.within) s") }
        let left = try files(under: out)
        if let temporary = left.first(where: { $0.hasSuffix(".tmp") }) { problems.append("temporary file left: \(temporary)") }
        if let expected = c.files {
            let written = left.filter { !c.links.contains($0) }
            if expected.isEmpty && !written.isEmpty { problems.append("wrote \(written), expected nothing") }
            for name in expected where !written.contains(name) { problems.append("did not write \(name) (folder holds \(written))") }
        }
        if c.outsideUntouched {
            let original = try String(contentsOf: outside.appendingPathComponent("x.csv"), encoding: .utf8)
            let names = try FileManager.default.contentsOfDirectory(atPath: outside.path)
            if original != "original\n" || names != ["x.csv"] { problems.append("wrote outside the output folder: \(names)") }
        }
        return problems
    }

    private static func files(under folder: URL) throws -> [String] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        return names.sorted()
    }

    /// Runs the binary with its output in files (a pipe would block a script that prints megabytes
    /// on stderr) and kills it if it outlives `seconds`.
    private static func runBounded(binary: URL, _ arguments: [String], seconds: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repo
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-hostile-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let killer = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        try outHandle.close()
        try errHandle.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

import Foundation
import XCTest

/// A plugin's life as analysts share it: made with `plugins new`, tested with `plugins test`,
/// packed, installed into a fresh user folder (from the archive, or from a git repository made
/// here), run, updated and removed; and what each step refuses.
final class PluginSharingTests: ToolkitProcessTestCase {
    /// Runs the binary with extra environment (a fresh XDG_DATA_HOME, no bundled plugins).
    func toolkit(_ arguments: [String], environment: [String: String], in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? Self.repo
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = DataBox()
        let errHandle = err.fileHandleForReading
        let reader = Thread { errData.set(errHandle.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ value: Data) { data = value; done.signal() }
        func wait() -> Data { done.wait(); return data }
    }

    func git(_ arguments: [String], in folder: URL) throws -> String {
        try tool(["git", "-c", "user.name=toolkit tests", "-c", "user.email=tests@example.org", "-c", "init.defaultBranch=main"] + arguments, in: folder)
    }

    /// A system tool's standard output; the test fails when it does.
    func tool(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fresh user folder and no bundled plugins: only what a test installs or names is there.
    func isolated() throws -> [String: String] {
        ["XDG_DATA_HOME": try temporaryFolder().path, "TOOLKIT_NO_BUNDLED_PLUGINS": "1"]
    }

    func setVersion(_ version: String, toolkit range: String? = nil, in folder: URL) throws {
        let manifest = folder.appendingPathComponent("plugin.lua")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "version = \"0.1.0\"", with: "version = \"\(version)\"")
        if let range { text = text.replacingOccurrences(of: "toolkit = \">=0.1.0\"", with: "toolkit = \"\(range)\"") }
        try write(text, to: manifest)
    }

    func testNewMakesAPluginWhoseTestsPassAtOnceAndThatIsHealthy() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        let made = try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env)
        XCTAssertEqual(made.status, 0, made.stderr)
        for file in ["plugin.lua", "init.lua", "tests/demo.lua", "README.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("demo/\(file)").path), file)
        }
        let tested = try toolkit(["plugins", "test", "demo", "--plugin", dir.appendingPathComponent("demo").path], environment: env)
        XCTAssertEqual(tested.status, 0, tested.stdout + tested.stderr)
        XCTAssertEqual(tested.stdout.split(separator: "\n").last, "3 passed, 0 failed", tested.stdout)
        let check = try toolkit(["plugins", "check", "demo", "--plugin", dir.appendingPathComponent("demo").path], environment: env)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertFalse(check.stdout.contains("warning"), check.stdout)
        // The same name again is refused, and nothing is overwritten.
        let again = try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        let bad = try toolkit(["plugins", "new", "Bad Name", "--dir", dir.path], environment: env)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("not a plugin name"), bad.stderr)
    }

    func testFailuresArePrintedWithFileLineAndCaseAndCounted() throws {
        let dir = try temporaryFolder()
        let plugin = dir.appendingPathComponent("checked")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try write("return { name = \"checked\", version = \"1.0.0\", toolkit = \">=0.1.0\" }\n", to: plugin.appendingPathComponent("plugin.lua"))
        try write("_G.checked = { double = function(x) return 2 * x end }\n", to: plugin.appendingPathComponent("init.lua"))
        try write("""
            local test = toolkit.test
            test.case("doubles", function() test.eq(checked.double(2), 4) end)
            test.case("tables", function()
              test.eq({ a = { 1, 2 } }, { a = { 1, 3 } })
            end)
            test.case("errors", function() test.raises(function() error("boom") end, "boom") end)
            test.case("near", function() test.near(checked.double(0.1), 0.3, 0.01, "a fifth") end)
            """, to: plugin.appendingPathComponent("tests/a.lua"))
        try write("""
            -- corpus: tests/data
            local n = 0
            for _ in toolkit.articles() do n = n + 1 end
            toolkit.test.eq(n, 2, "articles in tests/data")
            """, to: plugin.appendingPathComponent("tests/b.lua"))
        try write("-- requires: nowhere >=1.0.0\ntoolkit.test.ok(true)\n", to: plugin.appendingPathComponent("tests/c.lua"))
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("tests/data"), withIntermediateDirectories: true)
        try write("A headline\n\nOne paragraph of text.\n", to: plugin.appendingPathComponent("tests/data/one.txt"))
        // Run from the folder above, as an author does: Lua shortens long chunk names with "...".
        let run = try toolkit(["plugins", "test", "checked", "--plugin", "checked"], environment: try isolated(), in: dir)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let a = "checked/tests/a.lua"
        XCTAssertTrue(run.stdout.contains("FAIL \(a):4: [tables] toolkit.test.eq: at .a[2]: expected 3, got 2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("FAIL \(a):7: [near] toolkit.test.near: a fifth: expected 0.3 within 0.01, got 0.2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("FAIL checked/tests/b.lua:4: toolkit.test.eq: articles in tests/data: expected 2, got 1"), run.stdout)
        // A test's own requirements are resolved as a script's are: a missing plugin is a failure that says so.
        XCTAssertTrue(run.stdout.contains("FAIL checked/tests/c.lua: plugin 'nowhere' is required by the script (>=1.0.0) but is not installed"), run.stdout)
        XCTAssertEqual(run.stdout.split(separator: "\n").last, "2 passed, 4 failed", run.stdout)
        // Outside `plugins test` a failing case stops the script.
        let plain = try toolkit(["run", plugin.appendingPathComponent("tests/a.lua").path, "--plugin", plugin.path], environment: try isolated())
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.stderr.contains("expected 3, got 2"), plain.stderr)
    }

    func testAPackedPluginInstalledElsewhereRunsAsFromItsFolder() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        XCTAssertEqual(try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env).status, 0)
        let folder = dir.appendingPathComponent("demo")
        let dist = dir.appendingPathComponent("dist")
        let packed = try toolkit(["plugins", "pack", folder.path, "--out", dist.path], environment: env)
        XCTAssertEqual(packed.status, 0, packed.stderr)
        let archive = dist.appendingPathComponent("demo-0.1.0.tar.gz")
        let sums = try String(contentsOf: URL(fileURLWithPath: archive.path + ".sha256"), encoding: .utf8)
        XCTAssertTrue(sums.hasSuffix("  demo-0.1.0.tar.gz\n"), sums)
        // Packing again gives the same bytes.
        let first = try Data(contentsOf: archive)
        XCTAssertEqual(try toolkit(["plugins", "pack", folder.path, "--out", dist.path], environment: env).status, 0)
        XCTAssertEqual(try Data(contentsOf: archive), first)

        let installed = try toolkit(["plugins", "install", archive.path], environment: env)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        let home = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("toolkit/plugins")
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("demo/init.lua").path))
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: home.appendingPathComponent("toolkit.lock"))) as! [String: Any]
        let entry = (lock["plugins"] as! [String: Any])["demo"] as! [String: Any]
        XCTAssertEqual(entry["version"] as? String, "0.1.0")
        XCTAssertEqual(entry["kind"] as? String, "archive")
        XCTAssertEqual(entry["source"] as? String, archive.standardizedFileURL.path)
        XCTAssertEqual(entry["sha256"] as? String, String(sums.prefix(64)))

        let list = try toolkit(["plugins", "list", "--plugins", "demo"], environment: env, in: dir)
        XCTAssertTrue(list.stdout.contains("demo\t0.1.0\t$XDG_DATA_HOME"), list.stdout)
        let info = try toolkit(["plugins", "info", "demo"], environment: env, in: dir)
        XCTAssertTrue(info.stdout.contains("installed from:\tarchive \(archive.standardizedFileURL.path)"), info.stdout)
        XCTAssertTrue(info.stdout.contains("sha256:\t\(sums.prefix(64))"), info.stdout)
        let script = dir.appendingPathComponent("acronyms.lua")
        try write("""
            -- requires: demo
            for article in toolkit.articles() do
              for m in article:entities { extractor = "demo-acronyms" } do print(article.id, m.first, m.text) end
            end
            """, to: script)
        // From the temporary folder, so that the repository's ./Plugins is not searched.
        let seeds = Self.repo.appendingPathComponent("seeds").path
        let fromFolder = try toolkit(["run", script.path, seeds, "--plugin", folder.path, "--out", dir.appendingPathComponent("a").path], environment: env, in: dir)
        let fromInstall = try toolkit(["run", script.path, seeds, "--out", dir.appendingPathComponent("b").path], environment: env, in: dir)
        XCTAssertEqual(fromFolder.status, 0, fromFolder.stderr)
        XCTAssertEqual(fromInstall.status, 0, fromInstall.stderr)
        XCTAssertFalse(fromFolder.stdout.isEmpty)
        XCTAssertEqual(fromInstall.stdout, fromFolder.stdout)
        let reportA = try toolkit(["report", "demo-acronyms", seeds, "--plugin", folder.path, "--out", dir.appendingPathComponent("ra").path], environment: env, in: dir)
        let reportB = try toolkit(["report", "demo-acronyms", seeds, "--out", dir.appendingPathComponent("rb").path], environment: env, in: dir)
        XCTAssertEqual(reportA.status, 0, reportA.stderr)
        XCTAssertEqual(reportB.status, 0, reportB.stderr)
        let csvA = try String(contentsOf: dir.appendingPathComponent("ra/demo-acronyms.csv"), encoding: .utf8)
        XCTAssertTrue(csvA.contains("SCO,"), csvA)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("rb/demo-acronyms.csv"), encoding: .utf8), csvA)

        // Installed twice: refused unless --force; removed: gone from the folder and the lock.
        let twice = try toolkit(["plugins", "install", archive.path], environment: env)
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("already installed"), twice.stderr)
        let removed = try toolkit(["plugins", "remove", "demo"], environment: env)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("demo").path))
        XCTAssertFalse(try String(contentsOf: home.appendingPathComponent("toolkit.lock"), encoding: .utf8).contains("\"demo\""))
        let unknown = try toolkit(["plugins", "remove", "demo"], environment: env)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no plugin named 'demo' is installed"), unknown.stderr)
    }

    func testAChecksumMismatchIsRefusedAndInstallsNothing() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        XCTAssertEqual(try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env).status, 0)
        XCTAssertEqual(try toolkit(["plugins", "pack", dir.appendingPathComponent("demo").path, "--out", dir.path], environment: env).status, 0)
        let archive = dir.appendingPathComponent("demo-0.1.0.tar.gz")
        let wrong = String(repeating: "0", count: 64)
        let given = try toolkit(["plugins", "install", archive.path, "--sha256", wrong], environment: env)
        XCTAssertEqual(given.status, 2)
        XCTAssertTrue(given.stderr.contains("checksum mismatch: expected sha256 \(wrong)"), given.stderr)
        // A damaged archive against the .sha256 beside it.
        var bytes = try Data(contentsOf: archive)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: archive)
        let damaged = try toolkit(["plugins", "install", archive.path], environment: env)
        XCTAssertEqual(damaged.status, 2)
        XCTAssertTrue(damaged.stderr.contains("checksum mismatch"), damaged.stderr)
        try FileManager.default.removeItem(at: URL(fileURLWithPath: archive.path + ".sha256"))
        let unchecked = try toolkit(["plugins", "install", archive.path], environment: env)
        XCTAssertEqual(unchecked.status, 2)
        XCTAssertTrue(unchecked.stderr.contains("no checksum to verify it against"), unchecked.stderr)
        let home = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("toolkit/plugins/demo")
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.path))

        // An archive with a link in it is refused before anything is unpacked, checksum or not.
        let evil = dir.appendingPathComponent("evil")
        try FileManager.default.createDirectory(at: evil, withIntermediateDirectories: true)
        try write("return { name = \"evil\", version = \"1.0.0\", toolkit = \">=0.1.0\" }\n", to: evil.appendingPathComponent("plugin.lua"))
        try FileManager.default.createSymbolicLink(atPath: evil.appendingPathComponent("out").path, withDestinationPath: dir.path)
        _ = try tool(["tar", "-czf", "evil.tar.gz", "evil"], in: dir)
        let sha = String(try tool(["sha256sum", "evil.tar.gz"], in: dir).prefix(64))
        let linked = try toolkit(["plugins", "install", dir.appendingPathComponent("evil.tar.gz").path, "--sha256", sha], environment: env)
        XCTAssertEqual(linked.status, 2)
        XCTAssertTrue(linked.stderr.contains("holds a link"), linked.stderr)
    }

    func testGitInstallFromALocalRepositoryAtATagThenUpdate() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        XCTAssertEqual(try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env).status, 0)
        let repo = dir.appendingPathComponent("demo")
        _ = try git(["init", "--quiet"], in: repo)
        _ = try git(["add", "."], in: repo)
        _ = try git(["commit", "--quiet", "-m", "demo 0.1.0"], in: repo)
        _ = try git(["tag", "v0.1.0"], in: repo)
        let tagged = try git(["rev-parse", "HEAD"], in: repo)
        try setVersion("0.2.0", in: repo)
        _ = try git(["commit", "--quiet", "-am", "demo 0.2.0"], in: repo)

        let installed = try toolkit(["plugins", "install", repo.path, "--ref", "v0.1.0"], environment: env)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        XCTAssertTrue(installed.stdout.contains("installed demo 0.1.0"), installed.stdout)
        let home = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("toolkit/plugins")
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("demo/.git").path))
        var lock = try String(contentsOf: home.appendingPathComponent("toolkit.lock"), encoding: .utf8)
        XCTAssertTrue(lock.contains("\"commit\" : \"\(tagged)\""), lock)
        XCTAssertTrue(lock.contains("\"ref\" : \"v0.1.0\""), lock)
        XCTAssertTrue(lock.contains("\"kind\" : \"git\""), lock)

        // update stays at the recorded tag; --ref moves it.
        XCTAssertTrue(try toolkit(["plugins", "update", "demo"], environment: env).stdout.contains("updated demo 0.1.0"))
        let moved = try toolkit(["plugins", "update", "demo", "--ref", "main"], environment: env)
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertTrue(moved.stdout.contains("updated demo 0.2.0 into"), moved.stdout)
        XCTAssertTrue(moved.stdout.contains("(was 0.1.0)"), moved.stdout)
        lock = try String(contentsOf: home.appendingPathComponent("toolkit.lock"), encoding: .utf8)
        XCTAssertTrue(lock.contains("\"version\" : \"0.2.0\""), lock)
        let missing = try toolkit(["plugins", "install", repo.path, "--ref", "v9", "--force"], environment: env)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no tag, branch or commit \"v9\""), missing.stderr)
    }

    func testAPluginForANewerToolkitIsRefusedWithTheRangeItAsks() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        XCTAssertEqual(try toolkit(["plugins", "new", "future", "--dir", dir.path], environment: env).status, 0)
        try setVersion("0.1.0", toolkit: ">=9.0.0 <10.0.0", in: dir.appendingPathComponent("future"))
        let refused = try toolkit(["plugins", "install", dir.appendingPathComponent("future").path], environment: env)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("needs toolkit >=9.0.0 <10.0.0, this is"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("not installed"), refused.stderr)
    }

    func testInstallingReadsTheManifestOnlyAndRunsNoPluginCode() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        let plugin = dir.appendingPathComponent("loud")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        try write("return { name = \"loud\", version = \"1.0.0\", toolkit = \">=0.1.0\" }\n", to: plugin.appendingPathComponent("plugin.lua"))
        try write("print(\"init.lua ran\")\nerror(\"init.lua ran\")\n", to: plugin.appendingPathComponent("init.lua"))
        let installed = try toolkit(["plugins", "install", plugin.path], environment: env)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        XCTAssertFalse(installed.stdout.contains("init.lua ran"))
        XCTAssertTrue(installed.stdout.contains("from folder \(plugin.standardizedFileURL.path)"), installed.stdout)
        // A manifest that tries to reach a library fails as data, with no library there.
        try write("return { name = os.getenv(\"USER\"), version = \"1.0.0\", toolkit = \">=0.1.0\" }\n", to: plugin.appendingPathComponent("plugin.lua"))
        let sneaky = try toolkit(["plugins", "install", plugin.path, "--force"], environment: env)
        XCTAssertEqual(sneaky.status, 2)
        XCTAssertTrue(sneaky.stderr.contains("plugin.lua:1:"), sneaky.stderr)
    }

    func testVerboseSaysWhatLoadedWhyAndWhatEachPartProduced() throws {
        let dir = try temporaryFolder()
        let env = try isolated()
        XCTAssertEqual(try toolkit(["plugins", "new", "demo", "--dir", dir.path], environment: env).status, 0)
        let quiet = dir.appendingPathComponent("quiet")
        try FileManager.default.createDirectory(at: quiet, withIntermediateDirectories: true)
        try write("return { name = \"quiet\", version = \"1.0.0\", toolkit = \">=0.1.0\" }\n", to: quiet.appendingPathComponent("plugin.lua"))
        try write("toolkit.extractor { name = \"never\", kinds = { \"person\" }, extract = function() end }\n", to: quiet.appendingPathComponent("init.lua"))
        let script = dir.appendingPathComponent("count.lua")
        try write("""
            local n = 0
            for article in toolkit.articles() do for _ in article:entities() do n = n + 1 end end
            print(n)
            """, to: script)
        let seeds = Self.repo.appendingPathComponent("seeds").path
        let run = try toolkit(["run", script.path, seeds, "--verbose", "--plugin", "demo", "--plugin", "quiet",
                               "--out", dir.appendingPathComponent("out").path], environment: env, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("toolkit: plugins loaded (2)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("demo 0.1.0 (--plugin demo): named with --plugin"), run.stderr)
        XCTAssertTrue(run.stderr.contains("named with --plugin"), run.stderr)
        XCTAssertNotNil(run.stderr.range(of: #"demo-acronyms \(plugin demo\): [1-9][0-9]* mention\(s\) in [1-5] of 5 article\(s\), [0-9.]+ s"#, options: .regularExpression), run.stderr)
        XCTAssertTrue(run.stderr.contains("never (plugin quiet): 0 mention(s) in 0 of 5 article(s)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("plugin quiet produced nothing"), run.stderr)
        XCTAssertFalse(run.stderr.contains("plugin demo produced nothing"), run.stderr)
        XCTAssertTrue(run.stderr.contains("demo-acronyms (plugin demo): wrote demo-acronyms.csv"), run.stderr)
        // Without --verbose none of it.
        let plain = try toolkit(["run", script.path, seeds, "--plugin", "quiet", "--out", dir.appendingPathComponent("out2").path], environment: env, in: dir)
        XCTAssertFalse(plain.stderr.contains("plugins loaded"), plain.stderr)
    }
}

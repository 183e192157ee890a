import Foundation
import XCTest

/// The binary finds its bundled plugins (the world knowledge base) wherever it runs, and when there is
/// no knowledge base every command that needs one says so instead of answering as if no name were known.
final class RunAnywhereTests: ToolkitProcessTestCase {
    /// Runs the binary in `folder` with no user plugins: `TOOLKIT_PLUGINS` and `XDG_DATA_HOME` point at
    /// empty folders, so only ./Plugins (when `folder` has one) and the bundled plugins can be found.
    func isolatedRun(_ arguments: [String], in folder: URL, executable: URL? = nil, bundled: Bool = true) throws -> Outcome {
        let empty = try temporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLKIT_PLUGINS"] = empty.appendingPathComponent("plugins").path
        environment["XDG_DATA_HOME"] = empty.appendingPathComponent("data").path
        environment["HOME"] = empty.path
        environment["TOOLKIT_NO_BUNDLED_PLUGINS"] = bundled ? nil : "1"
        return try launch(executable ?? binary, arguments, in: folder, environment: environment)
    }

    func launch(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        // Files rather than pipes: nothing can block on a full pipe while the test waits for the exit.
        let folderForOutput = try temporaryFolder()
        let outURL = folderForOutput.appendingPathComponent("stdout"), errURL = folderForOutput.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    var seed: URL { Self.repo.appendingPathComponent("seeds/001_d31a79787da17815.txt") }

    func testPluginsListShowsTheBundledWorldPluginFromAFreshFolder() throws {
        let result = try isolatedRun(["plugins", "list"], in: try temporaryFolder())
        XCTAssertEqual(result.status, 0, result.stderr)
        let world = result.stdout.split(separator: "\n").first { $0.hasPrefix("world\t") }
        XCTAssertNotNil(world, result.stdout)
        XCTAssertTrue(world?.contains("toolkit_BundledData.resources/Plugins/world") ?? false, "\(world ?? "")")
        XCTAssertEqual(result.stderr, "")
    }

    func testInsideTheCheckoutPluginsFolderWinsOverTheBundledCopySilently() throws {
        let result = try isolatedRun(["plugins", "info", "world"], in: Self.repo)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("found via:\t./Plugins\n"), result.stdout)
        let list = try isolatedRun(["plugins", "list"], in: Self.repo)
        XCTAssertEqual(list.stderr, "", "the bundled copy shadowed by ./Plugins is the documented order, not a warning")
    }

    func testKnowledgeBaseLookupFindsPutinFromAFreshFolder() throws {
        let result = try isolatedRun(["kb", "lookup", "پوتین"], in: try temporaryFolder())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("person/vladimir-putin\tperson\tVladimir Putin"), result.stdout)
    }

    func testEntitiesLinkPutinFromAFreshFolder() throws {
        let result = try isolatedRun(["entities", seed.path, "--kind", "person", "--format", "csv"], in: try temporaryFolder())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(",person/vladimir-putin,person,Vladimir Putin,"), result.stdout)
        XCTAssertFalse(result.stderr.contains("knowledge base"), result.stderr)
    }

    func testRunWithoutACorpusReadsTheBundledSamplesAndLinksThemFromAFreshFolder() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("people.lua")
        try write("""
            local n = 0
            for a in toolkit.articles() do
              for p in a:entities "person" do if p.id == "person/vladimir-putin" then n = n + 1 end end
            end
            print(n > 0)
            """, to: script)
        let result = try isolatedRun(["run", script.path, "--out", folder.path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "true\n")
        XCTAssertFalse(result.stderr.contains("knowledge base"), result.stderr)
    }

    // Without a knowledge base: user folders empty and the bundled plugins left out.

    func testPluginsListWithNoPluginsSaysSoAndNamesTheFoldersSearched() throws {
        let result = try isolatedRun(["plugins", "list"], in: try temporaryFolder(), bundled: false)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("toolkit: no plugins found; searched, in order:\n"), result.stderr)
        for origin in ["./Plugins ", "$TOOLKIT_PLUGINS ", "$XDG_DATA_HOME ", "bundled plugins left out (TOOLKIT_NO_BUNDLED_PLUGINS=1)"] {
            XCTAssertTrue(result.stderr.contains("\n  " + origin), "\(origin) in \(result.stderr)")
        }
    }

    func testKnowledgeBaseLookupWithoutAKnowledgeBaseIsAnErrorNotAnUnknownName() throws {
        let result = try isolatedRun(["kb", "lookup", "پوتین"], in: try temporaryFolder(), bundled: false)
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("toolkit: no knowledge base loaded: no plugin with kb/ files was found in ./Plugins "), result.stderr)
        XCTAssertTrue(result.stderr.contains("; names cannot be looked up (install the world plugin"), result.stderr)
        XCTAssertFalse(result.stderr.contains("not in the knowledge base"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testEntitiesWithoutAKnowledgeBaseWarnOnceAndStillReport() throws {
        let result = try isolatedRun(["entities", seed.path, "--format", "csv"], in: try temporaryFolder(), bundled: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("toolkit: warning: no knowledge base loaded: ") }
        XCTAssertEqual(warnings.count, 1, result.stderr)
        XCTAssertTrue(warnings.first?.contains("; entities will not be linked (install the world plugin") ?? false, result.stderr)
        XCTAssertFalse(result.stdout.contains("person/vladimir-putin"), result.stdout)
        XCTAssertTrue(result.stdout.contains(",date,"), "dates and amounts need no knowledge base: \(result.stdout)")
    }

    func testRunWarnsOnceWhenTheScriptNeedsTheKnowledgeBaseAndOnlyThen() throws {
        let folder = try temporaryFolder()
        let scripts: [(String, String, Bool)] = [
            ("entities", "for a in toolkit.articles() do for _ in a:entities() do end end", true),
            ("lookup", "print(#toolkit.kb.lookup('Putin')); print(#toolkit.kb.lookup('Xi'))", true),
            ("titles", "for a in toolkit.articles() do local _ = a.title end", false),
        ]
        for (name, code, needsKnowledgeBase) in scripts {
            let script = folder.appendingPathComponent(name + ".lua")
            try write(code, to: script)
            let result = try isolatedRun(["run", script.path, seed.path, "--out", folder.path], in: folder, bundled: false)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("toolkit: warning: no knowledge base loaded: ") }
            XCTAssertEqual(warnings.count, needsKnowledgeBase ? 1 : 0, "\(name): \(result.stderr)")
        }
    }

    // The installed layout, built by the Makefile's own recipe from the debug build (`make install`
    // itself would first make a release build, too slow for a unit test).

    func testInstalledBinaryFindsItsPluginsAndSamplesThroughTheBinLink() throws {
        let prefix = try temporaryFolder().appendingPathComponent("prefix")
        let make = try launch(URL(fileURLWithPath: "/usr/bin/env"),
                              ["make", "--no-print-directory", "-C", Self.repo.path, "install-files",
                               "PREFIX=\(prefix.path)", "FROM=\(binary.deletingLastPathComponent().path)"],
                              in: Self.repo)
        XCTAssertEqual(make.status, 0, make.stderr)
        let installed = prefix.appendingPathComponent("bin/toolkit")
        let list = try isolatedRun(["plugins", "list"], in: URL(fileURLWithPath: "/"), executable: installed)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("\(prefix.path)/lib/toolkit/toolkit_BundledData.resources/Plugins/world"), list.stdout)
        let lookup = try isolatedRun(["kb", "lookup", "Putin"], in: URL(fileURLWithPath: "/"), executable: installed)
        XCTAssertTrue(lookup.stdout.contains("person/vladimir-putin"), lookup.stderr)

        let uninstall = try launch(URL(fileURLWithPath: "/usr/bin/env"),
                                   ["make", "--no-print-directory", "-C", Self.repo.path, "uninstall", "PREFIX=\(prefix.path)"],
                                   in: Self.repo)
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("lib/toolkit").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: installed.path))
    }
}

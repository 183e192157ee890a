import Foundation
import XCTest

/// The article cache as a user meets it: a rerun reads it and prints the same, a changed plugin
/// misses what it changes, two runs at once share it, a damaged file is set aside and rebuilt, and
/// `toolkit cache` shows and clears it. Runs use a plugin folder of their own and no bundled
/// plugins (no world knowledge base to load), in a temporary folder.
final class CacheRunTests: ToolkitProcessTestCase {
    /// Runs the toolkit in `folder` without the bundled plugins (the workspace holds its own copy of
    /// news-markers and a small knowledge-base plugin); with `concurrently`, starts it and
    /// returns a function that waits for it.
    func start(_ arguments: [String], in folder: URL) throws -> () -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLKIT_NO_BUNDLED_PLUGINS"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while it runs: a full pipe would stall it.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            DispatchQueue.global().async(group: group) {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), error: isError)
            }
        }
        return {
            group.wait()
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: String(decoding: collected.out, as: UTF8.self),
                           stderr: String(decoding: collected.err, as: UTF8.self))
        }
    }

    func run(_ arguments: [String], in folder: URL) throws -> Outcome { try start(arguments, in: folder)() }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data(), err = Data()
        func set(_ data: Data, error: Bool) {
            lock.lock()
            if error { err = data } else { out = data }
            lock.unlock()
        }
    }

    /// A plugin with a knowledge base naming one person, and a script listing the people of each
    /// article and its paragraphs' first words.
    func workspace() throws -> URL {
        let root = try temporaryFolder()
        let plugin = root.appendingPathComponent("plugins/lakes")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("kb"), withIntermediateDirectories: true)
        try write("return { name = 'lakes', version = '1.0.0', toolkit = '>=0.1.0' }\n", to: plugin.appendingPathComponent("plugin.lua"))
        try write("-- nothing to run\n", to: plugin.appendingPathComponent("init.lua"))
        // The parser's markers, as a default run has them (the bundled plugins are left out here).
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Plugins/news-markers"),
                                         to: root.appendingPathComponent("plugins/news-markers"))
        try write(#"{"id": "person/amina-odhiambo", "kind": "person", "name": "Amina Odhiambo", "variants": [{"text": "Amina Odhiambo", "lang": "en"}]}"# + "\n",
                  to: plugin.appendingPathComponent("kb/people.jsonl"))
        try write("""
            for a in toolkit.articles() do
              local people = {}
              for m in a:entities "person" do people[#people + 1] = m.id end
              print(a.id, table.concat(people, " "), #a.headings, #a.paragraphs, a.paragraphs[#a.paragraphs])
            end
            """, to: root.appendingPathComponent("people.lua"))
        var lines: [String] = []
        for i in 1...40 {
            let text = "Ministers meet in Nairobi, round \(i)\n\nForeign minister Amina Odhiambo met Juma Bakari in Kisumu on Monday for talks on trade, round \(i).\n\nThis story first ran in the weekend Gazette\n\nThey will meet again in March to sign the agreement."
            let record = ["id": "a\(i)", "lang": "en", "text": text]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        try write(lines.joined(separator: "\n") + "\n", to: root.appendingPathComponent("corpus.jsonl"))
        return root
    }

    func people(_ root: URL, cache: String?, extra: [String] = []) throws -> Outcome {
        let cacheArguments = cache.map { ["--cache", root.appendingPathComponent($0).path] } ?? ["--no-cache"]
        let result = try run(["run", "people.lua", "corpus.jsonl", "--plugin", "plugins/lakes", "--plugin", "plugins/news-markers", "--out", "out"] + cacheArguments + extra, in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func cacheShow(_ root: URL, _ name: String) throws -> String {
        let shown = try run(["cache", "--cache", root.appendingPathComponent(name).path], in: root)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        return shown.stdout
    }

    func testRerunReadsTheCacheAndPrintsTheSame() throws {
        let root = try workspace()
        let plain = try people(root, cache: nil)
        XCTAssertTrue(plain.stdout.contains("person/amina-odhiambo"), plain.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("c").path), "--no-cache made a cache")
        let cold = try people(root, cache: "c")
        XCTAssertEqual(cold.stdout, plain.stdout)
        let shownCold = try cacheShow(root, "c")
        XCTAssertTrue(shownCold.contains("holds     40 parsed articles, 40 annotations"), shownCold)
        let warm = try people(root, cache: "c")
        XCTAssertEqual(warm.stdout, plain.stdout)
        XCTAssertEqual(warm.stderr, cold.stderr)
        XCTAssertTrue(try cacheShow(root, "c").contains("check     ok"))
    }

    func testAChangedKnowledgeBaseOrMarkerMissesWhatItChanges() throws {
        let root = try workspace()
        let before = try people(root, cache: "c")
        XCTAssertFalse(before.stdout.contains(" person/juma-bakari"), before.stdout)
        // A second person in the knowledge base: annotations made before it no longer apply.
        let kb = root.appendingPathComponent("plugins/lakes/kb/people.jsonl")
        try write(String(contentsOf: kb, encoding: .utf8) + #"{"id": "person/juma-bakari", "kind": "person", "name": "Juma Bakari", "variants": [{"text": "Juma Bakari", "lang": "en"}]}"# + "\n", to: kb)
        let added = try people(root, cache: "c")
        XCTAssertTrue(added.stdout.contains("person/amina-odhiambo person/juma-bakari"), added.stdout)
        let shownAdded = try cacheShow(root, "c")
        XCTAssertTrue(shownAdded.contains("40 parsed articles, 80 annotations"), "the articles parsed before still apply: \(shownAdded)")
        // A marker that makes a line boilerplate: articles parsed before it no longer apply.
        let markers = root.appendingPathComponent("plugins/lakes/markers")
        try FileManager.default.createDirectory(at: markers, withIntermediateDirectories: true)
        try write("boilerplate\tThis story first ran in the weekend Gazette\tline\n", to: markers.appendingPathComponent("en.tsv"))
        let marked = try people(root, cache: "c")
        XCTAssertTrue(added.stdout.contains("person/juma-bakari\t1\t1\t"), "a heading before the marker: \(added.stdout)")
        XCTAssertTrue(marked.stdout.contains("person/juma-bakari\t0\t1\t"), "boilerplate with it: \(marked.stdout)")
    }

    func testTwoRunsAtOnceShareTheCache() throws {
        let root = try workspace()
        let expected = try people(root, cache: nil).stdout
        let first = try start(["run", "people.lua", "corpus.jsonl", "--plugin", "plugins/lakes", "--plugin", "plugins/news-markers", "--out", "out1", "--cache", "c"], in: root)
        let second = try start(["run", "people.lua", "corpus.jsonl", "--plugin", "plugins/lakes", "--plugin", "plugins/news-markers", "--out", "out2", "--cache", "c"], in: root)
        for outcome in [first(), second()] {
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(outcome.stdout, expected)
            XCTAssertFalse(outcome.stderr.contains("cache"), outcome.stderr)
        }
        let shown = try cacheShow(root, "c")
        XCTAssertTrue(shown.contains("holds     40 parsed articles, 40 annotations"), shown)
        XCTAssertTrue(shown.contains("check     ok"), shown)
    }

    func testADamagedFileIsSetAsideAndRebuilt() throws {
        let root = try workspace()
        let expected = try people(root, cache: nil).stdout
        let folder = root.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: folder.appendingPathComponent("articles.sqlite"))
        let rebuilt = try people(root, cache: "c")
        XCTAssertEqual(rebuilt.stdout, expected)
        XCTAssertTrue(rebuilt.stderr.contains("is damaged (file is not a database); it was set aside as articles.sqlite.damaged-"), rebuilt.stderr)
        let shown = try cacheShow(root, "c")
        XCTAssertTrue(shown.contains("holds     40 parsed articles, 40 annotations"), shown)
        XCTAssertTrue(shown.contains("set aside "), shown)
        let quietly = try people(root, cache: "c")
        XCTAssertEqual(quietly.stdout, expected)
        XCTAssertEqual(quietly.stderr, "toolkit: 40 articles read\n", "the new file is read without a word")
        let cleared = try run(["cache", "clear", "--cache", folder.path], in: root)
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
        XCTAssertTrue(try cacheShow(root, "c").contains("no cache yet"))
    }

    /// The knowledge base's matcher tables are kept in the cache's `compiled/` folder by the first
    /// run and read by the next; a changed knowledge base gets tables of its own, a damaged table
    /// file is built again, `--no-cache` neither reads nor writes them, and `toolkit cache` shows and
    /// clears them.
    func testCompiledTablesAreKeptBesideTheCache() throws {
        let root = try workspace()
        let expected = try people(root, cache: nil).stdout
        let tables = root.appendingPathComponent("c/compiled")
        func tableFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: tables.path)) ?? []).filter { $0.hasSuffix(".automaton") }.sorted()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("c").path), "--no-cache wrote tables")
        XCTAssertEqual(try people(root, cache: "c").stdout, expected)
        let first = tableFiles()
        XCTAssertEqual(first.count, 1, "the first run keeps its tables")
        XCTAssertTrue(try cacheShow(root, "c").contains("compiled  1 knowledge-base matcher table in \(tables.path)"))

        // Articles and annotations gone, tables kept: the next run reads them and prints the same.
        try FileManager.default.removeItem(at: root.appendingPathComponent("c/articles.sqlite"))
        XCTAssertEqual(try people(root, cache: "c").stdout, expected)
        XCTAssertEqual(tableFiles(), first)

        // A damaged table file is not read: the tables are built again and the file replaced.
        let file = tables.appendingPathComponent(first[0])
        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count / 2).write(to: file)
        try FileManager.default.removeItem(at: root.appendingPathComponent("c/articles.sqlite"))
        let rebuilt = try people(root, cache: "c")
        XCTAssertEqual(rebuilt.stdout, expected)
        XCTAssertEqual(rebuilt.stderr, "toolkit: 40 articles read\n", "a damaged table is a cache miss, not news")
        XCTAssertEqual(try Data(contentsOf: file), whole)

        // Another knowledge base, other tables; both kept.
        let kb = root.appendingPathComponent("plugins/lakes/kb/people.jsonl")
        try write(String(contentsOf: kb, encoding: .utf8) + #"{"id": "person/juma-bakari", "kind": "person", "name": "Juma Bakari", "variants": [{"text": "Juma Bakari", "lang": "en"}]}"# + "\n", to: kb)
        let added = try people(root, cache: "c")
        XCTAssertTrue(added.stdout.contains("person/amina-odhiambo person/juma-bakari"), added.stdout)
        XCTAssertEqual(tableFiles().count, 2)

        let cleared = try run(["cache", "clear", "--cache", root.appendingPathComponent("c").path], in: root)
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tables.path), "cache clear removes the tables")
    }

    func testAFolderThatCannotBeUsedIsSaidAndTheRunGoesOn() throws {
        let root = try workspace()
        try write("a file where the cache folder should be\n", to: root.appendingPathComponent("taken"))
        let result = try people(root, cache: "taken/sub")
        XCTAssertTrue(result.stdout.hasPrefix("a1\tperson/amina-odhiambo") && result.stdout.contains("\t1\t1\tThey will meet again"), result.stdout)
        let said = result.stderr.components(separatedBy: "\n").filter { $0.contains("cannot be used") }
        XCTAssertEqual(said.count, 1, result.stderr)
        XCTAssertTrue(said[0].hasPrefix("toolkit: warning: the article cache "), said[0])
    }

    func testContradictoryOptionsAreUsageErrors() throws {
        let root = try workspace()
        for arguments in [["--no-cache", "--cache", "c"], ["--quiet", "--progress"]] {
            let result = try run(["run", "people.lua", "corpus.jsonl"] + arguments, in: root)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("contradict each other"), result.stderr)
        }
    }
}

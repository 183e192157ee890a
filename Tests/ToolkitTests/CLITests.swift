import Foundation
import XCTest

/// The `toolkit` binary end to end, on the repository's seeds/ folder.
final class CLITests: ToolkitProcessTestCase {
    func testOverviewOnSeedsSucceedsAndWritesCSV() throws {
        let out = try temporaryFolder()
        let result = try toolkit(["run", "scripts/overview.lua", "seeds/", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("5 articles ("), result.stdout)
        let csv = try String(contentsOf: out.appendingPathComponent("overview.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("lang,kind,id,name,articles,mentions,spellings\r\n"), csv)
        XCTAssertGreaterThan(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 10)
    }

    func testNoCorpusReadsTheBundledSamplesAndSaysSo() throws {
        let out = try temporaryFolder()
        // Run from another folder: the samples must come from the bundle, not from ./seeds.
        let script = ToolkitProcessTestCase.repo.appendingPathComponent("scripts/overview.lua").path
        let result = try toolkit(["run", script, "--out", out.path], in: out)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("5 articles ("), result.stdout)
        XCTAssertTrue(result.stderr.contains("no corpus given; reading the 5 bundled sample articles"), result.stderr)
    }

    func testScriptErrorExitsOneWithFileAndLine() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("people.lua")
        try write("local n = 0\nfor article in toolkit.articles() do\n  n = n + article.missing_field_here\nend\n", to: script)
        let result = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("people.lua:3: Article has no field 'missing_field_here'"), result.stderr)

        try write("local x = = 1\n", to: script)
        let syntax = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(syntax.status, 1)
        XCTAssertTrue(syntax.stderr.contains("people.lua:1:"), syntax.stderr)
    }

    func testFailingScriptLeavesNoHalfWrittenFile() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("bad.lua")
        try write("toolkit.write.csv('ok.csv', {{1, 2}})\ntoolkit.write.csv('bad.csv', {{1}, {{}}})\n", to: script)
        let result = try toolkit(["run", script.path, "seeds/", "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.lua:2: toolkit.write.csv(\"bad.csv\"): row 2, field '1': a table cannot be written here"), result.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        XCTAssertEqual(written, ["ok.csv"], "only the complete file, no temporary or partial file")
    }

    func testWritesStayInsideTheOutputFolder() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("escape.lua")
        try write("toolkit.write.csv('../escaped.csv', {{1}})\n", to: script)
        let result = try toolkit(["run", script.path, "seeds/", "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is not a valid output name"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped.csv").path))
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try toolkit(["run"]).status, 2)
        XCTAssertEqual(try toolkit(["frobnicate"]).status, 2)
        XCTAssertEqual(try toolkit(["run", "scripts/overview.lua", "--set", "novalue"]).status, 2)
        let missing = try toolkit(["run", "no/such/script.lua", "seeds/"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such/script.lua: cannot read the script"), missing.stderr)
        XCTAssertEqual(try toolkit(["run", "scripts/overview.lua", "--max-memory", "-1"]).status, 2)
    }

    func testHelpExitsZeroAndExplainsOptions() throws {
        let help = try toolkit(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        for option in ["--out", "--set", "--max-memory", "--max-instructions", "--timeout", "Example"] {
            XCTAssertTrue(help.stdout.contains(option), "run --help lacks \(option)")
        }
        XCTAssertEqual(try toolkit(["--help"]).status, 0)
    }

    func testNoReadableInputExitsThree() throws {
        let empty = try temporaryFolder()
        let missing = try toolkit(["run", "scripts/overview.lua", "no/such/folder"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("no/such/folder: no such file or folder"), missing.stderr)
        XCTAssertEqual(try toolkit(["run", "scripts/overview.lua", empty.path]).status, 3)
    }

    func testFoldersAreSearchedRecursivelyAndFollowLinkedFiles() throws {
        let folder = try temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus/deeper")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let seed = ToolkitProcessTestCase.repo.appendingPathComponent("seeds/002_ce580759e4bbd860.txt")
        try FileManager.default.createSymbolicLink(at: corpus.appendingPathComponent("linked.txt"), withDestinationURL: seed)
        try write("{\"text\": \"A title here\\nAnd a body sentence that is long enough.\"}\n", to: folder.appendingPathComponent("corpus/a.jsonl"))
        try write("not an article", to: folder.appendingPathComponent("corpus/notes.md"))
        let script = folder.appendingPathComponent("s.lua")
        try write("for a in toolkit.articles() do print(a.path, a.lang) end\n", to: script)
        let result = try toolkit(["run", script.path, "corpus", "--out", folder.path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "corpus/a.jsonl:1\ten\ncorpus/deeper/linked.txt\tfa\n")
    }

    func testProfilesAddedMidRunReachArticlesAnnotatedAhead() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("add.lua")
        // The first article's entities start annotation ahead with the bundled knowledge base; the
        // profile added next must still be used for the Persian seed read later.
        try write("""
            local n = 0
            for article in toolkit.articles() do
              n = n + 1
              if n == 1 then
                for _ in article:entities() do end
                toolkit.kb.add { id = "person/test-ambassador", kind = "person", name = "Test Ambassador",
                                 variants = { { text = "آندری دنیسوف", lang = "fa" } } }
              end
              for m in article:entities("person") do
                if m.id == "person/test-ambassador" then print(n, m.text, m.extractor) end
              end
            end
            """, to: script)
        let result = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The surname alone two lines later ("دنیسوف گفت"), found as the speaker before a verb of
        // saying, takes the added profile's id too: one id per person in an article.
        XCTAssertEqual(result.stdout, "3\tآندری دنیسوف\tkb\n3\tدنیسوف\tspeaker\n")
    }

    func testArgsAndStdinAndJSONLines() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("args.lua")
        try write("for a in toolkit.articles() do print(toolkit.args.tag, a.id, a.title, a.meta.category) end\n", to: script)
        let jsonl = "{\"id\": \"x1\", \"title\": \"First\", \"text\": \"Body one.\", \"category\": \"politics\"}\nnot json\n{\"id\": \"x2\", \"text\": \"Second title\\nBody two.\"}\n"
        let result = try toolkit(["run", script.path, "-", "--set", "tag=T", "--out", folder.path], stdin: jsonl)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "T\tx1\tFirst\tpolitics\nT\tx2\tSecond title\tnil\n")
        XCTAssertTrue(result.stderr.contains("-:2: not valid JSON; line skipped"), result.stderr)
    }

    func testInvalidUTF8IsReadWithAWarning() throws {
        let folder = try temporaryFolder()
        let body = Array("Title of the story\nThe body of this story has one bad byte, here: ba".utf8) + [0xFF] + Array("d, and then it goes on.\n".utf8)
        try Data(body).write(to: folder.appendingPathComponent("bad.txt"))
        let script = folder.appendingPathComponent("s.lua")
        try write("for a in toolkit.articles() do print(a.title, a.text) end\n", to: script)
        let result = try toolkit(["run", script.path, folder.appendingPathComponent("bad.txt").path, "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Title of the story\tThe body of this story has one bad byte, here: ba\u{FFFD}d, and then it goes on.\n")
        XCTAssertTrue(result.stderr.contains("not valid UTF-8"), result.stderr)
    }

    func testEveryBundledScriptRunsOnSeeds() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: ToolkitProcessTestCase.repo.appendingPathComponent("scripts").path)
            .filter { $0.hasSuffix(".lua") }
        XCTAssertFalse(scripts.isEmpty)
        for script in scripts {
            let out = try temporaryFolder()
            let result = try toolkit(["run", "scripts/" + script, "seeds/", "--out", out.path])
            XCTAssertEqual(result.status, 0, "\(script): \(result.stderr)")
        }
    }
}

import Foundation
import XCTest

/// `toolkit.extractor`: finds of a Lua extractor join the built-in ones, linked like them, and a
/// bad emit, a filter typo or a non-id is an error that says what is valid.
final class ExtractorTests: ToolkitProcessTestCase {
    private func run(_ lua: String, corpus: [String] = ["seeds/"], extra: [String] = [], stdin: String? = nil) throws -> Outcome {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("x.lua")
        try write(lua, to: script)
        return try toolkit(["run", script.path] + corpus + ["--out", folder.appendingPathComponent("out").path] + extra, stdin: stdin)
    }

    static let putinExtractor = """
        toolkit.extractor{ name = "names", kinds = {"person"}, extract = function(article, emit)
          local from = 1
          while true do
            local s, e = article.text:find("بوتين", from, true)
            if not s then break end
            emit{ kind = "person", first = s, last = e, score = 0.5 }
            from = e + 1
          end
        end }
        """

    func testEmittedMentionsJoinTheBuiltInOnesAndAreLinked() throws {
        let result = try run(Self.putinExtractor + """
            local n, ids = 0, {}
            for a in toolkit.articles() do
              for m in a:entities{ extractor = "names" } do
                assert(a.text:sub(m.first, m.last) == m.text, "offsets point at the text")
                assert(m.kind == "person" and m.score == 0.5 and m.section == "text")
                ids[m.id] = true
                n = n + 1
              end
              local all, mine = 0, 0
              for m in a:entities("person") do all = all + 1 if m.extractor == "names" then mine = mine + 1 end end
              assert(all >= mine)
            end
            print("found", n, ids["person/vladimir-putin"])
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("true"), result.stdout)
        XCTAssertFalse(result.stdout.contains("found\t0\t"), result.stdout)
    }

    func testLanguagesLimitWhereAnExtractorRuns() throws {
        let result = try run("""
            local calls = {}
            toolkit.extractor{ name = "sw-only", kinds = "org", languages = {"sw"}, extract = function(article, emit) calls[article.lang] = true end }
            for a in toolkit.articles() do for _ in a:entities() do end end
            print(calls.sw, calls.ar, calls.fa)
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "true\tnil\tnil\n")
    }

    /// Asking the article for its entities from inside `extract` once recursed into the extractors
    /// until the C stack overflowed; it gives the finds made so far instead.
    func testAnExtractorSeesTheFindsBeforeItAndDoesNotRecurse() throws {
        let result = try run(Self.putinExtractor + """
            toolkit.extractor{ name = "echo", kinds = {"person"}, extract = function(article, emit)
              local builtin, names, echoes = 0, 0, 0
              for m in article:entities("person") do
                if m.extractor == "names" then names = names + 1
                elseif m.extractor == "echo" then echoes = echoes + 1
                else builtin = builtin + 1 end
              end
              print(article.lang, builtin > 0, names, echoes)
            end }
            for a in toolkit.articles() do
              local names = 0
              for m in a:entities{ extractor = "names" } do names = names + 1 end
              print(a.lang, "names", names)
              break
            end
            """, corpus: ["seeds/"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, result.stdout)
        let seen = lines[0].split(separator: "\t"), total = lines[1].split(separator: "\t")
        XCTAssertEqual(seen[1], "true", "the built-in finds are there: \(result.stdout)")
        XCTAssertEqual(seen[3], "0", "an extractor does not see its own finds: \(result.stdout)")
        XCTAssertEqual(seen[2], total[2], "it sees all finds of the extractor before it: \(result.stdout)")
    }

    func testNamesWithoutAnIdAreLinkedOrGetAStableUnlinkedId() throws {
        let result = try run("""
            toolkit.extractor{ name = "n", kinds = {"person"}, extract = function(article, emit)
              local e = utf8.offset(article.text, 2) - 1
              emit{ kind = "person", first = 1, last = e, name = "Vladimir Putin" }
              emit{ kind = "person", first = 1, last = e, name = "Nobody Atall" }
            end }
            for a in toolkit.articles() do
              local ids = {}
              for m in a:entities{ extractor = "n" } do ids[#ids + 1] = m.id end
              print(ids[1], ids[2])
              break
            end
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "person/vladimir-putin\t~person/nobody-atall\n")
    }

    func testBadEmitsAreClearErrors() throws {
        let cases: [(String, String)] = [
            ("emit{ kind = 'person', first = 1, last = #article.text + 1 }", "are outside the text"),
            ("emit{ kind = 'person', first = 2, last = 3 }", "cut a character in two"),
            ("emit{ kind = 'persons', first = 1, last = e }", "unknown kind 'persons' (valid: person, org, place, date, money, percent, quantity)"),
            ("emit{ kind = 'org', first = 1, last = e }", "kind 'org' is not among the kinds it declared (person)"),
            ("emit{ kind = 'person', first = 1, last = e, nmae = 'x' }", "unknown key 'nmae'"),
            ("emit{ kind = 'person', first = 1, last = e, id = 'person/nobody-at-all' }", "unknown knowledge-base id 'person/nobody-at-all'"),
            ("emit{ kind = 'person', first = 1, last = e, id = 'place/ru' }", "id 'place/ru' is a place, not a person"),
            ("emit{ kind = 'person', first = 1.5, last = 2 }", "must be integers"),
        ]
        for (emit, expected) in cases {
            // Arabic text: its first character takes two bytes.
            let result = try run("""
                toolkit.extractor{ name = "bad", kinds = {"person"}, languages = {"ar"}, extract = function(article, emit)
                  local e = utf8.offset(article.text, 2) - 1 \(emit)
                end }
                for a in toolkit.articles() do for _ in a:entities() do end end
                """)
            XCTAssertEqual(result.status, 1, "\(emit): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(emit): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("x.lua:2: extractor 'bad' on article seeds/"), "\(emit): \(result.stderr)")
        }
    }

    func testRegistrationIsChecked() throws {
        let cases: [(String, String)] = [
            ("toolkit.extractor{ name = 'kb', kinds = 'person', extract = print }", "the name 'kb' is taken"),
            ("toolkit.extractor{ name = 'x', kinds = 'people', extract = print }", "unknown kind 'people'"),
            ("toolkit.extractor{ name = 'x', kinds = 'person' }", "'extract' must be a function"),
            ("toolkit.extractor{ name = 'x', kinds = 'person', extract = print, langs = {'ar'} }", "unknown key 'langs' (valid: name, kinds, languages, extract)"),
        ]
        for (code, expected) in cases {
            let result = try run(code)
            XCTAssertEqual(result.status, 1, "\(code): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(code): \(result.stderr)")
        }
    }

    func testFilterTyposAreErrorsListingWhatIsValid() throws {
        let cases: [(String, String)] = [
            ("a:entities{ knd = 'person' }", "unknown filter key 'knd' (valid: kind, extractor, linked, min_score, section)"),
            ("a:entities('persons')", "unknown kind 'persons' (valid: person, org, place"),
            ("a:entities{ kind = {'person', 'orgs'} }", "unknown kind 'orgs'"),
            ("a:entities{ extractor = 'capitalized' }", "unknown extractor 'capitalized' (valid: kb, title, capitalised"),
            ("a:entities{ section = 'body' }", "unknown section 'body' (valid: text, title"),
            ("a:entities{ linked = 'yes' }", "'linked' must be true or false"),
            ("a:mentions('Putin')", "expected an entity id like \\\"person/vladimir-putin\\\""),
        ]
        for (call, expected) in cases {
            let result = try run("for a in toolkit.articles() do for m in \(call) do end end")
            XCTAssertEqual(result.status, 1, "\(call): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected.replacingOccurrences(of: "\\\"", with: "\"")), "\(call): \(result.stderr)")
        }
    }

    func testPluginExtractorsShowInToolkitEntities() throws {
        let folder = try temporaryFolder()
        let plugin = folder.appendingPathComponent("putin-finder")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        try write("""
            return { name = "putin-finder", version = "1.0.0", toolkit = ">=0.1.0", description = "finds بوتين",
                     authors = { "tests" }, license = "MIT" }
            """, to: plugin.appendingPathComponent("plugin.lua"))
        try write(Self.putinExtractor, to: plugin.appendingPathComponent("init.lua"))
        let result = try toolkit(["entities", "seeds/", "--plugin", plugin.path, "--format", "jsonl", "--kind", "person"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("\"extractor\":\"names\"") }
        XCTAssertFalse(lines.isEmpty, result.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.contains("\"id\":\"person/vladimir-putin\"") }, "\(lines)")
    }

    func testUnknownKindOnTheCommandLineIsAnError() throws {
        let result = try toolkit(["entities", "seeds/", "--kind", "persn"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--kind persn: unknown kind (valid: person, org, place"), result.stderr)
    }

    func testEachArticlesCallIsAFullPass() throws {
        let result = try run("""
            local function count() local n = 0 for _ in toolkit.articles() do n = n + 1 end return n end
            local first = 0
            for a in toolkit.articles() do first = first + 1 if first == 2 then break end end
            print(first, count(), count())
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "2\t5\t5\n")
    }

    func testPassesRunSideBySide() throws {
        // A loop inside a loop: the inner passes must not end the outer one.
        let result = try run("""
            local pairs, outer = 0, 0
            for a in toolkit.articles() do
              outer = outer + 1
              for b in toolkit.articles() do pairs = pairs + 1 end
              for c in toolkit.articles() do break end
            end
            print(outer, pairs)
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "5\t25\n")
    }

    func testASecondPassOverStandardInputSaysWhy() throws {
        let line = #"{"text": "Rais Samia Suluhu Hassan alikutana na Xi Jinping mjini Beijing.", "lang": "sw"}"# + "\n"
        let result = try run("for _ in toolkit.articles() do end for _ in toolkit.articles() do end", corpus: ["-"], stdin: line)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("standard input can be read only once"), result.stderr)
    }
}

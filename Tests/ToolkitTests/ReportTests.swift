import Foundation
import XCTest

/// `toolkit.report`: map/merge reports run on worker states after the script's top-level code,
/// give the same result for any number of workers, and say clearly what went wrong where.
final class ReportTests: ToolkitProcessTestCase {
    private func run(_ lua: String, corpus: [String] = ["seeds/"], jobs: Int, extra: [String] = []) throws -> (Outcome, URL) {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("r.lua")
        try write(lua, to: script)
        let out = folder.appendingPathComponent("out")
        return (try toolkit(["run", script.path] + corpus + ["--out", out.path, "--jobs", String(jobs)] + extra), out)
    }

    /// Order-sensitive on purpose: the titles are concatenated, so a merge in the wrong order shows.
    static let titles = """
        print("top level")
        local shorten = function(s) return (s or ""):sub(1, 12) end
        settings = { prefix = "#" }
        toolkit.report{
          name = "titles",
          init = function() return { n = 0, langs = {}, titles = {} } end,
          article = function(state, article)
            state.n = state.n + 1
            state.langs[article.lang] = (state.langs[article.lang] or 0) + 1
            state.titles[#state.titles + 1] = settings.prefix .. shorten(article.title)
          end,
          merge = function(a, b)
            a.n = a.n + b.n
            for k, v in pairs(b.langs) do a.langs[k] = (a.langs[k] or 0) + v end
            for _, t in ipairs(b.titles) do a.titles[#a.titles + 1] = t end
            return a
          end,
          finish = function(state, out)
            local rows = {}
            for i, t in ipairs(state.titles) do rows[#rows + 1] = { i = i, title = t } end
            out.csv("titles.csv", rows)
            local langs = {}
            for k, v in pairs(state.langs) do langs[#langs + 1] = { lang = k, n = v } end
            table.sort(langs, function(x, y) return x.lang < y.lang end)
            out.csv("langs.csv", langs)
            print("articles", state.n)
          end,
        }
        """

    func testSameResultOnOneAndTwoWorkersAndTopLevelRunsOnce() throws {
        let (one, outOne) = try run(Self.titles, jobs: 1)
        let (two, outTwo) = try run(Self.titles, jobs: 2)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(one.stdout, "top level\narticles\t5\n")
        XCTAssertEqual(two.stdout, one.stdout)
        for name in ["titles.csv", "langs.csv"] {
            XCTAssertEqual(try Data(contentsOf: outOne.appendingPathComponent(name)), try Data(contentsOf: outTwo.appendingPathComponent(name)), name)
        }
    }

    func testSameResultOnTheRealCorpus() throws {
        let corpus = Self.repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/sw-masakhanews.jsonl")
        guard FileManager.default.fileExists(atPath: corpus.path) else { throw XCTSkip("../shared/corpus is absent") }
        let script = Self.titles + """
            toolkit.report{ name = "people",
              init = function() return {} end,
              article = function(s, a) for m in a:entities("person") do s[m.id] = (s[m.id] or 0) + 1 end end,
              merge = function(a, b) for k, v in pairs(b) do a[k] = (a[k] or 0) + v end return a end,
              finish = function(s, out)
                local rows = {}
                for id, n in pairs(s) do rows[#rows + 1] = { id = id, n = n } end
                table.sort(rows, function(x, y) return x.n > y.n or (x.n == y.n and x.id < y.id) end)
                out.csv("people.csv", rows)
              end }
            """
        let (one, outOne) = try run(script, corpus: [corpus.path], jobs: 1)
        let (two, outTwo) = try run(script, corpus: [corpus.path], jobs: 2)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertTrue(one.stdout.contains("articles\t639"), one.stdout)
        for name in ["titles.csv", "langs.csv", "people.csv"] {
            XCTAssertEqual(try Data(contentsOf: outOne.appendingPathComponent(name)), try Data(contentsOf: outTwo.appendingPathComponent(name)), name)
        }
        let people = try String(contentsOf: outTwo.appendingPathComponent("people.csv"), encoding: .utf8)
        XCTAssertGreaterThan(people.components(separatedBy: "\r\n").count, 50)
    }

    func testPrintInCallbacksComesOutInCorpusOrder() throws {
        let script = """
            toolkit.report{ name = "p", init = function() return {} end,
              article = function(s, a) print(a.path) end, merge = function(a, b) return a end }
            """
        let (one, _) = try run(script, jobs: 1)
        let (two, _) = try run(script, jobs: 2)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.stdout, one.stdout)
        XCTAssertEqual(one.stdout.split(separator: "\n").count, 5)
    }

    func testReportWithoutMergeRunsOnOneState() throws {
        let (result, out) = try run("""
            local seen = {}
            toolkit.report{ name = "seq", init = function() return 0 end,
              article = function(n, a) seen[#seen + 1] = a.path return n + 1 end,
              finish = function(n, out) out.csv("n.csv", {{ n = n, seen = #seen }}) end }
            """, jobs: 2)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("n.csv"), encoding: .utf8), "n,seen\r\n5,5\r\n")
    }

    func testMistakesAreClearErrors() throws {
        let cases: [(String, String)] = [
            ("toolkit.report{ name = 'r', init = function() return { f = print } end, article = function() end, merge = function(a) return a end }",
             "report 'r': the state.f is a function"),
            ("toolkit.report{ name = 'r', init = function() return {} end, article = function(s, a) for _ in toolkit.articles() do end end, merge = function(a) return a end }",
             "toolkit.articles: not available inside a report's callbacks"),
            ("toolkit.report{ name = 'r', init = function() return {} end, article = function(s, a) toolkit.write.csv('x.csv', {}) end, merge = function(a) return a end }",
             "reports write in finish(state, out)"),
            ("toolkit.report{ name = 'r', init = function() return {} end, article = function(s, a)\n error('bad article') end, merge = function(a) return a end }",
             "r.lua:2: bad article (in report 'r', article on article seeds/000_9e104e67ecff82cc.txt)"),
            ("toolkit.report{ name = 'r', init = function() end, article = function() end }", "init() returned nil"),
            ("toolkit.report{ name = 'r', init = print, article = print, reduce = print }", "unknown key 'reduce' (valid: name, init, article, merge, finish, description)"),
            ("local co = coroutine.create(print) toolkit.report{ name = 'r', init = function() return {co} end, article = function() end, merge = function(a) return a end }",
             "cannot hand the reports to the workers"),
        ]
        for (code, expected) in cases {
            let (result, _) = try run(code, jobs: 2)
            XCTAssertEqual(result.status, 1, "\(code): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(code): \(result.stderr)")
        }
    }

    func testReportCommandRunsAPluginsReport() throws {
        let folder = try temporaryFolder()
        let plugin = folder.appendingPathComponent("counter")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        try write("""
            return { name = "counter", version = "1.0.0", toolkit = ">=0.1.0", description = "counts articles",
                     authors = { "tests" }, license = "MIT" }
            """, to: plugin.appendingPathComponent("plugin.lua"))
        try write("""
            toolkit.report{ name = "count", init = function() return { n = 0 } end,
              article = function(s) s.n = s.n + 1 end, merge = function(a, b) a.n = a.n + b.n return a end,
              finish = function(s, out) out.csv("count.csv", {{ n = s.n }}) end }
            """, to: plugin.appendingPathComponent("init.lua"))
        let out = folder.appendingPathComponent("out")
        let result = try toolkit(["report", "count", "seeds/", "--plugin", plugin.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("count.csv"), encoding: .utf8), "n\r\n5\r\n")
        let wrong = try toolkit(["report", "cuont", "seeds/", "--plugin", plugin.path, "--out", out.path])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("no report named 'cuont'; the loaded plugins register count ("), wrong.stderr)
    }
}

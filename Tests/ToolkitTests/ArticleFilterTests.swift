import Foundation
import XCTest

/// `toolkit.articles{lang, since, until, source, where}` and `--lang`, `--since`, `--until`,
/// `--source`: which articles a pass hands out, decided from the record when it says enough and
/// from the parsed article otherwise; mistakes in a filter are errors, never a filter that keeps all.
final class ArticleFilterTests: ToolkitProcessTestCase {
    /// Five records: dates as ISO, as RFC 822 (read by the date parser), as a month, and none; one
    /// record without `lang` or `source`, whose language the parser finds.
    static let records = [
        #"{"id": "a1", "lang": "ar", "date": "2024-02-10", "source": "BBC Arabic", "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني في موسكو."}"#,
        #"{"id": "a2", "lang": "en", "date": "Tue, 03 Jul 2018 10:00:00 GMT", "source": "Tehran Times", "text": "The minister spoke in Tehran on Tuesday."}"#,
        #"{"id": "a3", "lang": "en", "date": "2024-03", "source": "Example Wire", "text": "Leaders met in Astana to discuss trade."}"#,
        #"{"id": "a4", "lang": "fa", "text": "ولادیمیر پوتین روز چهارشنبه در آستانه با شی جین پینگ دیدار کرد."}"#,
        #"{"id": "a5", "text": "Rais wa Urusi Vladimir Putin amewasili katika mji mkuu wa Kazakhstan kwa ajili ya mkutano wa kilele.\nViongozi hao watazungumza kuhusu ushirikiano wa kiuchumi na usalama wa kikanda."}"#,
    ].joined(separator: "\n") + "\n"

    private func corpus() throws -> URL {
        let file = try temporaryFolder().appendingPathComponent("news.jsonl")
        try write(Self.records, to: file)
        return file
    }

    /// The ids a script's filtered loop prints, one run.
    private func ids(_ filter: String, options: [String] = []) throws -> [String] {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("ids.lua")
        try write("for a in toolkit.articles(\(filter)) do print(a.id) end\n", to: script)
        let result = try toolkit(["run", script.path, try corpus().path, "--out", folder.path] + options)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func testLanguageFromTheRecordOrFoundByParsing() throws {
        XCTAssertEqual(try ids(#"{ lang = "en" }"#), ["a2", "a3"])
        XCTAssertEqual(try ids(#"{ lang = { "ar", "fa" } }"#), ["a1", "a4"])
        XCTAssertEqual(try ids(#"{ lang = "sw" }"#), ["a5"])
    }

    func testDatesOverlapTheirSpanAndUndatedArticlesAreLeftOut() throws {
        XCTAssertEqual(try ids(#"{ since = "2024-01-01" }"#), ["a1", "a3"])
        XCTAssertEqual(try ids(#"{ since = "2024-03-15" }"#), ["a3"], "a month overlaps the days of it")
        XCTAssertEqual(try ids(#"{ ["until"] = "2024-02" }"#), ["a1", "a2"], "until is a Lua keyword: written as a string key")
        XCTAssertEqual(try ids(#"{ since = "2018-07-03", ["until"] = "2018-07-03" }"#), ["a2"], "an RFC 822 date is read as the article's date")
    }

    func testSourceAndWhere() throws {
        XCTAssertEqual(try ids(#"{ source = "bbc" }"#), ["a1"])
        XCTAssertEqual(try ids(#"{ source = { "times", "wire" } }"#), ["a2", "a3"])
        XCTAssertEqual(try ids(#"{ lang = "en", where = function(a) return a.text:find("Astana") ~= nil end }"#), ["a3"])
        XCTAssertEqual(try ids(#"{ where = function(a) return a.lang == "sw" end }"#), ["a5"])
    }

    func testCommandLineFiltersEveryPassAndSaysWhatItLeftOut() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("both.lua")
        try write("""
            for a in toolkit.articles { since = "2024" } do print("loop", a.id) end
            toolkit.report { name = "langs", init = function() return {} end,
              article = function(s, a) s[#s + 1] = a.id end,
              merge = function(a, b) for _, id in ipairs(b) do a[#a + 1] = id end return a end,
              finish = function(s) print("report", table.concat(s, " ")) end }

            """, to: script)
        let result = try toolkit(["run", script.path, try corpus().path, "--out", folder.path, "--lang", "en,ar", "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "loop\ta1\nloop\ta3\nreport\ta1 a2 a3\n")
        XCTAssertTrue(result.stderr.contains("the filters (lang en,ar) kept 2 article(s) and left out 3"), result.stderr)

        XCTAssertEqual(try ids("", options: ["--since", "2024-02", "--until", "2024-02-28", "--source", "Arabic"]), ["a1"])
    }

    func testUnknownKeyBadDateAndBadValueAreErrors() throws {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("bad.lua")
        for (filter, message) in [
            (#"{ language = "ar" }"#, "bad.lua:1: toolkit.articles: unknown option 'language' (valid options: lang, since, until, source, where)"),
            (#"{ since = "2024-02-30" }"#, "toolkit.articles: filter 'since': 2024-02-30: not a date; give YYYY-MM-DD, YYYY-MM or YYYY"),
            (#"{ since = "2024", ["until"] = "2023" }"#, "is after filter 'until': 2023"),
            (#"{ lang = 3 }"#, "toolkit.articles: filter 'lang' must be a string or a list of strings (got a number)"),
            (#"{ where = "fa" }"#, "toolkit.articles: filter 'where' must be a function of the article (got a string)"),
        ] {
            try write("for a in toolkit.articles(\(filter)) do end\n", to: script)
            let result = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
            XCTAssertEqual(result.status, 1, filter)
            XCTAssertTrue(result.stderr.contains(message), "\(filter): \(result.stderr)")
        }
        let cli = try toolkit(["run", "scripts/people.lua", "seeds/", "--out", folder.path, "--since", "2024-13"])
        XCTAssertEqual(cli.status, 2)
        XCTAssertTrue(cli.stderr.contains("toolkit: --since 2024-13: not a date; give YYYY-MM-DD, YYYY-MM or YYYY"), cli.stderr)
    }
}

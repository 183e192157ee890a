import Foundation
import Toolkit
import XCTest

/// `toolkit check`: syntax errors, unknown `toolkit.*` names and unknown article fields and methods,
/// one line each with the nearest valid name; nothing in strings or comments; no false alarm on
/// the scripts and examples the project ships.
final class CheckCommandTests: ToolkitProcessTestCase {
    private func findings(_ source: String, file: String = "t.lua") -> [String] {
        ScriptChecker.check(Array(source.utf8), name: file).map(\.description)
    }

    func testUnknownToolkitNames() {
        XCTAssertEqual(findings("""
            local x = toolkit.text.fodl("a")
            print(toolkit.fold("b"), toolkit.re.fnd)
            toolkit.write.jsnl("x.jsonl", {})
            toolkit.write.xml("x.xml", {})
            """), [
                "t.lua:1: unknown name 'toolkit.text.fodl' (did you mean toolkit.text.fold?)",
                "t.lua:2: unknown name 'toolkit.fold' (did you mean toolkit.text.fold?)",
                "t.lua:2: unknown name 'toolkit.re.fnd' (did you mean toolkit.re.find?)",
                "t.lua:3: unknown name 'toolkit.write.jsnl' (did you mean toolkit.write.jsonl?)",
                "t.lua:4: unknown name 'toolkit.write.xml' (toolkit.write has csv, gexf, graphml, html, json, jsonl, markdown, open, sqlite)",
            ])
        // Declared names, values below toolkit.args, and the registration functions pass.
        XCTAssertEqual(findings("""
            print(toolkit.version, toolkit.args.top, toolkit.json.null, toolkit.kb.lookup("x"))
            toolkit.extractor { name = "x", kinds = { "money" }, extract = function(article, emit) end }
            toolkit.log.info(toolkit.text.fold("A"))
            """), [])
    }

    func testUnknownArticleFieldsAndMethods() {
        XCTAssertEqual(findings("""
            for a in toolkit.articles() do
              print(a.titel, a.lang, a:entites("person"))
              for m in a:entities() do print(m.name) end
              print(a.entities, a.wordcount)
            end
            print(a.titel) -- outside the loop, a is someone else's
            """), [
                "t.lua:2: unknown field 'titel' of an article (did you mean 'title'?)",
                "t.lua:2: unknown method 'entites' of an article (did you mean 'entities'?)",
                "t.lua:4: 'entities' is a method of an article: call it as a:entities(...)",
                "t.lua:4: unknown field 'wordcount' of an article (an article has " + articleFieldList + ")",
            ])
    }

    private var articleFieldList: String {
        "id, path, lang, title, lede, date, date_precision, source, original_source, url, byline, agencies, paragraphs, headings, related, captions, credits, quotes, blocks, text, raw, html, meta"
    }

    func testCallbackParametersOfExtractorsAndReports() {
        XCTAssertEqual(findings("""
            toolkit.extractor {
              name = "x",
              extract = function(art, emit)
                emit { kind = "money", first = 1, last = 2, text = art.txt }
              end,
            }
            toolkit.report({
              name = "r",
              init = function() return {} end,
              article = function(state, doc) state[#state + 1] = doc.titel end,
              finish = function(state, out) out.csv("r.csv", state) end,
            })
            """), [
                "t.lua:4: unknown field 'txt' of an article (did you mean 'text'?)",
                "t.lua:10: unknown field 'titel' of an article (did you mean 'title'?)",
            ])
    }

    func testStringsCommentsAndRebindingsAreNotReported() {
        XCTAssertEqual(findings("""
            local s = "toolkit.nope a.titel" .. 'toolkit.nope' .. [[toolkit.nope]] .. [==[ ]] toolkit.nope ]==]
            --[[ toolkit.nope
                 a.titel ]]
            --[=[ toolkit.nope ]] still a comment ]=]
            local esc = "a \\" toolkit.nope \\z
                         toolkit.nope"
            for a in toolkit.articles() do
              local a = { titel = 1 }
              print(a.titel)
            end
            for a in toolkit.articles() do
              for _, a in ipairs({ { titel = 2 } }) do print(a.titel) end
              local function f(a) return a.titel end
              print(0x1p4, 3e-2, 1 .. "toolkit.nope")
            end
            local toolkit = { nope = 1 }
            print(toolkit.nope)
            """), [])
    }

    func testSyntaxErrorsComeFromLuasCompiler() {
        XCTAssertEqual(findings("local x = 1\nif x then\n  print(toolkit.nope\nend\n"), ["t.lua:4: ')' expected (to close '(' at line 3) near 'end'"])
        XCTAssertEqual(findings("x = = 1"), ["t.lua:1: unexpected symbol near '='"])
    }

    /// Every script of scripts/ and every Lua example of the docs passes without a finding.
    func testNoFalseAlarmOnShippedScriptsAndDocs() throws {
        let scripts = Self.repo.appendingPathComponent("scripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: scripts.path).filter { $0.hasSuffix(".lua") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            XCTAssertEqual(try ScriptChecker.check(file: scripts.appendingPathComponent(file).path).map(\.description), [], file)
        }
        var blocks = 0
        for doc in ["docs/lua-api.md", "README.md", "docs/plugins.md"] {
            let text = try String(contentsOf: Self.repo.appendingPathComponent(doc), encoding: .utf8)
            for (i, block) in text.components(separatedBy: "```lua\n").dropFirst().enumerated() {
                let code = block.components(separatedBy: "```").first ?? ""
                XCTAssertEqual(findings(code, file: "\(doc) block \(i + 1)"), [], code)
                blocks += 1
            }
        }
        XCTAssertGreaterThan(blocks, 10)
    }

    func testCommandOutputAndExitCodes() throws {
        let folder = try temporaryFolder()
        let good = folder.appendingPathComponent("good.lua"), bad = folder.appendingPathComponent("bad.lua")
        try write("for a in toolkit.articles() do print(a.title) end\n", to: good)
        try write("for a in toolkit.articles() do\n  print(a.titel)\nend\n", to: bad)

        let clean = try toolkit(["check", good.path])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout + clean.stderr, "")

        let found = try toolkit(["check", good.path, bad.path])
        XCTAssertEqual(found.status, 1)
        XCTAssertEqual(found.stdout, "\(bad.path):2: unknown field 'titel' of an article (did you mean 'title'?)\n")

        let missing = try toolkit(["check", folder.appendingPathComponent("none.lua").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.lua: cannot read the script (no such file)"), missing.stderr)

        let shipped = try toolkit(["check", "scripts/overview.lua", "scripts/people.lua"])
        XCTAssertEqual(shipped.status, 0, shipped.stdout)

        let help = try toolkit(["check", "--help"])
        XCTAssertTrue(help.stdout.contains("toolkit check scripts/*.lua"), help.stdout)
    }
}

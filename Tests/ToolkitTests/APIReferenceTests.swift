import Foundation
import XCTest

/// The Lua API is declared once (Sources/Toolkit/API): the committed reference and editor stubs are
/// what the declarations generate, and a run installs exactly what is declared.
final class APIReferenceTests: ToolkitProcessTestCase {
    func testCommittedReferenceIsGenerated() throws {
        for (format, file) in [("markdown", "docs/lua-api.md"), ("luals", "types/toolkit.lua")] {
            let generated = try toolkit(["api", "--format", format])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            let committed = try String(contentsOf: ToolkitProcessTestCase.repo.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(committed == generated.stdout, "\(file) differs from `toolkit api --format \(format)`: run `make api-docs`")
        }
    }

    /// Every declared function and field is installed in a run, every installed `toolkit.*`
    /// function is declared, and every declared article field and method answers.
    func testDeclaredAndInstalledAgree() throws {
        let names = try toolkit(["api", "--format", "names"])
        XCTAssertEqual(names.status, 0, names.stderr)
        let declared = Set(names.stdout.split(separator: "\n").map(String.init))
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("walk.lua")
        try write("""
            local fields = { ["toolkit.args"] = true, ["toolkit.version"] = true, ["toolkit.json.null"] = true }
            local function walk(t, prefix)
              for k, v in pairs(t) do
                local name = prefix .. "." .. k
                if type(v) == "function" or fields[name] then print(name)
                elseif type(v) == "table" then walk(v, name)
                else print(name) end
              end
            end
            walk(toolkit, "toolkit")
            """, to: script)
        let run = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let installed = Set(run.stdout.split(separator: "\n").map(String.init))
        let toolkitNames = declared.filter { $0.hasPrefix("toolkit.") }
        XCTAssertEqual(installed.subtracting(toolkitNames).sorted(), [], "installed but not declared in Sources/Toolkit/API")
        XCTAssertEqual(toolkitNames.subtracting(installed).sorted(), [], "declared but not installed")

        let articleNames = declared.filter { $0.hasPrefix("article.") }.map { String($0.dropFirst("article.".count)) }
        XCTAssertTrue(articleNames.contains("title") && articleNames.contains("quotes"), "\(articleNames)")
        let probe = folder.appendingPathComponent("probe.lua")
        let checks = articleNames.map { "local _ = a.\($0)" }.joined(separator: "\n")
        try write("""
            for a in toolkit.articles() do
            \(checks)
              assert(type(a.entities) == "function" and type(a.mentions) == "function")
              for _, b in ipairs(a.blocks) do
                assert(a.raw:sub(b.first, b.last):find(b.text, 1, true), b.text)
              end
              for _, q in ipairs(a.quotes) do assert(a.text:sub(q.first, q.last) == q.text) end
            end
            """, to: probe)
        let fields = try toolkit(["run", probe.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(fields.status, 0, fields.stderr)
    }

    /// `toolkit parse --format json` and the Lua article agree: same field names, same values,
    /// 1-based `duplicate_of`, quotes with linked speakers.
    func testParseJSONMatchesTheLuaArticle() throws {
        let parsed = try toolkit(["parse", "seeds/", "--format", "json"])
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("dump.lua")
        try write("""
            for a in toolkit.articles() do
              local t = {}
              for k, v in pairs(a) do t[k] = v end
              print(toolkit.json.encode(t, { sort_keys = true }))
            end
            """, to: script)
        let lua = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
        XCTAssertEqual(lua.status, 0, lua.stderr)
        func objects(_ text: String) throws -> [NSDictionary] {
            try text.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary) }
        }
        let fromParse = try objects(parsed.stdout)
        let fromLua = try objects(lua.stdout)
        XCTAssertEqual(fromParse.count, fromLua.count)
        for (json, article) in zip(fromParse, fromLua) {
            let luaMeta = article["meta"] as? NSArray
            let normalized = article.mutableCopy() as! NSMutableDictionary
            // An empty Lua table encodes as [] by toolkit.json's rule; parse writes the map `meta` as {}.
            if luaMeta?.count == 0 { normalized["meta"] = NSDictionary() }
            XCTAssertEqual(json, normalized, "\(json["path"] ?? "?")")
        }
        let quotes = fromParse.flatMap { ($0["quotes"] as? [[String: Any]]) ?? [] }
        XCTAssertTrue(quotes.contains { $0["speaker_id"] as? String == "person/kim-jong-un" }, "\(quotes)")
        let duplicates = fromParse.flatMap { (($0["blocks"] as? [[String: Any]]) ?? []).compactMap { $0["duplicate_of"] as? Int } }
        XCTAssertFalse(duplicates.isEmpty)
        XCTAssertFalse(duplicates.contains(0), "duplicate_of is 1-based")
    }

    func testOneFunctionsReference() throws {
        let one = try toolkit(["api", "toolkit.re.gsub"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.hasPrefix("# `toolkit.re.gsub(s, pattern, repl [, n])`"), one.stdout)
        let unknown = try toolkit(["api", "toolkit.re.gsubb"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("nothing named 'toolkit.re.gsubb'"), unknown.stderr)
    }
}

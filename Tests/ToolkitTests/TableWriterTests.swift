import Foundation
import XCTest

/// `toolkit.write.csv/json/jsonl/markdown` and `toolkit.write.open`: files read back by real
/// readers (Python's csv and json modules), rows streamed without being held, and every mistake
/// one line naming the writer, the row, the field and the script line.
final class TableWriterTests: ToolkitProcessTestCase {
    private func run(_ lua: String, extra: [String] = [], corpus: [String] = ["seeds/"]) throws -> (Outcome, URL) {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("x.lua")
        try write(lua, to: script)
        let out = folder.appendingPathComponent("out")
        return (try toolkit(["run", script.path] + corpus + ["--out", out.path] + extra), out)
    }

    /// Runs Python on a file and returns what it printed.
    private func python(_ code: String, _ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code, file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, problem)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testEachWriterIsReadBackByARealReader() throws {
        let (result, out) = try run("""
            local rows = {
              { name = "بوتين", count = 3, share = 0.25, linked = true },
              { name = "Xi, \\"Jinping\\"\\nline", count = 2 },
              { name = "پوتین | |", count = 10, note = "only here" },
            }
            toolkit.write.csv("t.csv", rows, { bom = true })
            toolkit.write.jsonl("t.jsonl", rows)
            toolkit.write.json("t.json", { rows = rows, empty = {} }, { pretty = true })
            toolkit.write.markdown("t.md", rows, { columns = { "name", "count" } })
            toolkit.write.csv("lists.csv", { { 1, "a" }, { 2, "b,c" } })
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let csvBytes = try Data(contentsOf: out.appendingPathComponent("t.csv"))
        XCTAssertEqual(Array(csvBytes.prefix(3)), [0xEF, 0xBB, 0xBF], "the byte order mark Excel needs")
        XCTAssertEqual(try python("""
            import csv, sys, json
            rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
            print(json.dumps(rows, ensure_ascii=False))
            """, out.appendingPathComponent("t.csv")),
            #"[["count", "linked", "name", "note", "share"], ["3", "true", "بوتين", "", "0.25"], ["2", "", "Xi, \"Jinping\"\nline", "", ""], ["10", "", "پوتین | |", "only here", ""]]"#)
        XCTAssertEqual(try python("""
            import sys, json
            print(json.dumps([json.loads(l) for l in open(sys.argv[1], encoding="utf-8")], ensure_ascii=False, sort_keys=True))
            """, out.appendingPathComponent("t.jsonl")),
            #"[{"count": 3, "linked": true, "name": "بوتين", "share": 0.25}, {"count": 2, "name": "Xi, \"Jinping\"\nline"}, {"count": 10, "name": "پوتین | |", "note": "only here"}]"#)
        XCTAssertEqual(try python("""
            import sys, json
            d = json.load(open(sys.argv[1], encoding="utf-8"))
            print(len(d["rows"]), d["rows"][0]["name"], d["empty"])
            """, out.appendingPathComponent("t.json")), "3 بوتين {}")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("t.md"), encoding: .utf8), """
            | name | count |
            | --- | ---: |
            | بوتين | 3 |
            | Xi, "Jinping"<br>line | 2 |
            | پوتین \\| \\| | 10 |

            """)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("lists.csv"), encoding: .utf8), "1,a\r\n2,\"b,c\"\r\n")
    }

    func testAStreamedExportHoldsNoRows() throws {
        // 120,000 rows of ~100 bytes (about 12 MB of JSON) under an 8 MiB memory limit: only a
        // writer that does not hold its rows gets through.
        let (result, out) = try run("""
            local w = toolkit.write.open("all.jsonl")
            for i = 1, 120000 do
              w:add({ id = i, name = "name number " .. i, text = ("x"):rep(60) })
            end
            assert(w.rows == 120000 and w.path == nil)
            local path = w:close()
            assert(w.path == path)
            local c = toolkit.write.open("all.csv", { columns = { "id", "name" } })
            for i = 1, 1000 do c:add({ id = i, name = "n" .. i }) end
            c:close()
            print(path)
            """, extra: ["--max-memory", "8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try python("""
            import sys, json
            n = 0
            for line in open(sys.argv[1], encoding="utf-8"):
                json.loads(line); n += 1
            print(n)
            """, out.appendingPathComponent("all.jsonl")), "120000")
        let csv = try String(contentsOf: out.appendingPathComponent("all.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("id,name\r\n1,n1\r\n"), csv)
    }

    func testTheSameRowsWriteTheSameBytesStreamedOrWhole() throws {
        let (result, out) = try run("""
            local rows = { { a = 1, b = "x" }, { a = 2, b = "y" } }
            for _, format in ipairs({ "csv", "jsonl", "markdown" }) do
              toolkit.write[format]("whole." .. format, rows)
              local w = toolkit.write.open("stream." .. format, { format = format })
              for _, r in ipairs(rows) do w:add(r) end
              w:close()
            end
            local j = toolkit.write.open("stream.json", { pretty = true })
            for _, r in ipairs(rows) do j:add(r) end
            j:close()
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        for format in ["csv", "jsonl", "markdown"] {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("whole.\(format)")),
                           try Data(contentsOf: out.appendingPathComponent("stream.\(format)")), format)
        }
        XCTAssertEqual(try python("import sys, json; print(len(json.load(open(sys.argv[1]))))", out.appendingPathComponent("stream.json")), "2")
    }

    func testAWriterLeftOpenIsClosedAndSaidAndAFailedScriptLeavesNothing() throws {
        let (kept, out) = try run("""
            local w = toolkit.write.open("left.jsonl")
            w:add({ a = 1 })
            """)
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertTrue(kept.stderr.contains("left.jsonl was still open when the script ended"), kept.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("left.jsonl"), encoding: .utf8), "{\"a\":1}\n")

        let (failed, failedOut) = try run("""
            local w = toolkit.write.open("sub/partial.jsonl")
            for i = 1, 100000 do w:add({ i = i }) end
            error("stop here")
            """)
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("stop here"), failed.stderr)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: failedOut.path)) ?? []
        XCTAssertEqual(left, [], "no partial file, no temporary file, no folder made for it")
    }

    func testMistakesAreOneLineNamingWriterRowFieldAndScriptLine() throws {
        let cases: [(String, String)] = [
            ("toolkit.write.csv(\"a.csv\", { { name = \"x\" }, { name = function() end } })",
             "x.lua:1: toolkit.write.csv(\"a.csv\"): row 2, field 'name': a function cannot be written here"),
            ("toolkit.write.csv(\"a.csv\", { { 1, 2 }, { a = 1 } })",
             "x.lua:1: toolkit.write.csv(\"a.csv\"): row 2: it is a record but row 1 was a list"),
            ("toolkit.write.csv(\"a.csv\", { { 1, 2 }, \"text\" })",
             "x.lua:1: toolkit.write.csv(\"a.csv\"): row 2: it is a string; rows are tables"),
            ("toolkit.write.csv(\"a.csv\", { { a = 1, 2 } })",
             "row 1: it mixes list items and named fields"),
            ("toolkit.write.csv(\"a.csv\", { { a = { 1 } } })",
             "row 1, field 'a': a table cannot be written here"),
            ("toolkit.write.csv(\"a.csv\", { { a = 0/0 } })",
             "row 1, field 'a': -nan cannot be written (numbers must be finite)"),
            ("toolkit.write.csv(\"a.csv\", { a = 1 })",
             "rows must be a list"),
            ("toolkit.write.csv(\"a.csv\", { { 1, 2, 3 } }, { columns = { \"a\", \"b\" } })",
             "row 1: it has 3 cells but there are 2 columns (a, b)"),
            ("toolkit.write.markdown(\"a.md\", { { 1, 2 } })",
             "row 1: it is a list, and a Markdown table needs a header: give options.columns"),
            ("toolkit.write.jsonl(\"a.jsonl\", { { f = print } })",
             "x.lua:1: toolkit.write.jsonl(\"a.jsonl\"): row 1: row.f is a function"),
            ("local t = {} t.t = t toolkit.write.jsonl(\"a.jsonl\", { t })",
             "x.lua:1:"),
            ("local w = toolkit.write.open(\"a.csv\") w:add({ a = 1 })\nw:add({ a = 2, b = 3 })",
             "x.lua:2: writer:add(\"a.csv\"): row 2, field 'b': not one of the columns (a); give options.columns"),
            ("local w = toolkit.write.open(\"a.csv\") w:add({ a = 1 }) w:close()\nw:add({ a = 1 })",
             "x.lua:2: writer:add(\"a.csv\"): the writer is closed"),
            ("local w = toolkit.write.open(\"a.txt\")",
             "x.lua:1: toolkit.write.open(\"a.txt\"): the name's extension names no format; give options.format"),
            ("local w = toolkit.write.open(\"a.csv\", { format = \"xlsx\" })",
             "unknown format 'xlsx'"),
            ("local w = toolkit.write.open(\"a.jsonl\", { bom = true })",
             "option 'bom' is not one of the jsonl writer's (sort_keys)"),
            ("local w = toolkit.write.open(\"a.csv\", { colums = { \"a\" } })",
             "unknown option 'colums'"),
            ("toolkit.write.csv(\"../a.csv\", { { 1 } })",
             "is not a valid output name"),
        ]
        for (code, expected) in cases {
            let (result, out) = try run(code)
            XCTAssertNotEqual(result.status, 0, code)
            XCTAssertTrue(result.stderr.contains(expected), "\(code)\nexpected: \(expected)\ngot: \(result.stderr)")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(first.contains(expected) && first.contains("x.lua:"), "the first line says it all: \(result.stderr)")
            if !code.contains("w:close()") {
                XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [], [], "nothing written: \(code)")
            }
        }
    }

    func testABadRowWritesNothingAndTheWriterGoesOn() throws {
        let (result, out) = try run("""
            local w = toolkit.write.open("a.csv", { columns = { "a" } })
            w:add({ a = 1 })
            local ok, message = pcall(w.add, w, { a = print })
            assert(not ok and message:find("row 2, field 'a'"), message)
            w:add({ a = 3 })
            w:close()
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.csv"), encoding: .utf8), "a\r\n1\r\n3\r\n")
    }

    func testAReportStreamsThroughOut() throws {
        let (result, out) = try run("""
            toolkit.report{ name = "langs",
              init = function() return {} end,
              article = function(s, a) s[#s + 1] = { id = a.id, lang = a.lang } end,
              merge = function(a, b) for _, r in ipairs(b) do a[#a + 1] = r end return a end,
              finish = function(s, out)
                local w = out.open("langs.jsonl")
                for _, r in ipairs(s) do w:add(r) end
                w:close()
              end }
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOf: out.appendingPathComponent("langs.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
    }
}

import Foundation
import XCTest

/// `toolkit run --map-state` and `toolkit merge`: a report run split into parts of a corpus gives
/// what one run over the whole corpus gives, the state file keeps Lua's values as they were
/// (integers and floats apart, keys of any kind), and mistakes are clear errors.
final class ReportStateTests: ToolkitProcessTestCase {
    /// Order-sensitive (the lengths are a list in corpus order), with integers, floats, integer
    /// keys, a key that begins with '$', and a print in the article callback.
    static let shape = """
        print("top level")
        toolkit.report{
          name = "shape",
          init = function() return { n = 0, chars = 0.0, langs = {}, lengths = {}, buckets = {}, ["$seen"] = { [true] = 0 } } end,
          article = function(s, a)
            print("article", a.path, #a.text)
            s.n = s.n + 1
            s.chars = s.chars + #a.text / 2
            s.langs[a.lang] = (s.langs[a.lang] or 0) + 1
            s.lengths[#s.lengths + 1] = #a.text
            local bucket = #a.text // 2000
            s.buckets[bucket] = (s.buckets[bucket] or 0) + 1
            s["$seen"][true] = s["$seen"][true] + 1
          end,
          merge = function(a, b)
            a.n, a.chars = a.n + b.n, a.chars + b.chars
            for k, v in pairs(b.langs) do a.langs[k] = (a.langs[k] or 0) + v end
            for _, v in ipairs(b.lengths) do a.lengths[#a.lengths + 1] = v end
            for k, v in pairs(b.buckets) do a.buckets[k] = (a.buckets[k] or 0) + v end
            a["$seen"][true] = a["$seen"][true] + b["$seen"][true]
            return a
          end,
          finish = function(s, out)
            local rows = {}
            for i, v in ipairs(s.lengths) do rows[#rows + 1] = { i = i, length = v } end
            out.csv("lengths.csv", rows)
            local buckets = {}
            for k, v in pairs(s.buckets) do buckets[#buckets + 1] = { bucket = k, n = v } end
            table.sort(buckets, function(x, y) return x.bucket < y.bucket end)
            out.csv("buckets.csv", buckets)
            print("n", s.n, math.type(s.n), "chars", s.chars, math.type(s.chars), "seen", s["$seen"][true])
          end,
        }
        """

    private func script(_ lua: String) throws -> (folder: URL, script: String) {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("r.lua")
        try write(lua, to: script)
        return (folder, script.path)
    }

    private func seedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.repo.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "seeds/" + $0 }
    }

    private func assertSameFiles(_ names: [String], _ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in names {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertFalse(x.isEmpty, name, file: file, line: line)
            XCTAssertEqual(x, y, name, file: file, line: line)
        }
    }

    func testMapOnPartsAndMergeGiveWhatOneRunGives() throws {
        let (folder, script) = try script(Self.shape)
        let seeds = try seedFiles()
        XCTAssertGreaterThanOrEqual(seeds.count, 3)
        let whole = try toolkit(["run", script, "seeds/", "--out", folder.appendingPathComponent("whole").path])
        XCTAssertEqual(whole.status, 0, whole.stderr)

        // Three parts of unequal size, each mapped in a process of its own, merged in corpus order.
        let parts = [Array(seeds[0..<1]), Array(seeds[1..<3]), Array(seeds[3...])]
        var states: [String] = []
        for (i, part) in parts.enumerated() {
            let state = folder.appendingPathComponent("part-\(i).json").path
            let map = try toolkit(["run", script] + part + ["--map-state", state, "--out", folder.appendingPathComponent("map").path, "--jobs", "2"])
            XCTAssertEqual(map.status, 0, map.stderr)
            XCTAssertEqual(map.stdout, "top level\n", "the callbacks' prints go into the state file")
            states.append(state)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("map/lengths.csv").path), "finish does not run in the map half")
        let merged = try toolkit(["merge", script] + states + ["--out", folder.appendingPathComponent("merged").path])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, whole.stdout)
        XCTAssertTrue(whole.stdout.contains("n\t\(seeds.count)\tinteger\tchars\t"), whole.stdout)
        XCTAssertTrue(whole.stdout.contains("\tfloat\tseen\t\(seeds.count)\n"), whole.stdout)
        try assertSameFiles(["lengths.csv", "buckets.csv"], folder.appendingPathComponent("whole"), folder.appendingPathComponent("merged"))

        // A tree of merges: the first two parts merged into a state, then that with the third.
        let left = folder.appendingPathComponent("left.json").path
        let step = try toolkit(["merge", script, states[0], states[1], "--map-state", left])
        XCTAssertEqual(step.status, 0, step.stderr)
        let tree = try toolkit(["merge", script, left, states[2], "--out", folder.appendingPathComponent("tree").path])
        XCTAssertEqual(tree.status, 0, tree.stderr)
        XCTAssertEqual(tree.stdout, whole.stdout)
        try assertSameFiles(["lengths.csv", "buckets.csv"], folder.appendingPathComponent("whole"), folder.appendingPathComponent("tree"))
    }

    func testJSONLinesOnStandardInputSplitIntoParts() throws {
        let report = """
            toolkit.report{ name = "titles", init = function() return {} end,
              article = function(s, a) s[#s + 1] = a.title .. " (" .. a.lang .. ")" end,
              merge = function(a, b) for _, t in ipairs(b) do a[#a + 1] = t end return a end,
              finish = function(s, out) print(table.concat(s, "|")) end }
            """
        let (folder, script) = try script(report)
        let lines = [
            #"{"id": "a", "title": "Rais akutana na Waziri", "text": "Rais alikutana na Waziri Mkuu jijini Dodoma jana."}"#,
            #"{"id": "b", "title": "Summit opens", "text": "The summit opened in Astana on Monday with nine leaders."}"#,
            #"{"id": "c", "title": "القمة تبدأ", "text": "بدأت القمة في أستانا يوم الاثنين بحضور تسعة قادة."}"#,
        ]
        let corpus = folder.appendingPathComponent("c.jsonl")
        try write(lines.joined(separator: "\n") + "\n", to: corpus)
        let whole = try toolkit(["run", script, corpus.path])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let first = folder.appendingPathComponent("1.json").path, second = folder.appendingPathComponent("2.json").path
        let a = try toolkit(["run", script, "-", "--map-state", first], stdin: lines[0] + "\n" + lines[1] + "\n")
        let b = try toolkit(["run", script, "-", "--map-state", second], stdin: lines[2] + "\n")
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        let merged = try toolkit(["merge", script, first, second])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, whole.stdout)
        XCTAssertEqual(whole.stdout.split(separator: "|").count, 3, whole.stdout)
    }

    /// The exact text of a state, and every kind of value read back as it was.
    func testStateFileKeepsLuaValues() throws {
        let (folder, script) = try script("""
            toolkit.report{ name = "values",
              init = function()
                return { i = 3, f = 3.0, big = 1e300, inf = math.huge, s = "\\xff", ["$x"] = 1, list = { 1, 2 },
                         mixed = { 1, 2, n = 2 }, empty = {}, [true] = "t", [2.5] = "half", [10] = "ten" }
              end,
              article = function() end,
              merge = function(a, b) a.i = a.i + b.i return a end,
              finish = function(s)
                print(math.type(s.i), s.i, math.type(s.f), s.big == 1e300, s.inf == math.huge, s.s == "\\xff", s["$x"],
                      #s.list, s.mixed.n, s.mixed[2], next(s.empty), s[true], s[2.5], s[10])
              end }
            """)
        let state = folder.appendingPathComponent("s.json")
        let map = try toolkit(["run", script, "seeds/", "--map-state", state.path])
        XCTAssertEqual(map.status, 0, map.stderr)
        let text = try String(contentsOf: state, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(#"{"format":"toolkit-report-states","version":1,"toolkit":""#), text)
        let seeds = try seedFiles().count
        XCTAssertTrue(text.contains(#""articles":\#(seeds),"printed":"","reports":[{"name":"values","state":"#), text)
        XCTAssertTrue(text.hasSuffix(#""state":{"$$x":1,"big":1e+300,"empty":{},"f":3.0,"i":3,"inf":{"$float":"inf"},"list":[1,2],"mixed":{"n":2,"$array":[1,2]},"s":{"$bytes":"/w=="},"$pairs":[[2.5,"half"],[10,"ten"],[true,"t"]]}}]}"# + "\n"), text)

        let merged = try toolkit(["merge", script, state.path, state.path])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, "integer\t6\tfloat\ttrue\ttrue\ttrue\t1\t2\t2\t2\tnil\tt\thalf\tten\n")
    }

    func testMistakesAreClearErrors() throws {
        let (folder, plain) = try script("""
            toolkit.report{ name = "counts", init = function() return { n = 0 } end, article = function(s) s.n = s.n + 1 end,
              merge = function(a, b) a.n = a.n + b.n a.f = print return a end }
            """)
        let state = folder.appendingPathComponent("s.json").path
        XCTAssertEqual(try toolkit(["run", plain, "seeds/", "--map-state", state]).status, 0)

        let noMerge = folder.appendingPathComponent("nomerge.lua").path
        try write("""
            toolkit.report{ name = "ok", init = function() return {} end, article = function() end, merge = function(a) return a end }
            toolkit.report{ name = "single", init = function() return 0 end, article = function(n) return n + 1 end }
            """, to: URL(fileURLWithPath: noMerge))
        let loop = folder.appendingPathComponent("loop.lua").path
        try write("""
            for a in toolkit.articles() do end
            toolkit.report{ name = "ok", init = function() return {} end, article = function() end, merge = function(a) return a end }
            """, to: URL(fileURLWithPath: loop))
        let notState = folder.appendingPathComponent("not.json").path
        try write(#"{"rows": []}"#, to: URL(fileURLWithPath: notState))

        let cases: [([String], Int32, String)] = [
            (["run", noMerge, "seeds/", "--map-state", state + ".x"], 2, "nomerge.lua:2) has no merge function"),
            (["merge", noMerge, state], 2, "nomerge.lua:2) has no merge function"),
            (["run", loop, "seeds/", "--map-state", state + ".x"], 2, "reads articles in its own code (toolkit.articles)"),
            (["merge", plain, state, state, "--map-state", state + ".y"], 1, "report 'counts': the state.f is a function"),
            (["merge", loop, state], 2, "reads articles in its own code"),
            (["merge", plain, notState], 3, "\(notState): not a report state file"),
            (["merge", plain, folder.appendingPathComponent("missing.json").path], 3, "missing.json: cannot read the report states"),
            (["merge", plain], 2, "give at least one state file"),
        ]
        for (arguments, status, expected) in cases {
            let result = try toolkit(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            if expected.hasSuffix("has no merge function") {
                XCTAssertTrue(result.stderr.contains("report 'single' ("), result.stderr)
                XCTAssertFalse(result.stderr.contains("'ok'"), "only the report without merge is named: \(result.stderr)")
            }
        }
        let (_, other) = try script("""
            toolkit.report{ name = "other", init = function() return {} end, article = function() end, merge = function(a) return a end }
            """)
        let foreign = try toolkit(["merge", other, state])
        XCTAssertEqual(foreign.status, 2, foreign.stderr)
        XCTAssertTrue(foreign.stderr.contains("holds the state of report 'counts', which \(other) does not register (it registers 'other')"), foreign.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: state + ".x"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: state + ".y"))
    }
}

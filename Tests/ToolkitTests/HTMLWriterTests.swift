import Foundation
import LuaBridge
import XCTest
@testable import Toolkit

/// toolkit.write.html: the page table is checked (every problem names the section and field), what
/// scripts give stays text, right-to-left labels keep their order and get their direction, time
/// lines count per day, ISO week and month, large inputs are capped with a note, and the page opens
/// in headless Chromium with no error, no fetch and every chart drawn.
final class HTMLWriterTests: ToolkitProcessTestCase {
    private func record(_ pairs: KeyValuePairs<String, LuaValue>) -> LuaValue {
        .table(LuaTable(fields: pairs.map { (key: LuaValue($0.key), value: $0.value) }))
    }

    private func list(_ items: [LuaValue]) -> LuaValue { .table(LuaTable(array: items)) }

    private func page(_ sections: LuaValue..., title: LuaValue = "Report") -> LuaValue {
        record(["title": title, "sections": list(sections)])
    }

    private func html(_ page: LuaValue, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return String(decoding: try HTMLWriter.bytes(of: page), as: UTF8.self)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    private func bars(_ pairs: [(String, Double)]) -> LuaValue {
        list(pairs.map { record(["label": LuaValue($0.0), "value": LuaValue($0.1)]) })
    }

    // MARK: - Escaping and direction

    func testMarkupFromScriptsStaysText() {
        let hostile = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"
        let text = html(record([
            "title": LuaValue(hostile), "notes": LuaValue(hostile),
            "sections": list([
                record(["kind": "text", "title": LuaValue(hostile), "text": LuaValue(hostile)]),
                record(["kind": "bar", "title": LuaValue(hostile), "data": bars([(hostile, 3)])]),
                record(["kind": "table", "rows": list([record(["name": LuaValue(hostile)])]), "columns": list([LuaValue(hostile)])]),
                record(["kind": "network", "graph": record(["edges": list([record(["source": LuaValue(hostile), "target": "b"])])])]),
            ]),
        ]))
        XCTAssertFalse(text.contains("<script>alert"), text)
        XCTAssertFalse(text.contains("<img"), text)
        XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert(2)&gt;"))
        XCTAssertEqual(text.components(separatedBy: "<script").count - 1, 1, "only the page's own script")
        XCTAssertTrue(text.contains("default-src 'none'"), "a policy forbids every fetch")
    }

    func testTheContentPolicyHashesTheInlineStyleAndScript() {
        XCTAssertEqual(HTMLContentPolicy.sha256(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined(),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(HTMLContentPolicy.source(""), "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let text = html(page())
        XCTAssertTrue(text.contains("style-src '\(HTMLContentPolicy.source(HTMLRenderer.style))'"))
        XCTAssertTrue(text.contains("<style>\(HTMLRenderer.style)</style>"))
        XCTAssertTrue(text.contains("<script>\(HTMLRenderer.script)</script>"))
    }

    func testRightToLeftLabelsGetTheirDirectionNotReversedText() {
        XCTAssertTrue(HTMLFormat.isRightToLeft("فلاديمير بوتين"))
        XCTAssertTrue(HTMLFormat.isRightToLeft("۲۰۲۴ پوتین"), "Persian digits are weak; the first letter decides")
        XCTAssertTrue(HTMLFormat.isRightToLeft("«بوتين»"))
        XCTAssertFalse(HTMLFormat.isRightToLeft("Xi شي"))
        XCTAssertFalse(HTMLFormat.isRightToLeft("2024"))
        let text = html(page(record(["kind": "bar", "data": bars([("فلاديمير بوتين", 3), ("Vladimir Putin", 2)])])))
        XCTAssertTrue(text.contains("text-anchor=\"start\" direction=\"rtl\" unicode-bidi=\"embed\">فلاديمير بوتين</text>"), text)
        XCTAssertTrue(text.contains("text-anchor=\"end\">Vladimir Putin</text>"), text)
        XCTAssertTrue(text.contains("<html lang=\"en\" dir=\"ltr\">"))
        let table = html(page(record(["kind": "table", "rows": list([list(["پوتین", 1])])])))
        XCTAssertTrue(table.contains("<td dir=\"auto\">پوتین</td>"), table)
    }

    func testChartsAreNamedForScreenReadersAndScaleWithThePage() throws {
        let text = html(page(record(["kind": "bar", "title": "Top", "data": bars([("a", 1)])]),
                             record(["kind": "timeline", "dates": list(["2024-07-01"])]),
                             record(["kind": "network", "graph": record(["edges": list([record(["source": "a", "target": "b"])])])])))
        let charts = text.components(separatedBy: "<svg class=\"chart\"").dropFirst()
        XCTAssertEqual(charts.count, 3)
        for (i, chart) in charts.enumerated() {
            let id = "s\(i + 1)-chart"
            XCTAssertTrue(chart.hasPrefix(" id=\"\(id)\" viewBox=\"0 0 760 "), chart)
            XCTAssertTrue(chart.contains("role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\""))
            XCTAssertTrue(chart.contains("<title id=\"\(id)-t\">") && chart.contains("<desc id=\"\(id)-d\">"))
            XCTAssertFalse(chart.prefix(200).contains("width=\""), "sized by the page, not in pixels")
        }
        XCTAssertTrue(text.contains("<title id=\"s1-chart-t\">Top</title>"))
        XCTAssertTrue(text.contains("<title id=\"s2-chart-t\">Time line</title>"), "an untitled chart still has a name")
        XCTAssertTrue(text.contains("<section id=\"s1\" class=\"bar\" aria-labelledby=\"s1-h\">"))
    }

    func testLongLabelsAreShortenedByWholeCharacters() {
        let name = String(repeating: "بوتينَ", count: 20)
        let short = HTMLFormat.shortened(name, to: 10)
        XCTAssertEqual(short.count, 10)
        XCTAssertTrue(short.hasSuffix("…"))
        XCTAssertTrue(name.hasPrefix(String(short.dropLast())), "a prefix in reading order, marks kept")
    }

    func testNumbersAreGroupedAndRounded() {
        XCTAssertEqual(HTMLFormat.number(12345), "12,345")
        XCTAssertEqual(HTMLFormat.number(1234567.8), "1,234,568")
        XCTAssertEqual(HTMLFormat.number(3.14159), "3.14")
        XCTAssertEqual(HTMLFormat.number(42.26), "42.3")
        XCTAssertEqual(HTMLFormat.number(0), "0")
        XCTAssertEqual(HTMLFormat.number(0.0004), "0")
        XCTAssertEqual(HTMLFormat.number(-1500), "−1,500")
        XCTAssertEqual(HTMLFormat.ticks(upTo: 27), [0, 10, 20, 30])
        XCTAssertEqual(HTMLFormat.ticks(upTo: 1, count: 4, whole: true), [0, 1])
        XCTAssertEqual(HTMLFormat.ticks(upTo: 0.8, count: 4), [0, 0.2, 0.4, 0.6, 0.8])
    }

    // MARK: - Time lines

    private func day(_ text: String) -> TimelineBuckets.Day {
        guard case .day(let d)? = TimelineBuckets.parse(text) else { XCTFail(text); return .init(ordinal: 0) }
        return d
    }

    private func points(_ dates: [String]) -> [TimelineBuckets.Point] {
        dates.map { TimelineBuckets.Point(when: TimelineBuckets.parse($0)!) }
    }

    func testDatesAreParsedWithTheirPrecision() {
        XCTAssertEqual(TimelineBuckets.parse("2024-07-03"), .day(.init(year: 2024, month: 7, day: 3)))
        XCTAssertEqual(TimelineBuckets.parse("2024-07-03T10:00:00Z"), .day(.init(year: 2024, month: 7, day: 3)))
        XCTAssertEqual(TimelineBuckets.parse("2024-07-03 10:00"), .day(.init(year: 2024, month: 7, day: 3)))
        XCTAssertEqual(TimelineBuckets.parse("2024-02-29"), .day(.init(year: 2024, month: 2, day: 29)))
        XCTAssertEqual(TimelineBuckets.parse("2024-07"), .month(year: 2024, month: 7))
        XCTAssertEqual(TimelineBuckets.parse("2024"), .imprecise)
        XCTAssertEqual(TimelineBuckets.parse("--09-15"), .imprecise)
        for bad in ["2023-02-29", "2024-13-01", "2024-07-3", "July 3", "", "2024-07-03x", "--13-01", "20240703"] {
            XCTAssertNil(TimelineBuckets.parse(bad), bad)
        }
    }

    func testDaysCountAcrossErasAndLeapYears() {
        XCTAssertEqual(day("1970-01-01").ordinal, 0)
        XCTAssertEqual(day("2000-03-01").ordinal, 11_017)
        XCTAssertEqual(day("1969-12-31").ordinal, -1)
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(TimelineBuckets.Day(ordinal: ordinal).ordinal, ordinal)
        }
        XCTAssertEqual(day("2024-07-01").weekday, 0, "a Monday")
        XCTAssertEqual(day("2024-07-07").weekday, 6, "a Sunday")
    }

    func testISOWeeksAtTheEdgesOfTheYear() {
        let cases: [(String, Int, Int, String)] = [
            ("2021-01-03", 2020, 53, "2020-12-28"),  // a Sunday: still the last week of 2020
            ("2021-01-04", 2021, 1, "2021-01-04"),
            ("2024-12-30", 2025, 1, "2024-12-30"),  // a Monday in December: week 1 of the next year
            ("2026-12-31", 2026, 53, "2026-12-28"),
            ("2027-01-01", 2026, 53, "2026-12-28"),
            ("2008-12-29", 2009, 1, "2008-12-29"),
            ("2015-12-31", 2015, 53, "2015-12-28"),
            ("2024-07-03", 2024, 27, "2024-07-01"),
        ]
        for (text, year, week, monday) in cases {
            let iso = day(text).isoWeek
            XCTAssertEqual(iso.year, year, text)
            XCTAssertEqual(iso.week, week, text)
            XCTAssertEqual(iso.monday.description, monday, text)
        }
        let series = try! TimelineBuckets.series(points(["2020-12-31", "2021-01-03", "2021-01-04"]), by: .week)
        XCTAssertEqual(series.buckets.map(\.start.description), ["2020-12-28", "2021-01-04"])
        XCTAssertEqual(series.buckets.map(\.value), [2, 1])
        XCTAssertEqual(TimelineSVG.name(series.buckets[0].start, unit: .week), "week 53 of 2020 (28 Dec 2020 – 3 Jan 2021)")
        XCTAssertEqual(TimelineSVG.name(day("2024-07-01"), unit: .week), "week 27 of 2024 (1–7 Jul 2024)")
    }

    func testDaysKeepTheirGapsAndLessPreciseDatesAreCountedApart() throws {
        let series = try TimelineBuckets.series(points(["2024-07-03", "2024-07-01", "2024-07-01", "2024-07", "2024", "--07-02"]), by: .day)
        XCTAssertEqual(series.buckets.map(\.start.description), ["2024-07-01", "2024-07-02", "2024-07-03"])
        XCTAssertEqual(series.buckets.map(\.value), [2, 0, 1])
        XCTAssertEqual(series.leftOut, 3)
        let months = try TimelineBuckets.series(points(["2024-11-30", "2025-02-01", "2024-12", "2024"]), by: .month)
        XCTAssertEqual(months.buckets.map(\.start.description), ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"])
        XCTAssertEqual(months.buckets.map(\.value), [1, 1, 0, 1])
        XCTAssertEqual(months.leftOut, 1)
        let weighted = try TimelineBuckets.series([.init(when: .day(day("2024-07-01")), value: 2.5), .init(when: .day(day("2024-07-02")), value: 4)], by: .week)
        XCTAssertEqual(weighted.buckets.map(\.value), [6.5])
    }

    func testTheUnitIsChosenFromTheSpan() {
        XCTAssertEqual(TimelineBuckets.unit(for: points(["2024-07-01", "2024-09-30"])), .day)
        XCTAssertEqual(TimelineBuckets.unit(for: points(["2024-07-01", "2025-06-30"])), .week)
        XCTAssertEqual(TimelineBuckets.unit(for: points(["2020-01-01", "2024-06-30"])), .month)
        XCTAssertEqual(TimelineBuckets.unit(for: points(["2024-07", "2024-09"])), .month)
        let text = html(page(record(["kind": "timeline", "dates": list(["2024-07-01", "2025-06-30"])])))
        XCTAssertTrue(text.contains("Counted per week (ISO weeks, Monday to Sunday)."), text)
        XCTAssertTrue(text.contains("<title>week 27 of 2024 (1–7 Jul 2024): 1</title>"), text)
    }

    func testATimeLineWithNoDatesSaysSo() {
        let text = html(page(record(["kind": "timeline", "dates": list(["2024", "--07-01"])])))
        XCTAssertTrue(text.contains("No dates to draw. Not drawn: 2 dates less precise than a day (a month, a year, or a day without its year)."), text)
        XCTAssertFalse(text.contains("<svg class=\"chart\""))
    }

    // MARK: - Caps

    func testLargeInputsAreCappedWithANote() {
        let rows = list((1...600).map { record(["n": LuaValue($0)]) })
        let table = html(page(record(["kind": "table", "rows": rows])))
        XCTAssertTrue(table.contains("Showing the first 500 of 600 rows."))
        XCTAssertTrue(table.contains(">500</td>") && !table.contains(">501</td>"))

        let many = bars((1...50).map { ("name \($0)", Double($0 % 17)) })
        let shown = BarChartSVG.shown(HTMLPage.Bars(bars: (1...50).map { .init(label: "name \($0)", value: Double($0 % 17)) }, limit: 30))
        XCTAssertEqual(shown.count, 30)
        XCTAssertEqual(shown.map(\.value).min(), 7, "the largest are kept")
        XCTAssertEqual(shown.first?.label, "name 7", "in the order given")
        XCTAssertTrue(html(page(record(["kind": "bar", "data": many]))).contains("Showing the 30 largest of 50 bars."))

        let edges = list((2...100).map { record(["source": "hub", "target": LuaValue("n\($0)"), "weight": LuaValue($0)]) })
        let network = html(page(record(["kind": "network", "graph": record(["edges": edges]), "limit": 20])))
        XCTAssertTrue(network.contains("Showing the 20 largest of 100 nodes (by weighted degree)."), network)
        XCTAssertEqual(network.components(separatedBy: "<circle cx").count - 1, 20)
        XCTAssertTrue(network.contains(">n100</text>"), "the heaviest are kept")
        XCTAssertFalse(network.contains(">n80</text>"))
    }

    func testNetworkSizesColoursAndLegend() {
        let graph = record([
            "nodes": list([record(["id": "a", "label": "بوتين", "kind": "person", "articles": 9]),
                           record(["id": "b", "label": "Xi", "kind": "person", "articles": 1]),
                           record(["id": "c", "label": "SCO", "kind": "org", "articles": 4])]),
            "edges": list([record(["source": "a", "target": "b", "weight": 3]), record(["source": "b", "target": "c"])]),
            "directed": true,
        ])
        let text = html(page(record(["kind": "network", "graph": graph, "size": "articles"])))
        XCTAssertTrue(text.contains("<title>بوتين: 9 (kind: person)</title>"), text)
        XCTAssertTrue(text.contains("<bdi>person</bdi>") && text.contains("<bdi>org</bdi>"))
        XCTAssertTrue(text.contains("marker-end="), "directed edges get arrows")
        XCTAssertTrue(text.contains("Node area by &#39;articles&#39;, edge width by weight."))
    }

    // MARK: - Errors

    func testEveryProblemNamesTheSectionAndField() {
        let cases: [(LuaValue, String)] = [
            ("x", "the page must be a table"),
            (record(["sections": list([])]), "field 'title': missing; the page needs a title"),
            (record(["title": "t", "colour": "red"]), "unknown page key 'colour' (valid keys: title, notes, sections)"),
            (record(["title": "t", "sections": record(["a": 1])]), "field 'sections': must be a list"),
            (page("bar"), "section 1: a section is a table"),
            (page(record(["title": "x"])), "section 1, field 'kind': missing; one of text, table, bar, timeline, network"),
            (page(record(["kind": "pie"])), "section 1, field 'kind': 'pie' is not a kind of section"),
            (page(record(["kind": "text", "text": "a"]), record(["kind": "bar", "data": bars([]), "colour": "red"])),
             "section 2: unknown key for a bar section 'colour' (valid keys: kind, title, notes, data, limit)"),
            (page(record(["kind": "text"])), "section 1, field 'text': missing"),
            (page(record(["kind": "text", "text": list([])])), "section 1, field 'text': must be a string, not a table"),
            (page(record(["kind": "bar"])), "section 1, field 'data': missing"),
            (page(record(["kind": "bar", "data": list([record(["label": "a", "value": "3"])])])),
             "section 1, field 'data': item 1, field 'value': must be a number, not a string"),
            (page(record(["kind": "bar", "data": list([record(["label": "a", "value": -1])])])),
             "section 1, field 'data': item 1, field 'value': −1 cannot be drawn"),
            (page(record(["kind": "bar", "data": list([record(["value": 1])])])), "section 1, field 'data': item 1, field 'label': missing"),
            (page(record(["kind": "bar", "data": list([record(["label": "a", "value": 1, "color": "red"])])])),
             "section 1, field 'data': item 1 has the unknown key 'color' (valid keys: label, value)"),
            (page(record(["kind": "bar", "data": bars([("a", 1)]), "limit": 0])), "section 1, field 'limit': must be a whole number from 1 to 200"),
            (page(record(["kind": "timeline"])), "section 1, field 'dates': missing"),
            (page(record(["kind": "timeline", "dates": list([]), "data": list([])])), "section 1, field 'data': give either dates"),
            (page(record(["kind": "timeline", "dates": list(["2024-07-01", "3 July"])])),
             "section 1, field 'dates': item 2: '3 July' is not an ISO 8601 date"),
            (page(record(["kind": "timeline", "dates": list(["2024-07-01", 3])])), "section 1, field 'dates': item 2: a date is a string"),
            (page(record(["kind": "timeline", "data": list([record(["date": "2024-07-01", "value": true])])])),
             "section 1, field 'data': item 1, field 'value': must be a number, not a boolean"),
            (page(record(["kind": "timeline", "data": list([record(["value": 1])])])), "section 1, field 'data': item 1, field 'date': missing"),
            (page(record(["kind": "timeline", "dates": list(["2024-07-01"]), "by": "year"])), "section 1, field 'by': must be \"day\", \"week\" or \"month\""),
            (page(record(["kind": "timeline", "dates": list(["2000-01-01", "2024-07-01"]), "by": "day"])),
             "section 1, field 'by': the dates span 8,949 days, more than the 1,500 a time line draws; give by = 'week' or 'month'"),
            (page(record(["kind": "table", "rows": list(["a"])])), "section 1, field 'rows': row 1 is a string; rows are lists or records"),
            (page(record(["kind": "table", "rows": list([list(["a"]), record(["a": 1])])])),
             "section 1, field 'rows': row 2 is a record but the rows before it are lists"),
            (page(record(["kind": "table", "rows": list([record(["a": list([])])])])),
             "section 1, field 'rows': row 1, field 'a': a table cannot be written here"),
            (page(record(["kind": "table", "rows": list([]), "columns": list([1])])), "section 1, field 'columns': item 1 is a number"),
            (page(record(["kind": "network"])), "section 1, field 'graph': missing"),
            (page(record(["kind": "network", "graph": record(["nodes": list([record(["id": "a"])]),
                                                                "edges": list([record(["source": "a", "target": "b"])])])])),
             "section 1, field 'graph': edge 1, field 'target': 'b' is not one of the graph's nodes"),
            (page(record(["kind": "network", "size": "n", "graph": record(["nodes": list([record(["id": "a", "n": "many"])])])])),
             "section 1, field 'size': node 1's 'n' is many; a size must be a number of at least 0"),
        ]
        for (value, expected) in cases {
            XCTAssertThrowsError(try HTMLWriter.bytes(of: value)) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "got: \(error)\nwanted: \(expected)")
            }
        }
    }

    // MARK: - The real reader

    /// A page with every kind of section, through the real writer: `toolkit run` once the function
    /// is installed, else the same bytes the binding writes, through the output folder.
    func testThePageOpensInChromiumWithEveryChartDrawn() throws {
        let root = ToolkitProcessTestCase.repo
        let python = root.appendingPathComponent(".venv-test/bin/python")
        let chromium = ["/usr/bin/chromium", "/usr/local/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard FileManager.default.isExecutableFile(atPath: python.path), let chromium else {
            let message = "the HTML check needs .venv-test and chromium: run `make readers`"
            if ProcessInfo.processInfo.environment["TOOLKIT_READERS"] == "required" { XCTFail(message); return }
            throw XCTSkip(message)
        }
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("report.lua")
        try write(Self.reportScript, to: script)
        let page: URL
        if WriteModule.module.functions.contains(where: { $0.name == "toolkit.write.html" }) {
            let result = try toolkit(["run", script.path, "seeds/", "--out", folder.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            page = folder.appendingPathComponent("report.html")
        } else {
            let state = try LuaState()
            let value = try state.run(Self.pageOnly).first ?? .nil
            page = try OutputFolder(url: folder).write(Data(try HTMLWriter.bytes(of: value)), to: "report.html")
        }
        let check = Process()
        check.executableURL = python
        check.arguments = [root.appendingPathComponent("tools/check/check_html.py").path, page.path, "--chromium", chromium,
                           "--screenshot", folder.appendingPathComponent("report.png").path]
        let out = Pipe(), err = Pipe()
        check.standardOutput = out
        check.standardError = err
        try check.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        XCTAssertEqual(check.terminationStatus, 0, stderr + stdout)
        for kind in ["\"bar\"", "\"timeline\"", "\"network\""] {
            XCTAssertTrue(stdout.contains("\"kind\": \(kind)"), "no \(kind) chart drawn: \(stdout)")
        }
    }

    /// The page of the check, as plain Lua (no corpus needed): names in three scripts and markup.
    static let pageOnly = """
        local bars = { { label = "Vladimir Putin", value = 27 }, { label = "شي جين بينغ", value = 15 },
          { label = "ولادیمیر پوتین (رئیس جمهور)", value = 9 }, { label = "<script>alert(1)</script>", value = 4 } }
        local dates = {}
        for i = 0, 60 do dates[#dates + 1] = string.format("2024-%02d-%02d", 6 + i // 28, 1 + i % 28) end
        for i = 1, 20 do dates[#dates + 1] = "2024-07-0" .. (1 + i % 9) end
        local nodes, edges = {}, {}
        local names = { "Putin", "بوتين", "Xi", "شي", "SCO", "Modi", "مودی", "Tokayev", "Lukashenko", "Erdoğan" }
        for i, name in ipairs(names) do nodes[i] = { id = "n" .. i, label = name, kind = i % 3 == 0 and "org" or "person" } end
        for i = 1, #names do
          for j = i + 1, #names do
            if (i * j) % 3 ~= 1 then edges[#edges + 1] = { source = "n" .. i, target = "n" .. j, weight = (i + j) % 5 + 1 } end
          end
        end
        return {
          title = "Check <b>page</b>", notes = "Bars, a time line, a network and a table.",
          sections = {
            { kind = "bar", title = "People", data = bars },
            { kind = "timeline", title = "Articles per day", dates = dates },
            { kind = "network", title = "Who appears with whom", graph = { nodes = nodes, edges = edges } },
            { kind = "table", title = "Rows", rows = bars, columns = { "label", "value" } },
            { kind = "text", title = "Method", text = "Plain <text>." },
          },
        }
        """

    static let reportScript = """
        local page = (function() \(pageOnly) end)()
        toolkit.write.html("report.html", page)
        """
}

import Foundation
import LuaBridge
import XCTest
@testable import Toolkit

/// The graph writers (GEXF, GraphML), the checked graph a script gives them, and the layout the
/// HTML report draws networks with. The files are read back by NetworkX, the reader analysts use.
final class GraphWriterTests: XCTestCase {
    // MARK: - A graph as a script gives it

    private func table(_ fields: [(String, LuaValue)], array: [LuaValue] = []) -> LuaValue {
        .table(LuaTable(array: array, fields: fields.map { (key: LuaValue($0.0), value: $0.1) }))
    }

    private func list(_ items: [LuaValue]) -> LuaValue { .table(LuaTable(array: items)) }

    private func problem(_ graph: LuaValue, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try OutputGraph(lua: graph)
            XCTFail("the graph was accepted", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    private var people: LuaValue {
        list([table([("id", "person/putin"), ("label", "Putin")]), table([("id", "person/xi"), ("label", "Xi")])])
    }

    func testAnEdgeToAnUnknownNodeNamesTheEdgeAndTheField() {
        let edges = list([table([("source", "person/putin"), ("target", "person/xi")]),
                          table([("source", "person/xi"), ("target", "person/modi")])])
        XCTAssertEqual(problem(table([("nodes", people), ("edges", edges)])),
                       "edge 2, field 'target': 'person/modi' is not one of the graph's nodes (add it to nodes, or leave nodes out to take the edges' ends)")
    }

    func testWithoutNodesTheEdgesEndsAreTheNodes() throws {
        let graph = try OutputGraph(lua: table([("edges", list([table([("source", "a"), ("target", "b"), ("weight", 2)])]))]))
        XCTAssertEqual(graph.nodes.map(\.id), ["a", "b"])
        XCTAssertEqual(graph.nodes.map(\.label), ["a", "b"])
        XCTAssertEqual(graph.edges.first?.weight, 2)
    }

    func testEachBadShapeIsNamed() {
        let edge = { (fields: [(String, LuaValue)]) in self.list([self.table([("source", "person/putin"), ("target", "person/xi")] + fields)]) }
        let cases: [(LuaValue, String)] = [
            (table([("nodes", list([table([("id", "a")]), table([("id", "a")])]))]),
             "node 2, field 'id': the id 'a' is already node 1's; ids must be unique"),
            (table([("nodes", people), ("edges", edge([("weight", -1)]))]),
             "edge 1, field 'weight': the weight must be a finite number of at least 0"),
            (table([("nodes", people), ("edges", edge([("weight", "heavy")]))]),
             "edge 1, field 'weight': the weight must be a number, not a string"),
            (table([("nodes", list(["person/putin"]))]),
             "node 1: a node is a table { id = ..., label = ... }, not a string"),
            (table([("nodes", people), ("edge", list([]))]),
             "unknown graph key 'edge' (valid keys: directed, nodes, edges)"),
            (table([("nodes", list([table([("label", "no id")])]))]),
             "node 1, field 'id': missing; every node needs one"),
            (table([("nodes", list([table([("id", "a"), ("kind", list([]))])]))]),
             "node 1, field 'kind': a table cannot be written here; cells are strings, numbers, booleans or nil"),
            (table([("nodes", people), ("edges", edge([("start", "July")]))]),
             "edge 1, field 'start': 'July' is not a time; give a date (2024-07-03, 2024-07, 2024, 2024-07-03T10:15) or a number"),
            (table([("nodes", people), ("edges", edge([("start", "2024-07-03"), ("end", "2024-07-02")]))]),
             "edge 1, field 'end': '2024-07-02' is before the start '2024-07-03'"),
            (table([("nodes", people), ("edges", edge([("start", "2024-02-30")]))]),
             "edge 1, field 'start': '2024-02-30' is not a time; give a date (2024-07-03, 2024-07, 2024, 2024-07-03T10:15) or a number"),
            (table([("nodes", people), ("edges", list([table([("source", "person/putin"), ("target", "person/xi"), ("start", "2024")]),
                                                      table([("source", "person/xi"), ("target", "person/putin"), ("start", 3)])]))]),
             "edge 2, field 'start': a number, but edge 1's start is a date; give every start and end as a date or every one as a number"),
            (table([("nodes", people), ("edges", edge([("start", "--09-15")]))]),
             "edge 1, field 'start': '--09-15' has no year, so it has no place on a time line; leave it out or give a full date"),
            (table([("directed", "yes")]), "'directed' must be true or false, not a string"),
            (.string("graph"), "the graph must be a table { nodes = {...}, edges = {...} }, not a string"),
        ]
        for (graph, expected) in cases {
            XCTAssertEqual(problem(graph), expected)
        }
    }

    // MARK: - GEXF

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private var sample: OutputGraph {
        OutputGraph(directed: false, nodes: [
            .init(id: "person/putin", label: "پوتین", attributes: [("count", .integer(3)), ("kind", .string("person")), ("score", .integer(2))]),
            .init(id: "person/xi", label: "شي جين بينغ", attributes: [("count", .integer(5_000_000_000)), ("kind", .integer(7)), ("score", .number(0.5))]),
            .init(id: "org/sco", label: "A & <B> \"C\"\u{1}\tD", attributes: [("official", .boolean(true))]),
        ], edges: [
            .init(source: "person/putin", target: "person/xi", weight: 3, label: "met", attributes: [("articles", .integer(2))]),
            .init(source: "person/xi", target: "org/sco", weight: 1.5),
        ])
    }

    func testGEXFDeclaresTypesEscapesAndReplacesControlCharacters() {
        let gexf = text(GEXFWriter.encode(sample))
        XCTAssertTrue(gexf.contains(#"<gexf xmlns="http://www.gexf.net/1.2draft""#), gexf)
        XCTAssertTrue(gexf.contains(#"<graph defaultedgetype="undirected" mode="static">"#), gexf)
        XCTAssertTrue(gexf.contains(#"<attribute id="0" title="count" type="long"/>"#), gexf)
        XCTAssertTrue(gexf.contains(#"<attribute id="1" title="kind" type="string"/>"#), gexf)
        XCTAssertTrue(gexf.contains(#"<attribute id="2" title="official" type="boolean"/>"#), gexf)
        XCTAssertTrue(gexf.contains(#"<attribute id="3" title="score" type="double"/>"#), gexf)
        XCTAssertTrue(gexf.contains(#"<attribute id="0" title="articles" type="integer"/>"#), gexf)
        XCTAssertTrue(gexf.contains(#"label="A &amp; &lt;B&gt; &quot;C&quot;"# + "\u{FFFD}&#9;D\""), gexf)
        XCTAssertTrue(gexf.contains(#"<edge id="0" source="person/putin" target="person/xi" weight="3" label="met">"#), gexf)
        XCTAssertTrue(gexf.contains(#"weight="1.5""#), gexf)
        XCTAssertFalse(gexf.contains("\u{1}"))
        XCTAssertEqual(GEXFWriter.encode(sample), GEXFWriter.encode(sample), "the same graph gives the same bytes")
    }

    func testGEXFIsDynamicWhenEdgesHaveTimes() throws {
        let edges = list([table([("source", "a"), ("target", "b"), ("start", "2024-07"), ("end", "2024-07")]),
                          table([("source", "b"), ("target", "c"), ("start", "2024"), ("end", "2024-02")]),
                          table([("source", "c"), ("target", "a")])])
        let dated = text(GEXFWriter.encode(try OutputGraph(lua: table([("directed", true), ("edges", edges)]))))
        XCTAssertTrue(dated.contains(#"<graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#), dated)
        XCTAssertTrue(dated.contains(#"start="2024-07-01" end="2024-07-31""#), dated)
        XCTAssertTrue(dated.contains(#"start="2024-01-01" end="2024-02-29""#), dated)

        let timed = list([table([("source", "a"), ("target", "b"), ("start", "2024-07-03T10:15"), ("end", "2024-07-04")])])
        let clock = text(GEXFWriter.encode(try OutputGraph(lua: table([("edges", timed)]))))
        XCTAssertTrue(clock.contains(#"timeformat="dateTime""#), clock)
        XCTAssertTrue(clock.contains(#"start="2024-07-03T10:15:00" end="2024-07-04T23:59:59""#), clock)

        let numbered = list([table([("source", "a"), ("target", "b"), ("start", 2024), ("end", 2025.5)])])
        let numbers = text(GEXFWriter.encode(try OutputGraph(lua: table([("edges", numbered)]))))
        XCTAssertTrue(numbers.contains(#"timeformat="double""#), numbers)
        XCTAssertTrue(numbers.contains(#"start="2024" end="2025.5""#), numbers)
    }

    func testGEXFCarriesALayoutWhenGivenOne() throws {
        let graph = sample
        let gexf = text(GEXFWriter.encode(graph, positions: ForceLayout(graph: graph).positions()))
        XCTAssertTrue(gexf.contains(#"xmlns:viz="http://www.gexf.net/1.2draft/viz""#), gexf)
        XCTAssertEqual(gexf.components(separatedBy: "<viz:position ").count - 1, 3, gexf)
        XCTAssertFalse(gexf.contains("<attvalues>\n        </attvalues>"), "no empty attribute lists")
        let read = try readBack(Array(gexf.utf8), as: "laid-out.gexf")
        XCTAssertEqual((read["nodes"] as? [String: Any])?.count, 3)
    }

    func testAttributeOrderInTheScriptDoesNotChangeTheFile() throws {
        let a = table([("nodes", list([table([("id", "x"), ("b", 1), ("a", "one")])]))])
        let b = table([("nodes", list([table([("a", "one"), ("id", "x"), ("b", 1)])]))])
        XCTAssertEqual(GEXFWriter.encode(try OutputGraph(lua: a)), GEXFWriter.encode(try OutputGraph(lua: b)))
        XCTAssertEqual(GraphMLWriter.encode(try OutputGraph(lua: a)), GraphMLWriter.encode(try OutputGraph(lua: b)))
    }

    // MARK: - GraphML

    func testGraphMLDeclaresKeys() {
        var graph = sample
        graph.directed = true
        graph.edges[0].start = "2024-07-03"
        let graphml = text(GraphMLWriter.encode(graph))
        XCTAssertTrue(graphml.contains(#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="n0" for="node" attr.name="count" attr.type="long"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="n2" for="node" attr.name="official" attr.type="boolean"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="n3" for="node" attr.name="score" attr.type="double"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="start" for="edge" attr.name="start" attr.type="string"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<key id="e0" for="edge" attr.name="articles" attr.type="int"/>"#), graphml)
        XCTAssertTrue(graphml.contains(#"<graph id="G" edgedefault="directed">"#), graphml)
        XCTAssertTrue(graphml.contains("<data key=\"label\">A &amp; &lt;B&gt; \"C\"\u{FFFD}\tD</data>"), graphml)
        XCTAssertFalse(graphml.contains(#"<key id="end""#), "no edge has an end")
    }

    // MARK: - Read back by NetworkX

    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What NetworkX reads from a file, through tools/check/read_graph.py in the readers' venv.
    private func readBack(_ bytes: [UInt8], as name: String) throws -> [String: Any] {
        let python = Self.packageRoot.appendingPathComponent(".venv-test/bin/python")
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            let message = "NetworkX is not installed for the tests: run `make readers` (it makes .venv-test)"
            if ProcessInfo.processInfo.environment["TOOLKIT_READERS"] == "required" { throw ReadersMissing(description: message) }
            throw XCTSkip(message)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)

        let process = Process()
        process.executableURL = python
        process.arguments = [Self.packageRoot.appendingPathComponent("tools/check/read_graph.py").path, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "NetworkX could not read \(name):\n\(problems)\n\(String(decoding: bytes, as: UTF8.self))")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], problems)
    }

    private func edge(_ read: [String: Any], _ a: String, _ b: String) -> [String: Any]? {
        (read["edges"] as? [[String: Any]])?.first {
            ($0["source"] as? String == a && $0["target"] as? String == b)
                || ($0["source"] as? String == b && $0["target"] as? String == a)
        }
    }

    func testNetworkXReadsTheGEXF() throws {
        let read = try readBack(GEXFWriter.encode(sample), as: "net.gexf")
        XCTAssertEqual(read["directed"] as? Bool, false)
        let nodes = try XCTUnwrap(read["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(nodes.count, 3)
        XCTAssertEqual(nodes["person/putin"]?["label"] as? String, "پوتین")
        XCTAssertEqual(nodes["person/xi"]?["label"] as? String, "شي جين بينغ")
        XCTAssertEqual(nodes["org/sco"]?["label"] as? String, "A & <B> \"C\"\u{FFFD}\tD")
        XCTAssertEqual(nodes["person/xi"]?["count"] as? Int, 5_000_000_000)
        XCTAssertEqual(nodes["person/putin"]?["score"] as? Double, 2)
        XCTAssertEqual(nodes["person/xi"]?["kind"] as? String, "7")
        XCTAssertEqual(nodes["org/sco"]?["official"] as? Bool, true)
        XCTAssertEqual((read["edges"] as? [Any])?.count, 2)
        let met = try XCTUnwrap(edge(read, "person/putin", "person/xi"))
        XCTAssertEqual(met["weight"] as? Double, 3)
        XCTAssertEqual(met["label"] as? String, "met")
        XCTAssertEqual(met["articles"] as? Int, 2)
        XCTAssertEqual(edge(read, "person/xi", "org/sco")?["weight"] as? Double, 1.5)
    }

    func testNetworkXReadsADynamicGEXF() throws {
        let edges = list([table([("source", "a"), ("target", "b"), ("start", "2024-07-03"), ("end", "2024-07")])])
        let read = try readBack(GEXFWriter.encode(try OutputGraph(lua: table([("directed", true), ("edges", edges)]))), as: "dynamic.gexf")
        XCTAssertEqual(read["directed"] as? Bool, true)
        XCTAssertEqual(read["mode"] as? String, "dynamic")
        XCTAssertEqual(edge(read, "a", "b")?["start"] as? String, "2024-07-03")
        XCTAssertEqual(edge(read, "a", "b")?["end"] as? String, "2024-07-31")
    }

    func testNetworkXReadsTheGraphML() throws {
        var graph = sample
        graph.directed = true
        graph.edges[1].start = "2024-07-03"
        let read = try readBack(GraphMLWriter.encode(graph), as: "net.graphml")
        XCTAssertEqual(read["directed"] as? Bool, true)
        let nodes = try XCTUnwrap(read["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(nodes.count, 3)
        XCTAssertEqual(nodes["person/putin"]?["label"] as? String, "پوتین")
        XCTAssertEqual(nodes["person/xi"]?["label"] as? String, "شي جين بينغ")
        XCTAssertEqual(nodes["org/sco"]?["label"] as? String, "A & <B> \"C\"\u{FFFD}\tD")
        XCTAssertEqual(nodes["person/xi"]?["count"] as? Int, 5_000_000_000)
        XCTAssertEqual(nodes["person/xi"]?["score"] as? Double, 0.5)
        XCTAssertEqual(nodes["org/sco"]?["official"] as? Bool, true)
        let met = try XCTUnwrap(edge(read, "person/putin", "person/xi"))
        XCTAssertEqual(met["weight"] as? Double, 3)
        XCTAssertEqual(met["label"] as? String, "met")
        XCTAssertEqual(met["articles"] as? Int, 2)
        XCTAssertEqual(edge(read, "person/xi", "org/sco")?["start"] as? String, "2024-07-03")
    }

    // MARK: - Layout

    private func distance(_ p: [(x: Double, y: Double)], _ a: Int, _ b: Int) -> Double {
        ((p[a].x - p[b].x) * (p[a].x - p[b].x) + (p[a].y - p[b].y) * (p[a].y - p[b].y)).squareRoot()
    }

    /// Two communities of 20 joined by one edge, plus three isolated nodes.
    private func communities() -> ForceLayout {
        var random = SplitMix64(seed: 42)
        var edges: [(source: Int, target: Int, weight: Double)] = []
        for group in 0..<2 {
            for i in 0..<20 {
                for j in (i + 1)..<20 where random.unit() < 0.25 { edges.append((group * 20 + i, group * 20 + j, 1)) }
                edges.append((group * 20 + i, group * 20 + (i + 1) % 20, 1))
            }
        }
        edges.append((0, 20, 1))
        return ForceLayout(nodeCount: 43, edges: edges)
    }

    func testTheLayoutIsDeterministicFiniteAndInTheBox() {
        let layout = communities()
        let first = layout.positions(), second = layout.positions()
        XCTAssertEqual(first.count, 43)
        XCTAssertTrue(zip(first, second).allSatisfy { $0.x == $1.x && $0.y == $1.y })
        XCTAssertTrue(first.allSatisfy { $0.x.isFinite && $0.y.isFinite && (0...1).contains($0.x) && (0...1).contains($0.y) })
        let other = ForceLayout(nodeCount: 43, edges: layout.edges, seed: 7).positions()
        XCTAssertFalse(zip(first, other).allSatisfy { $0.x == $1.x && $0.y == $1.y }, "the seed matters")
        XCTAssertEqual(ForceLayout(nodeCount: 1, edges: []).positions().first?.x, 0.5)
        XCTAssertTrue(ForceLayout(nodeCount: 0, edges: []).positions().isEmpty)
    }

    func testConnectedNodesAreCloserAndNoneOverlap() {
        let layout = communities()
        let p = layout.positions()
        let linked = layout.edges.map { distance(p, $0.source, $0.target) }
        var apart: [Double] = []
        for a in 0..<40 { for b in (a + 1)..<40 { apart.append(distance(p, a, b)) } }
        let meanLinked = linked.reduce(0, +) / Double(linked.count)
        let meanAll = apart.reduce(0, +) / Double(apart.count)
        XCTAssertLessThan(meanLinked, meanAll * 0.6, "edges are shorter than pairs on average")
        var closest = Double.infinity
        for a in 0..<43 { for b in (a + 1)..<43 { closest = min(closest, distance(p, a, b)) } }
        XCTAssertGreaterThan(closest, 0.02, "no two nodes on top of each other")
        // The isolated nodes are packed next to the rest, not pushed to a far corner: the drawing
        // fills the box on at least one axis, and the communities take most of it.
        let xs = p[0..<40].map(\.x), ys = p[0..<40].map(\.y)
        XCTAssertGreaterThan(max(xs.max()! - xs.min()!, ys.max()! - ys.min()!), 0.7)
    }

    func testHeavierEdgesPullHarder() {
        // A ring of 12 where one edge weighs 20 times the others.
        var edges = (0..<12).map { (source: $0, target: ($0 + 1) % 12, weight: 1.0) }
        edges[0].weight = 20
        let p = ForceLayout(nodeCount: 12, edges: edges).positions()
        let light = (1..<12).map { distance(p, edges[$0].source, edges[$0].target) }
        XCTAssertLessThan(distance(p, 0, 1), light.reduce(0, +) / Double(light.count))
    }

    func testComponentsArePacked() {
        // Ten separate pairs: each pair's nodes are closer to each other than to any other node.
        let edges = (0..<10).map { (source: 2 * $0, target: 2 * $0 + 1, weight: 1.0) }
        let p = ForceLayout(nodeCount: 20, edges: edges).positions()
        for pair in 0..<10 {
            let inside = distance(p, 2 * pair, 2 * pair + 1)
            for other in 0..<20 where other / 2 != pair {
                XCTAssertLessThan(inside, distance(p, 2 * pair, other))
            }
        }
    }

    func testALargeComponentTakesTheQuadtreePath() {
        // Past `exactLimit` nodes far pushes are summed by a quadtree. A debug build is too slow to
        // time this fairly (a release build lays out 5,000 nodes in about a second), so only the
        // shape of the result is checked, on few steps.
        var random = SplitMix64(seed: 9)
        var edges: [(source: Int, target: Int, weight: Double)] = []
        let n = ForceLayout.exactLimit * 3
        for node in 1..<n {
            edges.append((node, Int(random.next() % UInt64(node)), 1 + Double(random.next() % 5)))
            if node > 10 { edges.append((node, Int(random.next() % UInt64(node)), 1)) }
        }
        let p = ForceLayout(graph: OutputGraph(nodes: (0..<n).map { .init(id: "n\($0)", label: "n\($0)") },
                                               edges: edges.map { .init(source: "n\($0.source)", target: "n\($0.target)", weight: $0.weight) }),
                            iterations: 40).positions()
        XCTAssertEqual(p.count, n)
        XCTAssertTrue(p.allSatisfy { $0.x.isFinite && $0.y.isFinite && (0...1).contains($0.x) && (0...1).contains($0.y) })
        let linked = edges.map { distance(p, $0.source, $0.target) }.reduce(0, +) / Double(edges.count)
        let pairs = (0..<2000).map { _ in distance(p, Int(random.next() % UInt64(n)), Int(random.next() % UInt64(n))) }
        XCTAssertLessThan(linked, pairs.reduce(0, +) / Double(pairs.count) * 0.7)
    }
}

/// The writers as scripts call them: `toolkit.write.gexf` and `.graphml`, and a report's `out`.
final class GraphWriterScriptTests: ToolkitProcessTestCase {
    private func requireRegistered() throws {
        let names = WriteModule.module.functions.map(\.name)
        guard names.contains("toolkit.write.gexf") && names.contains("toolkit.write.graphml") else {
            throw XCTSkip("toolkit.write.gexf and graphml are declared in WriteGraphs.swift but not yet listed in WriteModule.module")
        }
    }

    func testScriptsWriteGraphsAndABadEdgeNamesTheFileTheEdgeAndTheLine() throws {
        try requireRegistered()
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("out")
        try write("""
            print(toolkit.write.gexf("net.gexf", { nodes = { { id = "a", label = "پوتین" }, { id = "b" } },
                                                  edges = { { source = "a", target = "b", weight = 2 } } }))
            toolkit.report { name = "graph", init = function() return {} end, article = function() end,
              finish = function(_, out) out.graphml("report.graphml", { edges = { { source = "x", target = "y" } } }) end }
            """, to: folder.appendingPathComponent("good.lua"))
        let good = try toolkit(["run", "good.lua", "--out", out.path], in: folder)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("net.gexf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.graphml").path))

        try write("""
            local graph = { nodes = { { id = "a" } }, edges = { { source = "a", target = "a" }, { source = "a", target = "c" } } }
            toolkit.write.graphml("bad.graphml", graph)
            """, to: folder.appendingPathComponent("bad.lua"))
        let bad = try toolkit(["run", "bad.lua", "--out", out.path], in: folder)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains(
            "bad.lua:2: toolkit.write.graphml(\"bad.graphml\"): edge 2, field 'target': 'c' is not one of the graph's nodes"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("bad.graphml").path))
    }
}

/// Fails a test under `make test` (TOOLKIT_READERS=required), where a missing reader is a broken setup.
private struct ReadersMissing: Error, CustomStringConvertible {
    var description: String
}

/// A graph as a GEXF file for Gephi, as UTF-8 bytes.
///
/// The file is GEXF 1.2 (`http://www.gexf.net/1.2draft`), not 1.3: Gephi reads both the same way,
/// but NetworkX (3.4) knows only the 1.1 and 1.2 namespaces and finds no graph in a 1.3 file, and
/// 1.3 adds nothing this writer needs. Node and edge attributes are declared with the types
/// `GraphAttributeColumns` infers; an edge's `start` and `end` make the graph dynamic, with the
/// graph's one `timeformat` (`date` with partial dates widened to whole days, `dateTime`, or
/// `double`). Text goes through `XMLText`, which replaces characters XML 1.0 cannot hold by U+FFFD.
/// Output depends only on the graph: no timestamps, attributes in name order.
enum GEXFWriter {
    /// `positions` (one per node, in a unit box, as `ForceLayout` gives them) become
    /// `viz:position` elements, so Gephi opens the graph laid out.
    static func encode(_ graph: OutputGraph, positions: [(x: Double, y: Double)]? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + graph.nodes.count * 96 + graph.edges.count * 96)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func attribute(_ name: String, _ value: String) {
            put(" \(name)=\"")
            XMLText.attribute(value, into: &out)
            put("\"")
        }

        let nodeColumns = GraphAttributeColumns(graph.nodes.lazy.map(\.attributes))
        let edgeColumns = GraphAttributeColumns(graph.edges.lazy.map(\.attributes))
        let timeFormat = graph.edges.contains { $0.start != nil || $0.end != nil } ? graph.timeFormat : nil

        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put("<gexf xmlns=\"http://www.gexf.net/1.2draft\"")
        if positions != nil { put(" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"") }
        put(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        put(" xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n")
        put("  <meta>\n    <creator>toolkit</creator>\n  </meta>\n")
        put("  <graph defaultedgetype=\"\(graph.directed ? "directed" : "undirected")\"")
        if let timeFormat {
            put(" mode=\"dynamic\" timeformat=\"\(timeFormat.rawValue)\"")
        } else {
            put(" mode=\"static\"")
        }
        put(">\n")
        for (domain, columns) in [("node", nodeColumns), ("edge", edgeColumns)] where !columns.columns.isEmpty {
            put("    <attributes class=\"\(domain)\" mode=\"static\">\n")
            for (position, column) in columns.columns.enumerated() {
                put("      <attribute id=\"\(position)\"")
                attribute("title", column.name)
                put(" type=\"\(typeName(column.kind))\"/>\n")
            }
            put("    </attributes>\n")
        }

        put("    <nodes>\n")
        for (index, node) in graph.nodes.enumerated() {
            put("      <node")
            attribute("id", node.id)
            attribute("label", node.label)
            let position = positions.flatMap { index < $0.count ? $0[index] : nil }
            if node.attributes.isEmpty && position == nil {
                put("/>\n")
                continue
            }
            put(">\n")
            if !node.attributes.isEmpty { values(node.attributes, nodeColumns, into: &out) }
            if let position {
                // Gephi's y axis points up; the unit box's points down, as on a page.
                put("        <viz:position x=\"\(coordinate(position.x))\" y=\"\(coordinate(1 - position.y))\" z=\"0\"/>\n")
            }
            put("      </node>\n")
        }
        put("    </nodes>\n")

        put("    <edges>\n")
        for (index, edge) in graph.edges.enumerated() {
            put("      <edge id=\"\(index)\"")
            attribute("source", edge.source)
            attribute("target", edge.target)
            if let weight = edge.weight { put(" weight=\"\(OutputScalar.number(weight).text)\"") }
            if let label = edge.label { attribute("label", label) }
            if let timeFormat {
                if let start = graph.time(edge.start) { attribute("start", start.text(asEnd: false, in: timeFormat)) }
                if let end = graph.time(edge.end) { attribute("end", end.text(asEnd: true, in: timeFormat)) }
            }
            if edge.attributes.isEmpty {
                put("/>\n")
                continue
            }
            put(">\n")
            values(edge.attributes, edgeColumns, into: &out)
            put("      </edge>\n")
        }
        put("    </edges>\n")
        put("  </graph>\n</gexf>\n")
        return out
    }

    private static func values(_ attributes: [(name: String, value: OutputScalar)], _ columns: GraphAttributeColumns,
                               into out: inout [UInt8]) {
        out.append(contentsOf: "        <attvalues>\n".utf8)
        for (name, value) in attributes {
            out.append(contentsOf: "          <attvalue for=\"\(columns.position(of: name))\" value=\"".utf8)
            XMLText.attribute(value.text, into: &out)
            out.append(contentsOf: "\"/>\n".utf8)
        }
        out.append(contentsOf: "        </attvalues>\n".utf8)
    }

    private static func typeName(_ kind: GraphAttributeColumns.Kind) -> String {
        switch kind {
        case .integer: return "integer"
        case .long: return "long"
        case .double: return "double"
        case .boolean: return "boolean"
        case .string: return "string"
        }
    }

    /// Positions spread over 1000 units, a scale at which Gephi's default node sizes look right.
    private static func coordinate(_ unit: Double) -> String {
        OutputScalar.number(((unit - 0.5) * 1000 * 100).rounded() / 100).text
    }
}

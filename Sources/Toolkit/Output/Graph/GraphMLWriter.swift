/// A graph as a GraphML file (yEd, NetworkX, igraph, Cytoscape), as UTF-8 bytes.
///
/// Every value is a `<data>` under a declared `<key>`: the node label (`label`), the edge weight
/// (`weight`, a double), label, start and end (strings, as the script gave them), and the
/// attributes with the types `GraphAttributeColumns` infers (`int`, `long`, `double`, `boolean`,
/// `string`). Node ids are the script's ids, so a reader gives back the same names; like
/// NetworkX's own writer, this does not narrow them to XML name tokens, which no reader asks for.
/// Text goes through `XMLText` (characters XML 1.0 cannot hold become U+FFFD). Output depends
/// only on the graph.
enum GraphMLWriter {
    static func encode(_ graph: OutputGraph) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + graph.nodes.count * 80 + graph.edges.count * 120)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func attribute(_ name: String, _ value: String) {
            put(" \(name)=\"")
            XMLText.attribute(value, into: &out)
            put("\"")
        }
        func data(_ key: String, _ value: String) {
            put("      <data key=\"\(key)\">")
            XMLText.content(value, into: &out)
            put("</data>\n")
        }

        let nodeColumns = GraphAttributeColumns(graph.nodes.lazy.map(\.attributes))
        let edgeColumns = GraphAttributeColumns(graph.edges.lazy.map(\.attributes))
        let has = (weight: graph.edges.contains { $0.weight != nil }, label: graph.edges.contains { $0.label != nil },
                   start: graph.edges.contains { $0.start != nil }, end: graph.edges.contains { $0.end != nil })

        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"")
        put(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        put(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        // Key ids are fixed for the declared fields and numbered for attributes, so an attribute
        // can be named anything, `label` included, without two keys sharing an id.
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            put("  <key id=\"\(id)\" for=\"\(domain)\"")
            attribute("attr.name", name)
            put(" attr.type=\"\(type)\"/>\n")
        }
        key("label", "node", "label", "string")
        for (position, column) in nodeColumns.columns.enumerated() { key("n\(position)", "node", column.name, typeName(column.kind)) }
        if has.weight { key("weight", "edge", "weight", "double") }
        if has.label { key("edge_label", "edge", "label", "string") }
        if has.start { key("start", "edge", "start", "string") }
        if has.end { key("end", "edge", "end", "string") }
        for (position, column) in edgeColumns.columns.enumerated() { key("e\(position)", "edge", column.name, typeName(column.kind)) }

        put("  <graph id=\"G\" edgedefault=\"\(graph.directed ? "directed" : "undirected")\">\n")
        for node in graph.nodes {
            put("    <node")
            attribute("id", node.id)
            put(">\n")
            data("label", node.label)
            for (name, value) in node.attributes { data("n\(nodeColumns.position(of: name))", value.text) }
            put("    </node>\n")
        }
        for (index, edge) in graph.edges.enumerated() {
            put("    <edge id=\"e\(index)\"")
            attribute("source", edge.source)
            attribute("target", edge.target)
            put(">\n")
            if let weight = edge.weight { data("weight", OutputScalar.number(weight).text) }
            if let label = edge.label { data("edge_label", label) }
            if let start = edge.start { data("start", start) }
            if let end = edge.end { data("end", end) }
            for (name, value) in edge.attributes { data("e\(edgeColumns.position(of: name))", value.text) }
            put("    </edge>\n")
        }
        put("  </graph>\n</graphml>\n")
        return out
    }

    private static func typeName(_ kind: GraphAttributeColumns.Kind) -> String {
        switch kind {
        case .integer: return "int"
        case .long: return "long"
        case .double: return "double"
        case .boolean: return "boolean"
        case .string: return "string"
        }
    }
}

import LuaBridge

/// A weighted graph as the graph writers (GEXF, GraphML) and the HTML network drawing take it.
/// Scripts give it as a table:
///
///     { directed = false,
///       nodes = { { id = "person/putin", label = "Putin", kind = "person" }, ... },
///       edges = { { source = "person/putin", target = "person/xi", weight = 3,
///                   start = "2024-07-03", ["end"] = "2024-07-04", articles = 2 }, ... } }
///
/// `nodes` may be left out (the nodes are then the edges' ends, labelled by their ids); when it is
/// given, an edge to a node it does not hold is an error. Keys other than the declared ones are
/// attributes, written with their inferred type.
public struct OutputGraph: Equatable, Sendable {
    public struct Node: Equatable, Sendable {
        public var id: String
        public var label: String
        /// Attributes by name, sorted by name.
        public var attributes: [(name: String, value: OutputScalar)]

        public init(id: String, label: String, attributes: [(name: String, value: OutputScalar)] = []) {
            self.id = id
            self.label = label
            self.attributes = attributes
        }

        public static func == (a: Node, b: Node) -> Bool {
            a.id == b.id && a.label == b.label && a.attributes.elementsEqual(b.attributes) { $0.name == $1.name && $0.value == $1.value }
        }
    }

    public struct Edge: Equatable, Sendable {
        public var source: String
        public var target: String
        public var weight: Double?
        public var label: String?
        /// The time interval the edge holds in (dates or numbers as text, as the script gave them).
        public var start: String?
        public var end: String?
        public var attributes: [(name: String, value: OutputScalar)]

        public init(source: String, target: String, weight: Double? = nil, label: String? = nil,
                    start: String? = nil, end: String? = nil, attributes: [(name: String, value: OutputScalar)] = []) {
            self.source = source
            self.target = target
            self.weight = weight
            self.label = label
            self.start = start
            self.end = end
            self.attributes = attributes
        }

        public static func == (a: Edge, b: Edge) -> Bool {
            a.source == b.source && a.target == b.target && a.weight == b.weight && a.label == b.label
                && a.start == b.start && a.end == b.end
                && a.attributes.elementsEqual(b.attributes) { $0.name == $1.name && $0.value == $1.value }
        }
    }

    public var directed: Bool
    public var nodes: [Node]
    public var edges: [Edge]

    public init(directed: Bool = false, nodes: [Node], edges: [Edge]) {
        self.directed = directed
        self.nodes = nodes
        self.edges = edges
    }

    static let graphKeys: Set<String> = ["directed", "nodes", "edges"]
    static let nodeKeys: Set<String> = ["id", "label"]
    static let edgeKeys: Set<String> = ["source", "target", "weight", "label", "start", "end"]
}

extension OutputGraph {
    /// The graph a script gave, checked: every problem names the node or edge and the field.
    public init(lua value: LuaValue) throws(OutputProblem) {
        guard case .table(let graph) = value else {
            throw OutputProblem("the graph must be a table { nodes = {...}, edges = {...} }, not a \(value.typeName)")
        }
        for (key, _) in graph.fields {
            guard let name = key.stringValue, OutputGraph.graphKeys.contains(name) else {
                throw OutputProblem("unknown graph key \(key.stringValue.map { "'\($0)'" } ?? key.typeName) (valid keys: directed, nodes, edges)")
            }
        }
        if !graph.array.isEmpty {
            throw OutputProblem("the graph is a list; give { nodes = {...}, edges = {...} }")
        }
        switch graph["directed"] {
        case .nil: directed = false
        case .boolean(let b): directed = b
        case let other: throw OutputProblem("'directed' must be true or false, not a \(other.typeName)")
        }
        let edgeRows = try OutputGraph.list(graph["edges"], of: "edges")
        let nodeRows = try OutputGraph.list(graph["nodes"], of: "nodes")

        var nodes: [Node] = []
        var known: [String: Int] = [:]
        for (index, row) in nodeRows.enumerated() {
            let place = "node \(index + 1)"
            guard case .table(let record) = row else {
                throw OutputProblem("a node is a table { id = ..., label = ... }, not a \(row.typeName)", place: place)
            }
            let id = try OutputGraph.identifier(record["id"], place: place, field: "id")
            guard known[id] == nil else {
                throw OutputProblem("the id '\(id)' is already node \(known[id]! + 1)'s; ids must be unique", place: place, field: "id")
            }
            known[id] = nodes.count
            let label = try OutputGraph.text(record["label"], place: place, field: "label") ?? id
            nodes.append(Node(id: id, label: label, attributes: try OutputGraph.attributes(record, skipping: OutputGraph.nodeKeys, place: place)))
        }
        let nodesGiven = !graph["nodes"].isNil

        var edges: [Edge] = []
        edges.reserveCapacity(edgeRows.count)
        for (index, row) in edgeRows.enumerated() {
            let place = "edge \(index + 1)"
            guard case .table(let record) = row else {
                throw OutputProblem("an edge is a table { source = ..., target = ..., weight = ... }, not a \(row.typeName)", place: place)
            }
            var ends: [String] = []
            for field in ["source", "target"] {
                let id = try OutputGraph.identifier(record[field], place: place, field: field)
                if known[id] == nil {
                    if nodesGiven {
                        throw OutputProblem("'\(id)' is not one of the graph's nodes (add it to nodes, or leave nodes out to take the edges' ends)",
                                            place: place, field: field)
                    }
                    known[id] = nodes.count
                    nodes.append(Node(id: id, label: id))
                }
                ends.append(id)
            }
            var weight: Double?
            switch record["weight"] {
            case .nil: weight = nil
            case let number where number.doubleValue != nil:
                guard let w = number.doubleValue, w.isFinite, w >= 0 else {
                    throw OutputProblem("the weight must be a finite number of at least 0", place: place, field: "weight")
                }
                weight = w
            case let other:
                throw OutputProblem("the weight must be a number, not a \(other.typeName)", place: place, field: "weight")
            }
            edges.append(Edge(
                source: ends[0], target: ends[1], weight: weight,
                label: try OutputGraph.text(record["label"], place: place, field: "label"),
                start: try OutputGraph.time(record["start"], place: place, field: "start"),
                end: try OutputGraph.time(record["end"], place: place, field: "end"),
                attributes: try OutputGraph.attributes(record, skipping: OutputGraph.edgeKeys, place: place)))
        }
        self.nodes = nodes
        self.edges = edges
    }

    private static func list(_ value: LuaValue, of name: String) throws(OutputProblem) -> [LuaValue] {
        switch value {
        case .nil: return []
        case .table(let t) where t.fields.isEmpty: return t.array
        case .table: throw OutputProblem("'\(name)' must be a list (keys 1 to n)")
        default: throw OutputProblem("'\(name)' must be a list, not a \(value.typeName)")
        }
    }

    private static func identifier(_ value: LuaValue, place: String, field: String) throws(OutputProblem) -> String {
        switch value {
        case .string(let s) where !s.bytes.isEmpty: return s.string
        case .integer(let i): return String(i)
        case .nil: throw OutputProblem("missing; every \(place.split(separator: " ")[0]) needs one", place: place, field: field)
        default: throw OutputProblem("must be a non-empty string or an integer, not a \(value.typeName)", place: place, field: field)
        }
    }

    private static func text(_ value: LuaValue, place: String, field: String) throws(OutputProblem) -> String? {
        switch value {
        case .nil: return nil
        case .string(let s): return s.string
        case .integer, .number: return try OutputScalar.from(value, place: place, field: field)?.text
        default: throw OutputProblem("must be a string, not a \(value.typeName)", place: place, field: field)
        }
    }

    /// A point in time: a date as text (`2024-07-03`, `2024-07`, `2024`) or a number.
    private static func time(_ value: LuaValue, place: String, field: String) throws(OutputProblem) -> String? {
        try text(value, place: place, field: field)
    }

    private static func attributes(_ record: LuaTable, skipping declared: Set<String>, place: String) throws(OutputProblem) -> [(name: String, value: OutputScalar)] {
        if !record.array.isEmpty {
            throw OutputProblem("has list items; give named fields only", place: place)
        }
        var attributes: [(name: String, value: OutputScalar)] = []
        for (key, value) in record.fields {
            guard let name = key.stringValue else {
                throw OutputProblem("has a key of type \(key.typeName); attribute names are strings", place: place)
            }
            if declared.contains(name) { continue }
            if let scalar = try OutputScalar.from(value, place: place, field: name) {
                attributes.append((name, scalar))
            }
        }
        return attributes.sorted { $0.name < $1.name }
    }
}

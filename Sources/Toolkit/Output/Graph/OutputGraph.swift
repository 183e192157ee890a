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
/// attributes, written with their inferred type. `start` and `end` are dates (`2024-07-03`,
/// `2024-07`, `2024`, or with a time of day) or numbers, the same kind for every edge, because a
/// GEXF file has one time format for the whole graph.
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
    /// How the edges' `start` and `end` texts are read: nil when no edge has one (or, for a graph
    /// made in Swift, when they are not all dates or all numbers: GEXF then leaves them out).
    public var timeFormat: GraphTime.Format?

    /// A graph made in Swift; without `timeFormat`, the format is taken from the edges' times.
    public init(directed: Bool = false, nodes: [Node], edges: [Edge], timeFormat: GraphTime.Format? = nil) {
        self.directed = directed
        self.nodes = nodes
        self.edges = edges
        self.timeFormat = timeFormat ?? OutputGraph.inferTimeFormat(edges)
    }

    /// An edge's start or end as the graph's time format reads it.
    public func time(_ text: String?) -> GraphTime? {
        guard let text, let format = timeFormat else { return nil }
        if format == .double { return Double(text).map(GraphTime.number) }
        return GraphTime(text: text)
    }

    private static func inferTimeFormat(_ edges: [Edge]) -> GraphTime.Format? {
        let texts = edges.flatMap { [$0.start, $0.end] }.compactMap { $0 }
        if texts.isEmpty { return nil }
        let dates = texts.compactMap(GraphTime.init(text:))
        if dates.count == texts.count {
            return dates.contains { $0.format == .dateTime } ? .dateTime : .date
        }
        return texts.allSatisfy { Double($0)?.isFinite == true } ? .double : nil
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
        var timeFormat: GraphTime.Format?
        var firstTime = ""
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
            var times: [(text: String, time: GraphTime)?] = []
            for field in ["start", "end"] {
                guard let given = try OutputGraph.time(record[field], place: place, field: field) else {
                    times.append(nil)
                    continue
                }
                let kind = given.time.format == .double ? "number" : "date"
                switch (timeFormat, given.time.format) {
                case (nil, let format):
                    timeFormat = format
                    firstTime = "\(place)'s \(field) is a \(kind)"
                case (.double, .double), (.date, .date), (.dateTime, .dateTime), (.dateTime, .date): break
                case (.date, .dateTime): timeFormat = .dateTime
                default:
                    throw OutputProblem("a \(kind), but \(firstTime); give every start and end as a date or every one as a number",
                                        place: place, field: field)
                }
                times.append(given)
            }
            if let start = times[0]?.time, let end = times[1]?.time, OutputGraph.isBefore(end, start) {
                throw OutputProblem("'\(times[1]!.text)' is before the start '\(times[0]!.text)'", place: place, field: "end")
            }
            edges.append(Edge(
                source: ends[0], target: ends[1], weight: weight,
                label: try OutputGraph.text(record["label"], place: place, field: "label"),
                start: times[0]?.text, end: times[1]?.text,
                attributes: try OutputGraph.attributes(record, skipping: OutputGraph.edgeKeys, place: place)))
        }
        self.nodes = nodes
        self.edges = edges
        self.timeFormat = timeFormat
    }

    /// Whether an end lies before its start; times of day with zones are not compared.
    private static func isBefore(_ end: GraphTime, _ start: GraphTime) -> Bool {
        switch (start, end) {
        case (.number(let a), .number(let b)): return b < a
        case (.date, .date): return end.text(asEnd: true, in: .date) < start.text(asEnd: false, in: .date)
        default: return false
        }
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

    /// A point in time: a date as text (`2024-07-03`, `2024-07`, `2024`, with or without a time of
    /// day) or a Lua number.
    private static func time(_ value: LuaValue, place: String, field: String) throws(OutputProblem) -> (text: String, time: GraphTime)? {
        switch value {
        case .nil:
            return nil
        case .integer(let i):
            return (String(i), .number(Double(i)))
        case .number(let d):
            guard d.isFinite else { throw OutputProblem("\(d) is not a time (numbers must be finite)", place: place, field: field) }
            return (OutputScalar.number(d).text, .number(d))
        case .string(let s):
            if s.string.hasPrefix("--") {
                throw OutputProblem("'\(s.string)' has no year, so it has no place on a time line; leave it out or give a full date",
                                    place: place, field: field)
            }
            guard let time = GraphTime(text: s.string) else {
                throw OutputProblem("'\(s.string)' is not a time; give a date (2024-07-03, 2024-07, 2024, 2024-07-03T10:15) or a number",
                                    place: place, field: field)
            }
            return (s.string, time)
        default:
            throw OutputProblem("must be a date as text or a number, not a \(value.typeName)", place: place, field: field)
        }
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

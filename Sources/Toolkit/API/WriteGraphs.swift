import Foundation
import LuaBridge

/// `toolkit.write.gexf` and `toolkit.write.graphml`: one graph, checked as a whole before a byte
/// is written, so a bad edge leaves no file behind.
extension WriteModule {
    private static let graphParameter = APIParameter(
        "graph", "table",
        "`{ directed = false, nodes = { { id = ..., label = ..., ... } }, edges = { { source = ..., target = ..., weight = ..., label = ..., start = ..., [\"end\"] = ..., ... } } }`")

    private static let graphDoc = """
        `nodes` may be left out: the nodes are then the edges' ends, labelled by their ids. An \
        edge's `weight` is a number of at least 0; `start` and `end` are dates (`"2024-07-03"`, \
        `"2024-07"`, `"2024"`, or with a time of day `"2024-07-03T10:15"`) or numbers, the same \
        kind on every edge. Any other key of a node or an edge is an attribute (a string, number \
        or boolean), declared in the file with the type of its values: integers and floats \
        together make a double, other mixes a string. Characters XML cannot hold (control \
        characters) are written as U+FFFD. An edge to a node not in `nodes`, a duplicate id or a \
        value of the wrong type is an error naming the node or edge and the field.
        """

    static var gexf: APIFunction {
        APIFunction(
            "toolkit.write.gexf",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         graphParameter,
                         .optional("options", "table", "`layout`", options: [
                             APIParameter("layout", "boolean", "store node positions from a force-directed layout, so Gephi opens the graph drawn"),
                         ])],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes a GEXF file for Gephi (GEXF 1.2, which Gephi and NetworkX both read) and \
                returns the path written. Edge weights and labels are kept; when edges have `start` or \
                `end` the graph is dynamic, so Gephi's timeline can play it (a year or a month as a \
                start is its first day, as an end its last).

                \(graphDoc)
                """,
            example: """
                -- People named together in an article, linked by how often, over which dates.
                local nodes, known, pairs_ = {}, {}, {}
                for article in toolkit.articles() do
                  local ids = {}
                  for person in article:entities "person" do
                    if not known[person.id] then
                      known[person.id] = true
                      nodes[#nodes + 1] = { id = person.id, label = person.name }
                    end
                    if not ids[person.id] then ids[person.id] = true; ids[#ids + 1] = person.id end
                  end
                  table.sort(ids)
                  -- A day and month without a year ("--09-15") has no place on a time line.
                  local date = article.date_precision ~= "day-month" and article.date or nil
                  for i = 1, #ids do
                    for j = i + 1, #ids do
                      local key = ids[i] .. " " .. ids[j]
                      local edge = pairs_[key] or { source = ids[i], target = ids[j], weight = 0 }
                      edge.weight = edge.weight + 1
                      if date then
                        if not edge.start or date < edge.start then edge.start = date end
                        if not edge["end"] or date > edge["end"] then edge["end"] = date end
                      end
                      pairs_[key] = edge
                    end
                  end
                end
                local edges = {}
                for _, edge in pairs(pairs_) do edges[#edges + 1] = edge end
                table.sort(edges, function(a, b) return a.source .. " " .. a.target < b.source .. " " .. b.target end)
                print(toolkit.write.gexf("people.gexf", { nodes = nodes, edges = edges }, { layout = true }))
                """
        ) { binding in
            { call in
                let layout = try call.flag(try binding.options(call, 3), "layout")
                return try writeGraph(call, binding) { graph in
                    GEXFWriter.encode(graph, positions: layout ? ForceLayout(graph: graph).positions() : nil)
                }
            }
        }
    }

    static var graphml: APIFunction {
        APIFunction(
            "toolkit.write.graphml",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         graphParameter],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes a GraphML file (yEd, NetworkX, igraph, Cytoscape) and returns the path written. \
                Node labels are the `label` key, weights the `weight` key (a double); edge labels, \
                `start` and `end` are string keys, attributes keys of their own type (`int`, `long`, \
                `double`, `boolean`, `string`).

                \(graphDoc)
                """,
            example: """
                -- Places and the people named with them, as a directed graph.
                local edges, seen = {}, {}
                for article in toolkit.articles() do
                  for person in article:entities "person" do
                    for place in article:entities "place" do
                      local key = person.id .. " " .. place.id
                      if not seen[key] then
                        seen[key] = { source = person.id, target = place.id, weight = 0 }
                        edges[#edges + 1] = seen[key]
                      end
                      seen[key].weight = seen[key].weight + 1
                    end
                  end
                end
                print(toolkit.write.graphml("people-places.graphml", { directed = true, edges = edges }))
                """
        ) { binding in
            { call in
                try writeGraph(call, binding) { GraphMLWriter.encode($0) }
            }
        }
    }

    /// Checks the graph at argument 2, encodes it and writes it; a problem names the file.
    private static func writeGraph(_ call: LuaCall, _ binding: APIBinding, encode: (OutputGraph) -> [UInt8]) throws -> [LuaValue] {
        let nameBytes = try call.bytes(1)
        let name = String(decoding: nameBytes, as: UTF8.self)
        let table = try call.table(2)
        let graph: OutputGraph
        do {
            graph = try OutputGraph(lua: .table(table))
        } catch {
            throw failure(call, name, error)
        }
        let bytes = encode(graph)
        try call.reserve(bytes.count)
        return [LuaValue(try binding.api.write(Data(bytes), toName: nameBytes).path)]
    }
}

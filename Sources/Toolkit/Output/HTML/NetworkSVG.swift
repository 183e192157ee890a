import Foundation

/// A drawing of a weighted graph: the largest nodes (by a size attribute, or by weighted degree),
/// placed by the force-directed layout, node area by size, edge width by weight, colour by a
/// category (`kind` by default) with a legend, and labels for the largest nodes.
enum NetworkSVG {
    static let width = 760.0
    static let height = 560.0
    static let labelled = 50
    static let palette = ["#3b6ea5", "#d9822b", "#4c9a5b", "#c0504d", "#8064a2", "#2f9aa0", "#b58900", "#d46a9f"]
    static let other = "#9aa3ae"

    struct Drawing {
        var graph: OutputGraph
        var sizes: [Double]
        /// Of all nodes and edges given, for the note.
        var totalNodes: Int
        var totalEdges: Int
        var edgesAmongKept: Int
    }

    /// The nodes kept (the `limit` largest, in the order given) and the strongest edges among them.
    static func select(_ network: HTMLPage.Network) -> Drawing {
        let graph = network.graph
        var sizes = [Double](repeating: 0, count: graph.nodes.count)
        let index = Dictionary(graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let attribute = network.size {
            for (i, node) in graph.nodes.enumerated() {
                switch node.attributes.first(where: { $0.name == attribute })?.value {
                case .integer(let n)?: sizes[i] = Double(n)
                case .number(let d)?: sizes[i] = d
                default: sizes[i] = 0
                }
            }
        } else {
            for edge in graph.edges {
                let w = edge.weight ?? 1
                if let s = index[edge.source] { sizes[s] += w }
                if let t = index[edge.target], edge.target != edge.source { sizes[t] += w }
            }
        }
        let order = graph.nodes.indices.sorted { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }
        let kept = Set(order.prefix(network.limit))
        let keptIndices = graph.nodes.indices.filter { kept.contains($0) }
        let keptIDs = Set(keptIndices.map { graph.nodes[$0].id })
        var edges = graph.edges.filter { keptIDs.contains($0.source) && keptIDs.contains($0.target) && $0.source != $0.target }
        let among = edges.count
        if edges.count > HTMLPage.Caps.edges {
            let ranked = edges.indices.sorted { (edges[$0].weight ?? 1) > (edges[$1].weight ?? 1) || ((edges[$0].weight ?? 1) == (edges[$1].weight ?? 1) && $0 < $1) }
            let strongest = Set(ranked.prefix(HTMLPage.Caps.edges))
            edges = edges.indices.filter { strongest.contains($0) }.map { edges[$0] }
        }
        return Drawing(graph: OutputGraph(directed: graph.directed, nodes: keptIndices.map { graph.nodes[$0] }, edges: edges, timeFormat: graph.timeFormat),
                       sizes: keptIndices.map { sizes[$0] }, totalNodes: graph.nodes.count, totalEdges: graph.edges.count, edgesAmongKept: among)
    }

    /// The colour category of each node, and the legend's categories (most frequent first; those
    /// past the palette share the grey of "other").
    static func categories(_ graph: OutputGraph, attribute given: String?) -> (attribute: String?, of: [String?], legend: [String]) {
        let attribute = given ?? (graph.nodes.contains { $0.attributes.contains { $0.name == "kind" } } ? "kind" : nil)
        guard let attribute else { return (nil, graph.nodes.map { _ in nil }, []) }
        let values = graph.nodes.map { node in node.attributes.first { $0.name == attribute }?.value.text }
        var counts: [String: Int] = [:]
        for case let value? in values { counts[value, default: 0] += 1 }
        let legend = counts.keys.sorted { counts[$0]! > counts[$1]! || (counts[$0]! == counts[$1]! && $0 < $1) }
        return (attribute, values, legend)
    }

    static func render(_ network: HTMLPage.Network, id: String, title: String) -> (svg: String, legend: String, note: String?) {
        let drawing = select(network)
        let graph = drawing.graph
        var notes: [String] = []
        let sizeName = network.size.map { "'\($0)'" } ?? "weighted degree"
        if graph.nodes.count < drawing.totalNodes {
            notes.append("Showing the \(HTMLFormat.number(Double(graph.nodes.count))) largest of \(HTMLFormat.number(Double(drawing.totalNodes))) nodes (by \(sizeName)).")
        }
        if graph.edges.count < drawing.edgesAmongKept {
            notes.append("Drawing the \(HTMLFormat.number(Double(graph.edges.count))) strongest of the \(HTMLFormat.number(Double(drawing.edgesAmongKept))) edges among them.")
        }
        notes.append("Node area by \(sizeName), edge width by weight.")
        guard !graph.nodes.isEmpty else { return ("", "", "No nodes to draw: the graph is empty.") }

        let place = fit(ForceLayout(graph: graph).positions(), margin: 34)
        let largest = max(drawing.sizes.max() ?? 0, 1e-12)
        // The largest circle shrinks as nodes crowd the drawing, so that hundreds of nodes do not
        // cover each other and their edges.
        let crowd = (width * height / Double(graph.nodes.count)).squareRoot()
        let biggest = min(16.5, max(5, 0.3 * crowd))
        let smallest = min(3.5, biggest / 2)
        let radius = drawing.sizes.map { smallest + (biggest - smallest) * ($0 / largest).squareRoot() }
        let heaviest = max(graph.edges.map { $0.weight ?? 1 }.max() ?? 1, 1e-12)
        let index = Dictionary(graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let (attribute, category, legendOrder) = categories(graph, attribute: network.color)
        let colourOf = Dictionary(legendOrder.prefix(palette.count).enumerated().map { ($1, palette[$0]) }, uniquingKeysWith: { a, _ in a })
        let colours = category.map { $0.flatMap { colourOf[$0] } ?? (attribute == nil ? palette[0] : other) }

        let ranked = graph.nodes.indices.sorted { drawing.sizes[$0] > drawing.sizes[$1] || (drawing.sizes[$0] == drawing.sizes[$1] && $0 < $1) }
        let description = "Network of \(graph.nodes.count) nodes and \(graph.edges.count) edges. Largest: "
            + ranked.prefix(8).map { "\(graph.nodes[$0].label) (\(HTMLFormat.number(drawing.sizes[$0])))" }.joined(separator: ", ") + "."
        var svg = SVGText.open(id: id, width: width, height: height, title: title, description: description)
        if graph.directed {
            svg += "<defs><marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#7d8797\"/></marker></defs>"
        }
        svg += "<g class=\"edges\">"
        for edge in graph.edges {
            guard let s = index[edge.source], let t = index[edge.target] else { continue }
            let weight = edge.weight ?? 1
            var (x2, y2) = (place[t].x, place[t].y)
            if graph.directed {
                let dx = x2 - place[s].x, dy = y2 - place[s].y
                let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                x2 -= dx / length * (radius[t] + 2)
                y2 -= dy / length * (radius[t] + 2)
            }
            let hover = "\(graph.nodes[s].label) \(graph.directed ? "→" : "–") \(graph.nodes[t].label): \(HTMLFormat.number(weight))"
            svg += "<line x1=\"\(HTMLFormat.coordinate(place[s].x))\" y1=\"\(HTMLFormat.coordinate(place[s].y))\" x2=\"\(HTMLFormat.coordinate(x2))\" y2=\"\(HTMLFormat.coordinate(y2))\" "
                + "stroke-width=\"\(HTMLFormat.coordinate(0.6 + 5 * weight / heaviest))\"\(graph.directed ? " marker-end=\"url(#\(id)-arrow)\"" : "")>"
                + "<title>\(HTMLFormat.escape(hover))</title></line>"
        }
        svg += "</g>\n<g class=\"nodes\">"
        for i in ranked.reversed() {
            let node = graph.nodes[i]
            var hover = "\(node.label): \(HTMLFormat.number(drawing.sizes[i]))"
            if let attribute, let value = category[i] { hover += " (\(attribute): \(value))" }
            svg += "<circle cx=\"\(HTMLFormat.coordinate(place[i].x))\" cy=\"\(HTMLFormat.coordinate(place[i].y))\" r=\"\(HTMLFormat.coordinate(radius[i]))\" fill=\"\(colours[i])\">"
                + "<title>\(HTMLFormat.escape(hover))</title></circle>"
        }
        svg += "</g>\n<g class=\"labels\">"
        let circles = graph.nodes.indices.map { Box(x0: place[$0].x - radius[$0], y0: place[$0].y - radius[$0], x1: place[$0].x + radius[$0], y1: place[$0].y + radius[$0]) }
        var taken: [Box] = []
        var unlabelled = 0
        for i in ranked.prefix(labelled) {
            let text = HTMLFormat.shortened(graph.nodes[i].label, to: 28)
            guard let spot = labelSpot(for: i, text: text, at: place[i], radius: radius[i], circles: circles, taken: taken) else {
                unlabelled += 1
                continue
            }
            taken.append(spot.box)
            svg += SVGText.label(text, x: spot.x, y: spot.y, side: spot.side, className: "node-label")
        }
        switch (unlabelled > 0, graph.nodes.count > labelled) {
        case (true, true): notes.append("Labels that would overlap, and those past the \(labelled) largest nodes, are left out: hover a node for its name.")
        case (true, false): notes.append("Labels that would overlap are left out: hover a node for its name.")
        case (false, true): notes.append("Only the \(labelled) largest nodes are labelled: hover a node for its name.")
        case (false, false): break
        }
        svg += "</g></svg>"

        var legend = ""
        if let attribute, !legendOrder.isEmpty {
            let shown = legendOrder.prefix(palette.count)
            legend = "<ul class=\"legend\" aria-label=\"Colours by \(HTMLFormat.escape(attribute))\">"
            for (i, value) in shown.enumerated() {
                legend += "<li><svg viewBox=\"0 0 12 12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"\(palette[i])\"/></svg><bdi>\(HTMLFormat.escape(value))</bdi></li>"
            }
            if legendOrder.count > shown.count || category.contains(where: { $0 == nil }) {
                legend += "<li><svg viewBox=\"0 0 12 12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"\(other)\"/></svg>other</li>"
            }
            legend += "</ul>"
        }
        return (svg, legend, notes.joined(separator: " "))
    }

    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }

    /// The layout's unit box onto the drawing. The layout keeps its aspect; a drawing much taller
    /// than wide would leave most of the page empty, so the short side is stretched, by at most
    /// 1.6, which keeps clusters recognisable and gives labels room.
    static func fit(_ positions: [(x: Double, y: Double)], margin: Double) -> [(x: Double, y: Double)] {
        guard let minX = positions.map(\.x).min(), let maxX = positions.map(\.x).max(),
              let minY = positions.map(\.y).min(), let maxY = positions.map(\.y).max() else { return [] }
        let (w, h) = (width - 2 * margin, height - 2 * margin)
        let (spanX, spanY) = (max(maxX - minX, 1e-9), max(maxY - minY, 1e-9))
        let even = min(w / spanX, h / spanY)
        let sx = min(w / spanX, even * 1.6), sy = min(h / spanY, even * 1.6)
        let (offsetX, offsetY) = (margin + (w - spanX * sx) / 2, margin + (h - spanY * sy) / 2)
        return positions.map { (x: offsetX + ($0.x - minX) * sx, y: offsetY + ($0.y - minY) * sy) }
    }

    /// Where a node's label goes: beside it (away from the nearer edge of the drawing first),
    /// then above or below, wherever it covers no other label and no other node; nil when nowhere.
    static func labelSpot(for node: Int, text: String, at point: (x: Double, y: Double), radius: Double,
                          circles: [Box], taken: [Box]) -> (x: Double, y: Double, side: SVGText.Side, box: Box)? {
        let w = HTMLFormat.width(of: text, size: 11.5) + 2, h = 13.0
        let right = (x: point.x + radius + 3, y: point.y + 4, side: SVGText.Side.left, box: Box(x0: point.x + radius + 2, y0: point.y - h / 2, x1: point.x + radius + 4 + w, y1: point.y + h / 2))
        let left = (x: point.x - radius - 3, y: point.y + 4, side: SVGText.Side.right, box: Box(x0: point.x - radius - 4 - w, y0: point.y - h / 2, x1: point.x - radius - 2, y1: point.y + h / 2))
        let above = (x: point.x, y: point.y - radius - 4, side: SVGText.Side.middle, box: Box(x0: point.x - w / 2, y0: point.y - radius - 3 - h, x1: point.x + w / 2, y1: point.y - radius - 2))
        let below = (x: point.x, y: point.y + radius + 12, side: SVGText.Side.middle, box: Box(x0: point.x - w / 2, y0: point.y + radius + 1, x1: point.x + w / 2, y1: point.y + radius + 2 + h))
        let order = point.x > width / 2 ? [left, right, above, below] : [right, left, above, below]
        return order.first { spot in
            spot.box.x0 >= 0 && spot.box.x1 <= width && spot.box.y0 >= 0 && spot.box.y1 <= height
                && !taken.contains { $0.overlaps(spot.box) }
                && !circles.indices.contains { $0 != node && circles[$0].overlaps(spot.box) }
        }
    }
}

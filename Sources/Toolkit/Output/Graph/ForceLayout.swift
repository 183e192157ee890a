import Foundation

/// Positions for drawing a weighted graph: a force-directed layout in the manner of Fruchterman
/// and Reingold, where every pair of nodes pushes apart and every edge pulls its ends together,
/// harder the heavier it is, while a falling "temperature" caps how far a node may move per step.
///
/// - Deterministic: the starting positions come from `seed`, and the steps run in a fixed order.
/// - Each connected component is laid out on its own and the components are then packed side by
///   side, largest first; an isolated node or a small cluster sits next to the rest instead of
///   being pushed off by it.
/// - Up to `exactLimit` nodes per component every pair repels (O(n²) per step), and a last pass
///   pulls apart any two nodes closer than `separation`, so small drawings have no overlaps. Past
///   that, far groups of nodes push as one (a Barnes–Hut quadtree, about O(n log n) per step) and
///   the steps are capped at `largeIterations`, so 5,000 nodes take about a second (release build).
/// - Positions come back in the nodes' order, inside the unit box ([0, 1] on both axes, y down as
///   on a page), scaled evenly on both axes and centred.
public struct ForceLayout: Sendable {
    public static let defaultIterations = 300
    /// Components larger than this use the quadtree and fewer steps.
    public static let exactLimit = 500
    /// The most steps for a larger component.
    public static let largeIterations = 150
    /// The least distance between two nodes of a small component, in ideal edge lengths.
    public static let separation = 0.6

    public let nodeCount: Int
    /// Edges by node index; weights at most 0 pull weakly, self loops are ignored.
    public let edges: [(source: Int, target: Int, weight: Double)]
    public let iterations: Int
    public let seed: UInt64

    public init(nodeCount: Int, edges: [(source: Int, target: Int, weight: Double)],
                iterations: Int = ForceLayout.defaultIterations, seed: UInt64 = 1) {
        self.nodeCount = nodeCount
        self.edges = edges.filter { $0.source != $0.target && (0..<nodeCount).contains($0.source) && (0..<nodeCount).contains($0.target) }
        self.iterations = max(0, iterations)
        self.seed = seed
    }

    /// The graph's nodes in their order; an edge without a weight weighs 1.
    public init(graph: OutputGraph, iterations: Int = ForceLayout.defaultIterations, seed: UInt64 = 1) {
        var index: [String: Int] = [:]
        for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
        let edges = graph.edges.compactMap { edge -> (source: Int, target: Int, weight: Double)? in
            guard let s = index[edge.source], let t = index[edge.target] else { return nil }
            return (s, t, edge.weight ?? 1)
        }
        self.init(nodeCount: graph.nodes.count, edges: edges, iterations: iterations, seed: seed)
    }

    public func positions() -> [(x: Double, y: Double)] {
        if nodeCount == 0 { return [] }
        var random = SplitMix64(seed: seed)
        let components = connectedComponents()
        let meanWeight = edges.isEmpty ? 1 : max(1e-12, edges.reduce(0) { $0 + max(0, $1.weight) } / Double(edges.count))

        // Edges of each component, with local indices and the pull factor of their weight.
        var local = [Int](repeating: 0, count: nodeCount)
        var component = [Int](repeating: 0, count: nodeCount)
        for (c, members) in components.enumerated() {
            for (i, node) in members.enumerated() { local[node] = i; component[node] = c }
        }
        var springs = [[(Int, Int, Double)]](repeating: [], count: components.count)
        for edge in edges {
            // A square root keeps one very heavy edge from folding the drawing around it.
            let pull = min(10, max(0.1, (max(0, edge.weight) / meanWeight).squareRoot()))
            springs[component[edge.source]].append((local[edge.source], local[edge.target], pull))
        }

        var laidOut: [[Point]] = []
        for (c, members) in components.enumerated() {
            laidOut.append(layout(count: members.count, springs: springs[c], random: &random))
        }
        return pack(laidOut, components)
    }

    struct Point {
        var x: Double
        var y: Double
    }

    /// Components, each a list of node indices in increasing order, in the order of their first node.
    private func connectedComponents() -> [[Int]] {
        var parent = Array(0..<nodeCount)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for edge in edges {
            let a = root(edge.source), b = root(edge.target)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var slot: [Int: Int] = [:]
        var components: [[Int]] = []
        for node in 0..<nodeCount {
            let r = root(node)
            if let s = slot[r] {
                components[s].append(node)
            } else {
                slot[r] = components.count
                components.append([node])
            }
        }
        return components
    }

    /// One component, in units of the ideal edge length, centred on the origin.
    private func layout(count n: Int, springs: [(Int, Int, Double)], random: inout SplitMix64) -> [Point] {
        if n == 1 { return [Point(x: 0, y: 0)] }
        let side = Double(n).squareRoot()
        var x = (0..<n).map { _ in (random.unit() - 0.5) * side }
        var y = (0..<n).map { _ in (random.unit() - 0.5) * side }
        var dx = [Double](repeating: 0, count: n)
        var dy = [Double](repeating: 0, count: n)
        let exact = n <= ForceLayout.exactLimit
        // The cap keeps a large drawing within the time a report may spend on it; a large
        // component is rough after it, but its shape (hubs, clusters) is there.
        let steps = exact ? iterations : min(iterations, ForceLayout.largeIterations)
        let hot = max(1, side / 8)
        let cool = 0.01
        // A weak pull to the centre keeps the loose ends of a component (chains, leaves of a hub)
        // from trailing off and shrinking the rest to a dot once the drawing is scaled to the box.
        let gravity = 0.02

        for step in 0..<steps {
            let progress = Double(step) / Double(max(1, steps))
            let temperature = cool + (hot - cool) * (1 - progress) * (1 - progress)
            for i in 0..<n { dx[i] = 0; dy[i] = 0 }
            if exact {
                repelAll(x, y, &dx, &dy)
            } else {
                repelFar(x, y, &dx, &dy)
            }
            for (a, b, pull) in springs {
                let ex = x[a] - x[b], ey = y[a] - y[b]
                let d = (ex * ex + ey * ey).squareRoot()
                let f = d * pull  // d² / k, along the unit vector
                dx[a] -= ex * f; dy[a] -= ey * f
                dx[b] += ex * f; dy[b] += ey * f
            }
            for i in 0..<n {
                let gx = dx[i] - gravity * x[i], gy = dy[i] - gravity * y[i]
                let length = (gx * gx + gy * gy).squareRoot()
                if length > 0 {
                    let move = min(length, temperature) / length
                    x[i] += gx * move
                    y[i] += gy * move
                }
            }
        }
        if exact { separate(&x, &y) }
        let cx = x.reduce(0, +) / Double(n), cy = y.reduce(0, +) / Double(n)
        return (0..<n).map { Point(x: x[$0] - cx, y: y[$0] - cy) }
    }

    /// Repulsion between every pair: k² / d along the line between them (k, the ideal length, is 1).
    private func repelAll(_ x: [Double], _ y: [Double], _ dx: inout [Double], _ dy: inout [Double]) {
        let n = x.count
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                dx.withUnsafeMutableBufferPointer { dx in
                    dy.withUnsafeMutableBufferPointer { dy in
                        for i in 0..<n {
                            let xi = x[i], yi = y[i]
                            var fx = 0.0, fy = 0.0
                            for j in (i + 1)..<n {
                                var ex = xi - x[j], ey = yi - y[j]
                                var d2 = ex * ex + ey * ey
                                if d2 < 1e-12 {
                                    // Two nodes on one spot: part them along a direction that depends only on the pair.
                                    let angle = Double((i * 7919 + j * 104_729) % 6283) / 1000
                                    ex = 0.01 * cos(angle); ey = 0.01 * sin(angle); d2 = 1e-4
                                }
                                let f = 1 / d2  // 1 / d, along the unit vector (ex, ey) / d
                                fx += ex * f; fy += ey * f
                                dx[j] -= ex * f; dy[j] -= ey * f
                            }
                            dx[i] += fx; dy[i] += fy
                        }
                    }
                }
            }
        }
    }

    /// Repulsion as `repelAll` gives it, but a far group of nodes pushes as one body at its centre
    /// of mass (Barnes and Hut's quadtree): a cell pushes as one when it is small against its
    /// distance (width < 0.8 distance). About O(n log n) per step.
    private func repelFar(_ x: [Double], _ y: [Double], _ dx: inout [Double], _ dy: inout [Double]) {
        let tree = QuadTree(x, y)
        let theta2 = 0.8 * 0.8
        var stack: [Int] = []
        stack.reserveCapacity(64)
        for i in 0..<x.count {
            let xi = x[i], yi = y[i]
            var fx = 0.0, fy = 0.0
            stack.append(0)
            while let cell = stack.popLast() {
                let mass = tree.mass[cell]
                if mass == 0 || tree.body[cell] == i { continue }
                let ex = xi - tree.x[cell] / mass, ey = yi - tree.y[cell] / mass
                let d2 = ex * ex + ey * ey
                let width = 2 * tree.half[cell]
                let first = tree.children[cell]
                if first < 0 || width * width < theta2 * d2 {
                    if d2 < 1e-12 { continue }
                    fx += mass * ex / d2; fy += mass * ey / d2
                } else {
                    stack.append(first); stack.append(first + 1); stack.append(first + 2); stack.append(first + 3)
                }
            }
            dx[i] += fx; dy[i] += fy
        }
    }

    /// Pulls apart pairs closer than `separation`, a few rounds, each pair half each way.
    private func separate(_ x: inout [Double], _ y: inout [Double]) {
        let n = x.count
        let least = ForceLayout.separation
        for _ in 0..<50 {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var ex = x[j] - x[i], ey = y[j] - y[i]
                    var d = (ex * ex + ey * ey).squareRoot()
                    if d >= least * 0.999 { continue }
                    if d < 1e-9 {
                        let angle = Double((i * 7919 + j * 104_729) % 6283) / 1000
                        ex = cos(angle); ey = sin(angle); d = 1
                        let push = least / 2
                        x[i] -= ex * push; y[i] -= ey * push
                        x[j] += ex * push; y[j] += ey * push
                    } else {
                        let push = (least - d) / 2 / d * 1.01
                        x[i] -= ex * push; y[i] -= ey * push
                        x[j] += ex * push; y[j] += ey * push
                    }
                    moved = true
                }
            }
            if !moved { return }
        }
    }

    /// Components on shelves, tallest first, a gap of one ideal length between them; then the
    /// whole drawing scaled into the unit box.
    private func pack(_ laidOut: [[Point]], _ components: [[Int]]) -> [(x: Double, y: Double)] {
        struct Box { var component: Int; var minX, minY, width, height: Double }
        let gap = 1.0
        var boxes = laidOut.enumerated().map { c, points -> Box in
            let minX = points.map(\.x).min()!, maxX = points.map(\.x).max()!
            let minY = points.map(\.y).min()!, maxY = points.map(\.y).max()!
            return Box(component: c, minX: minX, minY: minY, width: maxX - minX + gap, height: maxY - minY + gap)
        }
        boxes.sort { $0.height != $1.height ? $0.height > $1.height : $0.component < $1.component }
        let area = boxes.reduce(0) { $0 + $1.width * $1.height }
        let shelfWidth = max(boxes.map(\.width).max()!, area.squareRoot() * 1.2)

        var result = [(x: Double, y: Double)](repeating: (0, 0), count: nodeCount)
        var cursorX = 0.0, shelfY = 0.0, shelfHeight = 0.0
        for box in boxes {
            if cursorX > 0 && cursorX + box.width > shelfWidth {
                shelfY += shelfHeight
                cursorX = 0
                shelfHeight = 0
            }
            for (i, node) in components[box.component].enumerated() {
                let p = laidOut[box.component][i]
                result[node] = (cursorX + p.x - box.minX, shelfY + p.y - box.minY)
            }
            cursorX += box.width
            shelfHeight = max(shelfHeight, box.height)
        }

        let minX = result.map(\.x).min()!, maxX = result.map(\.x).max()!
        let minY = result.map(\.y).min()!, maxY = result.map(\.y).max()!
        let extent = max(maxX - minX, maxY - minY)
        if extent <= 0 { return result.map { _ in (0.5, 0.5) } }
        let offsetX = (1 - (maxX - minX) / extent) / 2, offsetY = (1 - (maxY - minY) / extent) / 2
        return result.map { (min(1, max(0, offsetX + ($0.x - minX) / extent)), min(1, max(0, offsetY + ($0.y - minY) / extent))) }
    }
}

/// A small, fast generator whose sequence depends only on its seed (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A quadtree over points, each cell holding the count and the summed positions of its points.
private struct QuadTree {
    /// Per cell: its first of four children (-1 for a leaf), its point (-1 none, -2 several on one
    /// spot), how many points, their summed x and y, and half its width; centres are kept while building.
    var children: [Int] = []
    var body: [Int] = []
    var mass: [Double] = []
    var x: [Double] = []
    var y: [Double] = []
    var half: [Double] = []
    private var centreX: [Double] = []
    private var centreY: [Double] = []

    init(_ px: [Double], _ py: [Double]) {
        let minX = px.min()!, maxX = px.max()!, minY = py.min()!, maxY = py.max()!
        let size = max(maxX - minX, maxY - minY, 1e-9) / 2 * 1.0001
        let capacity = 2 * px.count + 4
        children.reserveCapacity(capacity); body.reserveCapacity(capacity); mass.reserveCapacity(capacity)
        x.reserveCapacity(capacity); y.reserveCapacity(capacity); half.reserveCapacity(capacity)
        centreX.reserveCapacity(capacity); centreY.reserveCapacity(capacity)
        add(cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: size)
        for i in 0..<px.count { insert(i, px[i], py[i]) }
    }

    private mutating func add(cx: Double, cy: Double, half h: Double) {
        children.append(-1); body.append(-1); mass.append(0); x.append(0); y.append(0)
        half.append(h); centreX.append(cx); centreY.append(cy)
    }

    private func quadrant(_ cell: Int, _ px: Double, _ py: Double) -> Int {
        children[cell] + (px < centreX[cell] ? 0 : 1) + (py < centreY[cell] ? 0 : 2)
    }

    private mutating func insert(_ i: Int, _ px: Double, _ py: Double) {
        var cell = 0
        var depth = 0
        while true {
            if children[cell] < 0 {
                let resident = body[cell]
                if mass[cell] == 0 {
                    body[cell] = i
                    mass[cell] = 1; x[cell] = px; y[cell] = py
                    return
                }
                if depth >= 48 || resident == -2 {
                    // Points on (nearly) one spot share the leaf.
                    body[cell] = -2
                    mass[cell] += 1; x[cell] += px; y[cell] += py
                    return
                }
                // Split: the resident point moves down into its quadrant.
                let h = half[cell] / 2
                children[cell] = children.count
                for q in 0..<4 {
                    add(cx: centreX[cell] + (q & 1 == 0 ? -h : h), cy: centreY[cell] + (q & 2 == 0 ? -h : h), half: h)
                }
                let rx = x[cell], ry = y[cell]
                let child = quadrant(cell, rx, ry)
                body[child] = resident
                mass[child] = 1; x[child] = rx; y[child] = ry
                body[cell] = -1
            }
            mass[cell] += 1; x[cell] += px; y[cell] += py
            cell = quadrant(cell, px, py)
            depth += 1
        }
    }
}

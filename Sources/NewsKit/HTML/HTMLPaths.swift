/// DOM paths (`body>div#page>article.post>p`) of the elements that hold text, each made once from
/// its parent's. Most elements of a page hold no text of their own and need no path: making every
/// element's cost more than choosing the body.
struct HTMLPaths {
    private let elements: [HTMLElement]
    private var paths: [String?]

    init(_ elements: [HTMLElement]) {
        self.elements = elements
        paths = [String?](repeating: nil, count: elements.count)
    }

    /// The path of element `e`; `<html>` has none, so paths start at `body`.
    mutating func path(of e: Int) -> String {
        if let known = paths[e] { return known }
        // The ancestors without a path yet, innermost first.
        var chain: [Int] = []
        var up = e
        while up >= 0, paths[up] == nil {
            chain.append(up)
            up = elements[up].parent
        }
        var prefix = up >= 0 ? paths[up]! : ""
        for i in chain.reversed() {
            let path = elements[i].tag == "html" ? "" : prefix.isEmpty ? elements[i].label : prefix + ">" + elements[i].label
            paths[i] = path
            prefix = path
        }
        return paths[e]!
    }
}

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
            var path = ""
            if elements[i].tag != "html" {
                let label = elements[i].label
                if prefix.isEmpty {
                    path = label
                } else {
                    // One allocation: `prefix + ">" + label` made two strings a path.
                    path.reserveCapacity(prefix.utf8.count + 1 + label.utf8.count)
                    path.append(prefix)
                    path.append(">")
                    path.append(label)
                }
            }
            paths[i] = path
            prefix = path
        }
        return paths[e]!
    }
}

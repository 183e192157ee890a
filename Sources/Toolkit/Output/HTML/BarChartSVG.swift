/// A horizontal bar chart: one row per label (names in any script read well on their own line),
/// the value at the end of each bar, a light grid with round steps below.
enum BarChartSVG {
    static let width = 760.0
    static let rowHeight = 24.0

    /// The bars drawn: all of them, or the `limit` largest kept in the order given.
    static func shown(_ chart: HTMLPage.Bars) -> [HTMLPage.Bar] {
        guard chart.bars.count > chart.limit else { return chart.bars }
        let keep = Set(chart.bars.indices.sorted { chart.bars[$0].value > chart.bars[$1].value || (chart.bars[$0].value == chart.bars[$1].value && $0 < $1) }.prefix(chart.limit))
        return chart.bars.indices.filter { keep.contains($0) }.map { chart.bars[$0] }
    }

    static func render(_ chart: HTMLPage.Bars, id: String, title: String) -> (svg: String, note: String?) {
        let bars = shown(chart)
        let note = bars.count < chart.bars.count
            ? "Showing the \(HTMLFormat.number(Double(bars.count))) largest of \(HTMLFormat.number(Double(chart.bars.count))) bars."
            : nil
        guard !bars.isEmpty else { return ("", "No bars to show: the data is empty.") }
        let labels = bars.map { HTMLFormat.shortened($0.label, to: 36) }
        let values = bars.map { HTMLFormat.number($0.value) }
        let labelWidth = min(240, max(60, (labels.map { HTMLFormat.width(of: $0, size: 13) }.max() ?? 0) + 12))
        let valueWidth = (values.map { HTMLFormat.width(of: $0, size: 12) }.max() ?? 0) + 14
        let left = labelWidth + 8
        let plot = width - left - valueWidth - 8
        let maximum = bars.map(\.value).max() ?? 0
        let ticks = HTMLFormat.ticks(upTo: maximum, count: 5, whole: bars.allSatisfy { $0.value.rounded() == $0.value })
        let top = ticks.last ?? 1
        let scale = top > 0 ? plot / top : 0
        let height = 8 + Double(bars.count) * rowHeight + 28

        let description = "Horizontal bar chart of \(bars.count) bars: " + zip(bars, values).prefix(12).map { "\($0.label) \($1)" }.joined(separator: "; ")
            + (bars.count > 12 ? "; …" : ".")
        var svg = SVGText.open(id: id, width: width, height: height, title: title, description: description)
        let bottom = 8 + Double(bars.count) * rowHeight
        svg += "<g class=\"grid\">"
        for tick in ticks {
            let x = left + tick * scale
            svg += "<line x1=\"\(HTMLFormat.coordinate(x))\" y1=\"4\" x2=\"\(HTMLFormat.coordinate(x))\" y2=\"\(HTMLFormat.coordinate(bottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(HTMLFormat.coordinate(x))\" y=\"\(HTMLFormat.coordinate(bottom + 18))\" text-anchor=\"middle\">\(HTMLFormat.number(tick))</text>"
        }
        svg += "</g>\n"
        for (i, bar) in bars.enumerated() {
            let y = 8 + Double(i) * rowHeight
            let length = max(bar.value > 0 ? 1 : 0, bar.value * scale)
            svg += "<g class=\"bar\"><title>\(HTMLFormat.escape(bar.label)): \(values[i])</title>"
            svg += SVGText.label(labels[i], x: labelWidth, y: y + rowHeight / 2 + 4.5, side: .right, className: "label")
            svg += "<rect x=\"\(HTMLFormat.coordinate(left))\" y=\"\(HTMLFormat.coordinate(y + 4))\" width=\"\(HTMLFormat.coordinate(length))\" height=\"\(HTMLFormat.coordinate(rowHeight - 8))\" rx=\"2\"/>"
            svg += "<text class=\"value\" x=\"\(HTMLFormat.coordinate(left + length + 6))\" y=\"\(HTMLFormat.coordinate(y + rowHeight / 2 + 4))\">\(values[i])</text>"
            svg += "</g>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(HTMLFormat.coordinate(left))\" y1=\"4\" x2=\"\(HTMLFormat.coordinate(left))\" y2=\"\(HTMLFormat.coordinate(bottom))\"/>"
        svg += "</svg>"
        return (svg, note)
    }
}

/// Text in the charts. SVG has no `dir="auto"`, so each label gets the base direction of its first
/// strong character (as the HTML around it does) through `direction` and `unicode-bidi`; the
/// browser then orders and shapes the letters. Strings are never reversed here. Because
/// `text-anchor="start"` means the right end of right-to-left text, the anchor is chosen from the
/// side the label must keep to on screen.
enum SVGText {
    enum Side {
        /// The label starts at x and runs rightwards on screen.
        case left
        /// The label ends at x on screen.
        case right
        case middle
    }

    static func label(_ text: String, x: Double, y: Double, side: Side, className: String, title: String? = nil) -> String {
        let rtl = HTMLFormat.isRightToLeft(text)
        let anchor: String
        switch side {
        case .middle: anchor = "middle"
        case .left: anchor = rtl ? "end" : "start"
        case .right: anchor = rtl ? "start" : "end"
        }
        let direction = rtl ? " direction=\"rtl\" unicode-bidi=\"embed\"" : ""
        let hover = title.map { "<title>\(HTMLFormat.escape($0))</title>" } ?? ""
        return "<text class=\"\(className)\" x=\"\(HTMLFormat.coordinate(x))\" y=\"\(HTMLFormat.coordinate(y))\" text-anchor=\"\(anchor)\"\(direction)>\(hover)\(HTMLFormat.escape(text))</text>"
    }

    /// The opening of a chart: sized by its viewBox (it scales to the page's width) and named for
    /// screen readers by its `<title>` and `<desc>`.
    static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
        """
        <svg class="chart" id="\(id)" viewBox="0 0 \(HTMLFormat.coordinate(width)) \(HTMLFormat.coordinate(height))" \
        role="img" aria-labelledby="\(id)-t \(id)-d" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-t">\(HTMLFormat.escape(title))</title>
        <desc id="\(id)-d">\(HTMLFormat.escape(description))</desc>
        """
    }
}

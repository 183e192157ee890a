import Foundation

/// The page as one self-contained HTML file: inline style, inline SVG charts, a few lines of script
/// that only add sorting to tables (the page looks the same without it), and a policy that forbids
/// every fetch. The writer's own words are English (`lang="en"`); everything the script gave gets
/// `dir="auto"`, since its language is not known; table cells still line up on the left like the
/// English frame around them, so a column of mixed names reads as one column.
enum HTMLRenderer {
    static func render(_ page: HTMLPage) -> String {
        var body = "<header>\n<h1 dir=\"auto\">\(HTMLFormat.escape(page.title))</h1>\n"
        if let notes = page.notes { body += HTMLFormat.paragraphs(notes, className: "notes") + "\n" }
        body += "</header>\n"
        for (index, section) in page.sections.enumerated() {
            body += render(section, number: index + 1) + "\n"
        }
        body += "<footer>Written by toolkit \(ToolkitVersion.current). Hover a bar, column or node for its figure.</footer>\n"
        return """
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLContentPolicy.header(style: style, script: script))">
            <meta name="generator" content="toolkit \(ToolkitVersion.current)">
            <title>\(HTMLFormat.escape(page.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    static func render(_ section: HTMLPage.Section, number: Int) -> String {
        let id = "s\(number)"
        var html = "<section id=\"\(id)\" class=\"\(kind(section.content))\""
        if section.title != nil { html += " aria-labelledby=\"\(id)-h\"" }
        html += ">\n"
        if let title = section.title { html += "<h2 id=\"\(id)-h\" dir=\"auto\">\(HTMLFormat.escape(title))</h2>\n" }
        if let notes = section.notes { html += HTMLFormat.paragraphs(notes, className: "notes") + "\n" }
        let chartTitle = section.title ?? defaultTitle(section.content)
        switch section.content {
        case .text(let text):
            html += HTMLFormat.paragraphs(text)
        case .table(let table):
            html += render(table, id: id)
        case .bar(let bars):
            let (svg, note) = BarChartSVG.render(bars, id: "\(id)-chart", title: chartTitle)
            html += figure(svg, note: note)
        case .timeline(let timeline):
            let (svg, note) = TimelineSVG.render(timeline, id: "\(id)-chart", title: chartTitle)
            html += figure(svg, note: note)
        case .network(let network):
            let (svg, legend, note) = NetworkSVG.render(network, id: "\(id)-chart", title: chartTitle)
            html += figure(svg + legend, note: note)
        }
        return html + "\n</section>"
    }

    private static func kind(_ content: HTMLPage.Content) -> String {
        switch content {
        case .text: return "text"
        case .table: return "table"
        case .bar: return "bar"
        case .timeline: return "timeline"
        case .network: return "network"
        }
    }

    private static func defaultTitle(_ content: HTMLPage.Content) -> String {
        switch content {
        case .text: return "Text"
        case .table: return "Table"
        case .bar: return "Bar chart"
        case .timeline: return "Time line"
        case .network: return "Network"
        }
    }

    private static func figure(_ svg: String, note: String?) -> String {
        guard !svg.isEmpty else { return note.map { "<p class=\"empty\">\(HTMLFormat.escape($0))</p>" } ?? "" }
        var html = "<figure>\n\(svg)\n"
        if let note { html += "<figcaption>\(HTMLFormat.escape(note))</figcaption>\n" }
        return html + "</figure>"
    }

    static func render(_ table: HTMLPage.Table, id: String) -> String {
        let width = max(table.columns?.count ?? 0, table.rows.map(\.count).max() ?? 0)
        guard width > 0 else { return "<p class=\"empty\">No rows.</p>" }
        // A column is numeric (right-aligned, sorted as numbers) when every value in it is a number.
        let numeric = (0..<width).map { c in
            var any = false
            for row in table.rows where c < row.count {
                switch row[c] {
                case .integer?, .number?: any = true
                case nil: continue
                default: return false
                }
            }
            return any
        }
        var html = "<div class=\"table-wrap\"><table class=\"sortable\" id=\"\(id)-table\">\n"
        if let columns = table.columns {
            html += "<thead><tr>"
            for c in 0..<width {
                let name = c < columns.count ? columns[c] : ""
                html += "<th scope=\"col\" dir=\"auto\"\(numeric[c] ? " class=\"num\"" : "")>\(HTMLFormat.escape(name))</th>"
            }
            html += "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for c in 0..<width {
                let cell = c < row.count ? row[c] : nil
                switch cell {
                case .integer(let n)?:
                    html += "<td class=\"num\" data-v=\"\(n)\">\(n)</td>"
                case .number(let d)?:
                    html += "<td class=\"num\" data-v=\"\(d)\">\(decimal(d))</td>"
                case .boolean(let b)?:
                    html += "<td>\(b ? "true" : "false")</td>"
                case .string(let s)?:
                    html += "<td dir=\"auto\">\(HTMLFormat.escape(s))</td>"
                case nil:
                    html += "<td></td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>"
        if table.total > table.rows.count {
            html += "\n<p class=\"caption\">Showing the first \(HTMLFormat.number(Double(table.rows.count))) of \(HTMLFormat.number(Double(table.total))) rows.</p>"
        } else {
            html += "\n<p class=\"caption\">\(HTMLFormat.number(Double(table.total))) row\(table.total == 1 ? "" : "s").</p>"
        }
        return html
    }

    /// Up to four decimals: a table is read, not computed with (the exact value stays in `data-v`).
    private static func decimal(_ d: Double) -> String {
        if d.rounded() == d && abs(d) < 9e15 { return String(Int64(d)) }
        if abs(d) >= 1e15 || (abs(d) < 1e-4 && d != 0) { return String(d) }
        var text = String(format: "%.4f", d)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static let style = """
        :root{color-scheme:light}*{box-sizing:border-box}\
        body{margin:0;background:#f4f5f7;color:#1f2933;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic",Vazirmatn,Tahoma,"DejaVu Sans",Arial,sans-serif}\
        main{max-width:940px;margin:0 auto;padding:36px 20px 40px}\
        header h1{font-size:1.8rem;line-height:1.25;margin:0 0 .5rem;letter-spacing:-.01em}\
        p{margin:.4rem 0}.notes{color:#52606d}\
        section{background:#fff;border:1px solid #e1e4e8;border-radius:10px;padding:20px 24px;margin:22px 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}\
        section h2{font-size:1.15rem;line-height:1.3;margin:0 0 .35rem}\
        figure{margin:14px 0 0}svg.chart{display:block;width:100%;height:auto;overflow:visible}\
        figcaption,.caption,.empty{font-size:.85rem;color:#616e7c;margin-top:8px}\
        .chart text{font-size:12px;fill:#3e4c59}.chart .label{font-size:13px;fill:#1f2933}\
        .chart .value{font-size:12px;fill:#3e4c59;font-variant-numeric:tabular-nums}\
        .chart .tick{font-size:11px;fill:#7b8794;font-variant-numeric:tabular-nums}.chart .year{font-weight:600;fill:#52606d}\
        .chart .grid line{stroke:#e6e9ed}.chart .axis,.chart .mark{stroke:#9aa5b1}\
        .chart .bar rect,.chart .columns rect{fill:#3b6ea5}.chart .bar:hover rect,.chart .columns rect:hover{fill:#22466e}\
        .chart .edges line{stroke:#8c96a5;stroke-opacity:.5;stroke-linecap:round}.chart .edges line:hover{stroke:#22466e;stroke-opacity:.9}\
        .chart .nodes circle{stroke:#fff;stroke-width:1.3}.chart .nodes circle:hover{stroke:#1f2933}\
        .chart .node-label{font-size:11.5px;fill:#1f2933;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;pointer-events:none}\
        .table-wrap{overflow-x:auto;margin-top:12px;border:1px solid #e4e7eb;border-radius:6px}\
        table{border-collapse:collapse;width:100%;font-size:.9rem}\
        th,td{padding:6px 12px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:top}\
        th{background:#f5f7fa;font-weight:600;color:#323f4b;cursor:pointer;user-select:none}\
        tbody tr:last-child td{border-bottom:0}tbody tr:nth-child(even){background:#fafbfc}\
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
        .legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:10px 0 0;font-size:.85rem;color:#3e4c59}\
        .legend svg{width:11px;height:11px;vertical-align:-1px;margin-inline-end:6px}\
        footer{font-size:.8rem;color:#7b8794;text-align:center;margin-top:28px}\
        @media print{body{background:#fff}section{box-shadow:none;break-inside:avoid}}
        """

    /// Click (or Enter on) a column head to sort by it; again to reverse. Nothing is drawn by the
    /// script, so the page is the same without it.
    static let script = """
        document.querySelectorAll("table.sortable").forEach(function(table){\
        if(!table.tHead||!table.tBodies.length)return;\
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,column){\
        th.tabIndex=0;\
        function sort(){\
        var numeric=th.classList.contains("num"),up=th.getAttribute("aria-sort")!=="ascending",body=table.tBodies[0];\
        var rows=Array.prototype.slice.call(body.rows);\
        function key(row){var cell=row.cells[column];if(!cell)return numeric?-Infinity:"";\
        if(numeric){var v=parseFloat(cell.getAttribute("data-v"));return isNaN(v)?-Infinity:v;}return cell.textContent;}\
        rows.sort(function(a,b){var x=key(a),y=key(b),c=numeric?(x<y?-1:x>y?1:0):String(x).localeCompare(String(y));return up?c:-c;});\
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(other){other.removeAttribute("aria-sort");});\
        th.setAttribute("aria-sort",up?"ascending":"descending");\
        rows.forEach(function(row){body.appendChild(row);});}\
        th.addEventListener("click",sort);\
        th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();sort();}});\
        });});
        """
}

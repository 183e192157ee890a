import Foundation
import NewsKit

/// `toolkit parse`: what the core understood of each article, for a person (text) or a program (json).
public enum ParseReport {
    public enum Format: String, CaseIterable, Sendable { case text, json }

    /// Prints every article of the corpus; returns how many were printed. With `strict`, the
    /// first input problem stops it with a `noReadableInput` error (exit 3).
    @discardableResult
    public static func run(corpus arguments: [String], format: Format, pluginFolders: [String] = [],
                           strict: Bool = false, inputFormat: InputFormat = .auto, learnBoilerplate: Bool = false,
                           console: Console = .standard) throws -> Int {
        try run(corpus: arguments, format: format, pluginFolders: pluginFolders, strict: strict, inputFormat: inputFormat,
                learnBoilerplate: learnBoilerplate, console: console, renderAhead: true)
    }

    /// `renderAhead` false leaves every article's output to the consumer (tests compare the two).
    @discardableResult
    static func run(corpus arguments: [String], format: Format, pluginFolders: [String], strict: Bool,
                    inputFormat: InputFormat = .auto, learnBoilerplate: Bool = false, console: Console, renderAhead: Bool) throws -> Int {
        let plugins = try PluginCatalog.discover(extra: pluginFolders)
        let markers = try plugins.markers()
        if let missing = plugins.markersMissing { console.err("toolkit: warning: \(missing)") }
        let corpus = try Corpus.resolve(arguments, format: inputFormat)
        let inputs = InputSummary(console: console)
        let json = format == .json ? try ArticleJSON(plugins: plugins, console: console) : nil
        // Each article's output is made on the parsing workers, in parallel; the consumer only
        // writes it out in order.
        let render: @Sendable (ArticleStream.Item) -> String?
        if let json { render = { json.rendered($0) } } else { render = { text($0.article) } }
        let stream = ArticleStream(corpus: corpus, reader: ArticleReader(markers: markers), strict: strict, inputs: inputs,
                                   enrichment: json?.enrichment, render: renderAhead ? render : nil, learnBoilerplate: learnBoilerplate)
        var count = 0
        while let item = try stream.nextItem() {
            count += 1
            if let rendered = item.rendered {
                console.out(rendered)
            } else if let json {
                try json.write(item) { console.out(String(decoding: $0, as: UTF8.self)) }
            } else {
                console.out(text(item.article))
            }
        }
        if count == 0 {
            throw ToolkitError.noReadableInput("no article could be read from \(arguments.joined(separator: " ")): \(inputs.skipReasons)")
        }
        if let line = inputs.line(articles: count) { console.err(line) }
        return count
    }

    static func text(_ a: Article) -> String {
        var out = "== \(a.path)  lang \(a.lang)"
        if let date = a.date { out += "  date \(date) (\(a.datePrecision ?? "?"))" }
        if let source = a.source { out += "  source \(source)" }
        if !a.agencies.isEmpty { out += "  agencies \(a.agencies.joined(separator: ", "))" }
        out += "\n"
        let width = BlockKind.allCases.map(\.rawValue.count).max() ?? 10
        for block in a.blocks {
            let kind = block.kind.rawValue.rightPadded(width)
            var line = "\(kind)  \(String(block.first).leftPadded(6))-\(String(block.last).leftPadded(6))  "
            if let marker = block.marker { line += "[\(marker)] " }
            line += block.text
            if let original = block.duplicateOf { line += "   (repeats block \(original + 1))" }
            // A web page's blocks say what the extractor kept and why, with their DOM path.
            if a.html != nil { line += "\n" + String(repeating: " ", count: width + 17) + "<- " + block.rule }
            out += line + "\n"
        }
        for quote in a.quotes {
            out += "quote".rightPadded(width) + "  «\(quote.text)»" + (quote.speaker.map { " — \($0)" } ?? "") + "\n"
        }
        return out + "\n"
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    // Not Foundation's padding(toLength:), which went through NSString: 5% of `parse --format text`.
    func rightPadded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

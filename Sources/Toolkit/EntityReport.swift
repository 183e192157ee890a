import Foundation
import NewsKit

/// `toolkit entities`: every mention in a corpus, as a table for people, CSV or JSON Lines.
public enum EntityReport {
    public enum Format: String, CaseIterable, Sendable { case table, csv, jsonl }

    struct Row: Encodable {
        var article: String, path: String, id: String, kind: String, name: String, text: String
        var first: Int?, last: Int?, raw_first: Int?, raw_last: Int?, section: String
        var block: Int?, extractor: String, score: Double
        var value: String?, number: Double?, unit: String?, form: String?, role: String?
    }

    /// The kinds `--kind` accepts.
    public static let kinds = EntityVocabulary.kinds

    /// Prints the mentions of the corpus (of `kinds`, when given), with the finds of the extractors
    /// plugins register; returns how many articles were read.
    /// With `strict`, the first input problem stops it with a `noReadableInput` error (exit 3).
    @discardableResult
    public static func run(corpus arguments: [String], kinds: Set<String>?, format: Format, pluginFolders: [String] = [],
                           strict: Bool = false, inputFormat: InputFormat = .auto, learnBoilerplate: Bool = false,
                           console: Console = .standard) throws -> Int
    {
        let catalog = try PluginCatalog.discover(extra: pluginFolders)
        let annotator = try catalog.annotator()
        let corpus = try Corpus.resolve(arguments, format: inputFormat)
        let warnings = WarningCounter(console: console)
        if let missing = catalog.knowledgeBaseMissing("entities will not be linked") { warnings.report(missing) }
        if let missing = catalog.markersMissing { warnings.report(missing) }
        let extractors = try PluginExtractors.load(catalog, console: console, warn: { warnings.report($0) })
        let inputs = InputSummary(console: console)
        let stream = ArticleStream(corpus: corpus, reader: ArticleReader(markers: try catalog.markers()),
                                   strict: strict, inputs: inputs, learnBoilerplate: learnBoilerplate)
        if format == .csv {
            console.out(CSVWriter.line(csvColumns))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Annotation is the costly part: the stream's workers do it while this thread prints.
        stream.enrich(with: ArticleStream.Enrichment(generation: 0) { annotator.annotate($0) })
        var count = 0
        while let item = try stream.nextItem() {
            count += 1
            let article = item.article
            let mentions = try extractors?.mentions(of: item)
                ?? item.annotation?.value.mentions ?? annotator.annotate(article).mentions
            for m in mentions where kinds?.contains(m.kind) ?? true {
                let row = Row(article: article.id, path: article.path, id: m.id, kind: m.kind, name: m.name,
                              text: m.text, first: m.first, last: m.last, raw_first: m.rawFirst, raw_last: m.rawLast,
                              section: m.section, block: m.block, extractor: m.extractor,
                              score: m.score, value: m.value, number: m.number, unit: m.unit, form: m.form, role: m.role)
                switch format {
                case .jsonl: console.out(String(decoding: try encoder.encode(row), as: UTF8.self) + "\n")
                case .csv: console.out(csvLine(row))
                case .table: console.out(tableLine(row))
                }
            }
        }
        if count == 0 {
            throw ToolkitError.noReadableInput("no article could be read from \(arguments.joined(separator: " ")): \(inputs.skipReasons)")
        }
        if let line = inputs.line(articles: count) { console.err(line) }
        return count
    }

    static let csvColumns = ["article", "path", "id", "kind", "name", "text", "section", "first", "last",
                             "raw_first", "raw_last", "block", "extractor", "score", "value", "unit"]

    static func csvLine(_ r: Row) -> String {
        func n(_ i: Int?) -> String { i.map(String.init) ?? "" }
        return CSVWriter.line([r.article, r.path, r.id, r.kind, r.name, r.text, r.section, n(r.first), n(r.last),
                                n(r.raw_first), n(r.raw_last), n(r.block), r.extractor, String(r.score),
                                r.value ?? r.number.map { String($0) } ?? "", r.unit ?? ""])
    }

    static func tableLine(_ r: Row) -> String {
        let file = r.path.split(separator: "/").last.map(String.init) ?? r.path
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        return "\(pad(file, 28)) \(pad(r.kind, 8)) \(pad(r.name, 34)) \(pad(r.text, 30)) \(r.first.map { "\($0)-\(r.last!)" } ?? r.section)  \(r.extractor)\n"
    }
}

import Foundation
import LuaBridge
import NewsKit

/// `toolkit parse --format json`: one object per article with exactly the fields of the Lua
/// article (`ArticleFields`), the same names and 1-based offsets; fields that are nil are left out,
/// keys are sorted. Quotes that name a speaker are linked through the knowledge base, loaded once.
struct ArticleJSON: @unchecked Sendable {
    let entities: EntityContext
    /// What the stream's parsing workers do to each article: link the speakers of its quotes.
    let enrichment: ArticleStream.Enrichment
    /// The article's fields in the order the object lists them (sorted by name), each with its
    /// `"name":` made once rather than escaped again for every article.
    nonisolated(unsafe) private static let fields = ArticleFields.declaration.fields.sorted { $0.name < $1.name }.map { field in
        var key: [UInt8] = []
        try! LuaJSONEncoder.string(Array(field.name.utf8), path: field.name, into: &key)
        // A map (`meta`) stays an object when empty; lists stay arrays.
        return (field: field, key: key + [UInt8(ascii: ":")], emptyAsObject: field.type.hasPrefix("table<"))
    }

    /// Links speakers on the stream's parsing workers, in parallel; an article whose quotes name no
    /// speaker is not annotated at all (its quotes are read straight off the article).
    init(plugins: PluginCatalog, console: Console) throws {
        entities = EntityContext(plugins: plugins, warn: { console.err("toolkit: warning: \($0)") })
        let annotator = try entities.annotator()
        // What speakerless articles carry: nothing of it is read (see ArticleObject.attributedQuotes).
        let none = annotator.annotate(Article(id: "", path: "", lang: "und", text: "", raw: ""))
        // Only the quotes are printed: each window's mentions are let go as soon as its quotes
        // are linked (on a 100 MB article all of them would be several times its size).
        enrichment = ArticleStream.Enrichment(generation: entities.generation) { article in
            guard article.quotes.contains(where: { $0.speaker != nil }) else { return none }
            var quotes: [AttributedQuote] = []
            annotator.annotateByWindow(article) { quotes += $0.quotes }
            return ArticleAnnotation(mentions: [], quotes: quotes)
        }
    }

    /// Writes the article's object and a line break to `sink`, in pieces of about 64 KiB: the
    /// text of a 100 MB article is escaped piece by piece from the article's own storage, and
    /// its blocks are made one at a time (`LuaList`), so the JSON is never whole in memory.
    func write(_ item: ArticleStream.Item, to sink: @escaping ([UInt8]) -> Void) throws {
        var out = JSONPieces(sink: sink)
        try write(item, into: &out)
        out.flush()
    }

    /// The article's whole line, made on a parsing worker (the stream's `render`), or nil when it
    /// cannot be made there: the consumer then writes it and raises the error. Safe off the main
    /// thread because the item carries its annotation (`enrichment`), so nothing here changes the
    /// entity context; it is only read.
    func rendered(_ item: ArticleStream.Item) -> String? {
        guard item.annotation?.generation == entities.generation else { return nil }
        var line: [UInt8] = []
        var out = JSONPieces(sink: { line = $0 }, pieceSize: .max)
        do { try write(item, into: &out) } catch { return nil }
        out.flush()
        return String(decoding: line, as: UTF8.self)
    }

    private func write(_ item: ArticleStream.Item, into out: inout JSONPieces) throws {
        let article = ArticleObject(item, entities: entities)
        out.buffer.append(UInt8(ascii: "{"))
        var first = true
        for (field, key, emptyAsObject) in Self.fields {
            let value = try field.get(article)
            if value.isNil { continue }
            if !first { out.buffer.append(UInt8(ascii: ",")) }
            first = false
            out.buffer.append(contentsOf: key)
            try out.value(value, emptyAsObject: emptyAsObject, path: "value")
        }
        out.buffer.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    }
}


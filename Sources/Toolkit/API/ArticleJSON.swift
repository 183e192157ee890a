import Foundation
import LuaBridge
import NewsKit

/// `toolkit parse --format json`: one object per article with exactly the fields of the Lua
/// article (`ArticleFields`), the same names and 1-based offsets; fields that are nil are left out,
/// keys are sorted. Quotes that name a speaker are linked through the knowledge base, loaded once.
struct ArticleJSON {
    let entities: EntityContext

    /// Links speakers on the stream's parsing workers, in parallel; an article whose quotes name no
    /// speaker is not annotated at all (its quotes are read straight off the article).
    init(plugins: PluginCatalog, stream: ArticleStream, console: Console) throws {
        entities = EntityContext(plugins: plugins, warn: { console.err("toolkit: warning: \($0)") })
        let annotator = try entities.annotator()
        // What speakerless articles carry: nothing of it is read (see ArticleObject.attributedQuotes).
        let none = annotator.annotate(Article(id: "", path: "", lang: "und", text: "", raw: ""))
        stream.enrich(with: ArticleStream.Enrichment(generation: entities.generation) { article in
            article.quotes.contains { $0.speaker != nil } ? annotator.annotate(article) : none
        })
    }

    func line(_ item: ArticleStream.Item) throws -> String {
        let article = ArticleObject(item, entities: entities)
        var out: [UInt8] = [UInt8(ascii: "{")]
        for field in ArticleFields.declaration.fields.sorted(by: { $0.name < $1.name }) {
            let value = try field.get(article)
            if value.isNil { continue }
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            try LuaJSONEncoder.string(Array(field.name.utf8), path: field.name, into: &out)
            out.append(UInt8(ascii: ":"))
            // A map (`meta`) stays an object when empty; lists stay arrays.
            var encoder = LuaJSONEncoder(sortKeys: true)
            encoder.emptyAsObject = field.type.hasPrefix("table<")
            out += try encoder.encode(value)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

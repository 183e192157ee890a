import LuaBridge
import NewsKit

/// An article as Lua sees it: read-only userdata whose fields are converted on first access.
final class ArticleObject {
    let article: Article
    let entities: EntityContext
    private var cache: [String: LuaValue] = [:]
    private var annotation: (generation: Int, value: ArticleAnnotation)?

    init(_ item: ArticleStream.Item, entities: EntityContext) {
        self.article = item.article
        self.entities = entities
        self.annotation = item.annotation
    }

    func annotated() throws -> ArticleAnnotation {
        if let annotation, annotation.generation == entities.generation { return annotation.value }
        let value = try entities.annotator().annotate(article)
        annotation = (entities.generation, value)
        return value
    }

    /// The article's quotes with their speakers linked. Only an article whose quotes name a speaker
    /// is annotated for it (if it was not yet): linking needs the people the article names.
    func attributedQuotes() throws -> [QuoteRecord] {
        guard article.quotes.contains(where: { $0.speaker != nil }) else { return article.quotes.map(QuoteRecord.init) }
        return try annotated().quotes.map(QuoteRecord.init)
    }

    /// An iterator over the mentions that pass `keep`.
    func iterator(_ keep: @escaping (EntityMention) -> Bool) throws -> LuaValue {
        let mentions = try annotated().mentions.filter(keep)
        var position = 0
        return .function(LuaFunction("entities iterator") { _ in
            guard position < mentions.count else { return [.nil] }
            defer { position += 1 }
            return [EntityTables.mention(mentions[position])]
        })
    }

    func cached(_ key: String, _ make: () throws -> LuaValue) rethrows -> LuaValue {
        if let value = cache[key] { return value }
        let value = try make()
        cache[key] = value
        return value
    }

    static var luaClass: LuaClass<ArticleObject> {
        var cls = LuaClass<ArticleObject>("Article")
        for field in ArticleFields.declaration.fields {
            let (name, get) = (field.name, field.get)
            if field.cached { cls.field(name) { o in try o.cached(name) { try get(o) } } } else { cls.field(name, get) }
        }
        for method in ArticleFields.declaration.methods {
            if let body = method.body { cls.method(method.name, body) }
        }
        cls.method("entities") { o, call in
            let filter = try EntityFilter(call.value(2))
            return [try o.iterator(filter.accepts)]
        }
        cls.method("mentions") { o, call in
            let id = try call.string(2)
            return [try o.iterator { $0.id == id }]
        }
        cls.description { "Article \($0.article.id) (\($0.article.path))" }
        return cls
    }
}

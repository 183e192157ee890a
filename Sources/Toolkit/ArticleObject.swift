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

    func cached(_ key: String, _ make: () -> LuaValue) -> LuaValue {
        if let value = cache[key] { return value }
        let value = make()
        cache[key] = value
        return value
    }

    static var luaClass: LuaClass<ArticleObject> {
        var cls = LuaClass<ArticleObject>("Article")
        cls.field("id") { LuaValue($0.article.id) }
        cls.field("path") { LuaValue($0.article.path) }
        cls.field("lang") { LuaValue($0.article.lang) }
        cls.field("title") { LuaValue($0.article.title) }
        cls.field("lede") { LuaValue($0.article.lede) }
        cls.field("date") { LuaValue($0.article.date) }
        cls.field("date_precision") { LuaValue($0.article.datePrecision) }
        cls.field("source") { LuaValue($0.article.source) }
        cls.field("original_source") { LuaValue($0.article.originalSource) }
        cls.field("url") { LuaValue($0.article.url) }
        cls.field("byline") { LuaValue($0.article.byline) }
        cls.field("agencies") { o in o.cached("agencies") { LuaValue(o.article.agencies) } }
        cls.field("text") { LuaValue($0.article.text) }
        cls.field("paragraphs") { o in o.cached("paragraphs") { LuaValue(o.article.paragraphs) } }
        cls.field("headings") { o in o.cached("headings") { LuaValue(o.article.headings) } }
        cls.field("related") { o in o.cached("related") { LuaValue(o.article.related) } }
        cls.field("captions") { o in o.cached("captions") { LuaValue(o.article.captions) } }
        cls.field("credits") { o in o.cached("credits") { LuaValue(o.article.credits) } }
        cls.field("quotes") { o in .table(LuaTable(array: try o.annotated().quotes.map(EntityTables.quote))) }
        cls.field("blocks") { o in
            o.cached("blocks") {
                .table(LuaTable(array: o.article.blocks.map { b in
                    var t: LuaTable = ["kind": LuaValue(b.kind.rawValue), "text": LuaValue(b.text),
                                       "first": LuaValue(b.first), "last": LuaValue(b.last), "rule": LuaValue(b.rule)]
                    t["marker"] = LuaValue(b.marker)
                    t["duplicate_of"] = b.duplicateOf.map { LuaValue($0 + 1) } ?? .nil
                    return .table(t)
                }))
            }
        }
        cls.field("raw") { LuaValue($0.article.raw) }
        cls.field("meta") { o in
            o.cached("meta") {
                var table = LuaTable(array: [])
                for (key, value) in o.article.meta.sorted(by: { $0.key < $1.key }) { table[key] = LuaValue(value) }
                return .table(table)
            }
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

import LuaBridge
import NewsKit

/// An article as Lua sees it: read-only userdata whose fields are converted on first access.
final class ArticleObject {
    let entities: EntityContext
    private var cache: [String: LuaValue] = [:]
    private var annotation: (generation: Int, value: ArticleAnnotation)?
    /// What the record gives before any parsing: enough for `id`, `path`, `url`, `meta`, and for
    /// `title` and `lang` when the record has them.
    private(set) var unparsed: Article
    private var record: InputRecord?
    private var parsed: Article?
    /// The digest of the article's record, for the article cache's look-ups (nil without a cache).
    private var recordDigest: ContentDigest?
    private let parse: ((InputRecord) -> Article)?

    /// `parse` turns the item's record into the article when the stream did not parse it ahead.
    init(_ item: ArticleStream.Item, entities: EntityContext, parse: ((InputRecord) -> Article)? = nil) {
        self.unparsed = item.article
        self.record = item.record
        self.parsed = item.record == nil ? item.article : nil
        self.parse = parse
        self.entities = entities
        self.annotation = item.annotation
        self.recordDigest = item.recordDigest
    }

    /// The parsed article, parsed on first use when the stream handed it over unparsed (a script
    /// that reads only titles of JSON Lines records never pays for parsing).
    var article: Article {
        if let parsed { return parsed }
        if let record, recordDigest == nil, let cache = entities.cache { recordDigest = cache.cacheableDigest(of: record) }
        let made = (record.flatMap { record in parse.map { $0(record) } }) ?? unparsed
        parsed = made
        record = nil
        // The parsed article holds the input now (in pieces, if it is long): not twice.
        unparsed.raw = ""
        return made
    }

    /// The title without parsing when the record gives it.
    var title: String? { record?.title ?? article.title }
    /// The language without parsing when the record gives it.
    var lang: String { record?.lang ?? article.lang }

    func annotated() throws -> ArticleAnnotation {
        if let annotation, annotation.generation == entities.generation, !entities.annotatorFailed { return annotation.value }
        let value = try entities.annotation(of: article, record: recordDigest)
        annotation = (entities.generation, value)
        return value
    }

    private var extracted: (generation: Int, mentions: [EntityMention])?
    /// While the run's extractors work on this article: the finds so far (built-in, then those of
    /// the extractors that have run). An extractor that asks the article for its entities gets
    /// these instead of starting the extractors again, which would recurse without end.
    private var extracting: [EntityMention]?

    /// The built-in finds and those of the run's extractors, in text order (finds outside the text
    /// after), computed once per article.
    func mentions(_ call: LuaCall) throws -> [EntityMention] {
        try mentions(state: call.state, invoke: { try call.call($0, $1) })
    }

    /// The same, for Swift code outside any Lua call (`toolkit entities`).
    func mentions(state: LuaState, invoke: (LuaReference, [LuaValue]) throws -> [LuaValue]) throws -> [EntityMention] {
        if let extracted, extracted.generation == entities.generation { return extracted.mentions }
        if let extracting { return extracting }
        var all = try annotated().mentions
        let registry = entities.extractors
        extracting = all
        defer { extracting = nil }
        registry.trace?.annotated(all.map(\.extractor))
        for extractor in registry.all where extractor.applies(to: article.lang) {
            let started = ContinuousClock.now
            let found = try extractor.run(on: self, state: state, invoke: invoke, budget: registry.budget,
                                          knowledgeBase: { [entities] in try entities.knowledgeBase() })
            registry.trace?.extractor(extractor.name, mentions: found.count,
                                      seconds: RunTrace.seconds(since: started))
            all += found
            extracting = all
        }
        if !registry.all.isEmpty {
            all = all.enumerated().sorted { a, b in
                let (x, y) = (a.element.first ?? Int.max, b.element.first ?? Int.max)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        extracted = (entities.generation, all)
        return all
    }

    /// The article's quotes with their speakers linked. Only an article whose quotes name a speaker
    /// is annotated for it (if it was not yet): linking needs the people the article names.
    func attributedQuotes() throws -> [QuoteRecord] {
        guard article.quotes.contains(where: { $0.speaker != nil }) else { return article.quotes.map(QuoteRecord.init) }
        return try annotated().quotes.map(QuoteRecord.init)
    }

    /// An iterator over the mentions that pass `keep`.
    func iterator(_ call: LuaCall, _ keep: @escaping (EntityMention) -> Bool) throws -> LuaValue {
        let mentions = try self.mentions(call).filter(keep)
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
        for method in ArticleFields.declaration.methods { cls.method(method.name, method.body) }
        // What the record gives: printing an article does not parse it.
        cls.description { "Article \($0.unparsed.id) (\($0.unparsed.path))" }
        return cls
    }
}

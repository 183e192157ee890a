import LuaBridge
import NewsKit

/// The plain-table records scripts receive: blocks and quotes of an article, entity mentions and
/// knowledge-base profiles. `toolkit parse --format json` writes blocks and quotes from the same
/// declarations. Each is built once (the entity iterators make one table per mention) and never changed.
enum EntityRecords {
    nonisolated(unsafe) static let block: APIClass<Block> = {
        APIClass("Block", doc: "A typed part of `article.raw` (an element of `article.blocks`).", fields: [
            APIClassField("kind", "string", "`title`, `lede`, `dateline`, `byline`, `source`, `heading`, `paragraph`, `caption`, `credit`, `related` or `boilerplate`") { .string(LuaString(sharing: Substring($0.kind.rawValue))) },
            APIClassField("text", "string", "the block's text, trimmed; for marker blocks (\"Soma pia: X\") only X") { .string(LuaString(sharing: $0.textSlice)) },
            APIClassField("first", "integer", "1-based inclusive byte offset into `article.raw` where the block starts, marker included") { LuaValue($0.first) },
            APIClassField("last", "integer", "1-based inclusive byte offset into `article.raw` where it ends: `raw:sub(b.first, b.last)`") { LuaValue($0.last) },
            APIClassField("marker", "string?", "the marker phrase, as written, that classified it") { LuaValue($0.marker) },
            APIClassField("rule", "string", "short id of the rule that decided the kind") { .string(LuaString(sharing: Substring($0.rule))) },
            APIClassField("duplicate_of", "integer?", "1-based index into `article.blocks` of the earlier block this one repeats") {
                $0.duplicateOf.map { LuaValue($0 + 1) } ?? .nil
            },
        ])
    }()

    nonisolated(unsafe) static let quote: APIClass<QuoteRecord> = {
        APIClass("Quote", doc: "Quoted speech (an element of `article.quotes`).", fields: [
            APIClassField("text", "string", "the words quoted") { LuaValue($0.quote.text) },
            APIClassField("first", "integer", "1-based inclusive byte offset into `article.text`") { LuaValue($0.quote.first) },
            APIClassField("last", "integer", "1-based inclusive byte offset into `article.text`: `article.text:sub(q.first, q.last) == q.text`") { LuaValue($0.quote.last) },
            APIClassField("speaker", "string?", "the speaker as written, when the text names one") { LuaValue($0.quote.speaker) },
            APIClassField("speaker_id", "string?", "the speaker resolved to an entity where the article allows (\"alisema Kim\" after \"Kim Jong Un\" gives `person/kim-jong-un`)") { LuaValue($0.speakerID) },
            APIClassField("speaker_name", "string?", "that entity's canonical name") { LuaValue($0.speakerName) },
        ])
    }()

    nonisolated(unsafe) static let mention: APIClass<EntityMention> = {
        APIClass("Mention", doc: "One mention of an entity, date or amount, from `article:entities()` and `article:mentions()`.", fields: [
            APIClassField("id", "string", "knowledge-base id (`person/vladimir-putin`); for entities outside it, `~kind/folded-name` (`~date/2024-06-19` for dates)") { LuaValue($0.id) },
            APIClassField("kind", "string", "`person`, `org`, `place`, `date`, `money`, `percent`, `quantity` (more come from extractors)") { LuaValue($0.kind) },
            APIClassField("name", "string", "canonical name (`Vladimir Putin`), or the name as written") { LuaValue($0.name) },
            APIClassField("text", "string", "the surface form as written") { LuaValue($0.text) },
            APIClassField("first", "integer?", "1-based byte offset into `article.text`: `article.text:sub(m.first, m.last) == m.text`; nil outside the text") { $0.first.map(LuaValue.init) ?? .nil },
            APIClassField("last", "integer?", "1-based inclusive byte offset of the mention's end in `article.text`") { $0.last.map(LuaValue.init) ?? .nil },
            APIClassField("section", "string", "`text`, or the block kind of a mention outside it (`title`, `heading`, `source`, `byline`, `caption`, `credit`, `related`)") { LuaValue($0.section) },
            APIClassField("raw_first", "integer?", "for mentions outside the text: 1-based byte offset into `article.raw`") { $0.rawFirst.map(LuaValue.init) ?? .nil },
            APIClassField("raw_last", "integer?", "for mentions outside the text: 1-based inclusive end in `article.raw`") { $0.rawLast.map(LuaValue.init) ?? .nil },
            APIClassField("block", "integer?", "index into `article.blocks` of the block holding it") { $0.block.map(LuaValue.init) ?? .nil },
            APIClassField("extractor", "string", "`kb`, `date`, or the rule or extractor that found it") { LuaValue($0.extractor) },
            APIClassField("score", "number", "confidence, 0 to 1 (short names and adjectives score lower)") { LuaValue($0.score) },
            APIClassField("linked", "boolean", "true when `id` is a knowledge-base id") { .boolean($0.isLinked) },
            APIClassField("link", "string", "the id that joins the spellings of one entity across scripts: `id` when it is a knowledge-base id; for a person outside it named by two or more words, the id of the name's cross-script key (`~person/@anrkrkS` for انور قرقاش and Anwar Gargash), else `id`") { LuaValue(NameLinks.shared.link(of: $0).id) },
            APIClassField("link_score", "number", "how far `link` can be trusted, 0 to 1: 1 when it is `id`; for a cross-script key, how often names of that key length were one person on the shared corpus") { LuaValue(NameLinks.shared.link(of: $0).score) },
            APIClassField("value", "string|number?", "dates: the ISO date; amounts: the number") { m in
                if let number = m.number { return LuaValue(number) }
                return LuaValue(m.value)
            },
            APIClassField("unit", "string?", "amounts: ISO 4217 currency, `percent`, or a unit word") { LuaValue($0.unit) },
            APIClassField("form", "string?", "`adjective` when the text names a country by its adjective (الروسي, Kirusi, Russian)") { LuaValue($0.form) },
            APIClassField("role", "string?", "for people found by a title or role: that title as written") { LuaValue($0.role) },
        ])
    }()

    nonisolated(unsafe) static let profile: APIClass<EntityProfile> = {
        APIClass("Profile", doc: "A knowledge-base profile, from `toolkit.kb.lookup`.", fields: [
            APIClassField("id", "string", "stable id (`person/vladimir-putin`)") { LuaValue($0.id) },
            APIClassField("kind", "string", "`person`, `org`, `place`...") { LuaValue($0.kind) },
            APIClassField("name", "string", "canonical name") { LuaValue($0.name) },
            APIClassField("variants", "{text: string, lang: string?, script: string, short: boolean, form: string?}[]", "every spelling, with its language and script; `short` names count only after the full name or next to a title") { p in
                .table(LuaTable(array: p.variants.map { v in
                    var t: LuaTable = ["text": LuaValue(v.text), "script": LuaValue(v.script), "short": .boolean(v.short)]
                    t["lang"] = LuaValue(v.lang)
                    t["form"] = LuaValue(v.form)
                    return .table(t)
                }))
            },
            APIClassField("attrs", "table<string, string>", "`country`, `role`, `office`, `wikidata`...") { p in
                var attrs = LuaTable(array: [])
                for (key, value) in p.attrs.sorted(by: { $0.key < $1.key }) { attrs[key] = LuaValue(value) }
                return .table(attrs)
            },
        ])
    }()
}

/// A quote with its speaker linked, or not: quotes that name no speaker need no entity work.
struct QuoteRecord {
    var quote: Quote
    var speakerID: String?
    var speakerName: String?

    init(_ quote: Quote) { self.quote = quote }

    init(_ attributed: AttributedQuote) {
        quote = attributed.quote
        speakerID = attributed.speakerID
        speakerName = attributed.speakerName
    }
}

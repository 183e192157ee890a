import LuaBridge
import NewsKit

/// The article's fields, declared once: `article.x` in Lua (`ArticleObject.luaClass`) and each
/// object of `toolkit parse --format json` (`ArticleJSON`) are made from this table, with the same
/// names, values and 1-based inclusive offsets.
enum ArticleFields {
    nonisolated(unsafe) static let declaration = APIClass<ArticleObject>(
        "Article",
        doc: """
            Read-only userdata; each field is computed on first access (lists are made once per \
            article), so a script that reads only `article.title` pays for nothing else. Reading a \
            field an article does not have is an error that lists the fields it has, so a typo never \
            passes as `nil`. `pairs(article)` lists the fields that have a value; `tostring(article)` names it.
            """,
        fields: [
            APIClassField("id", "string", "stable id: a hash of the text, or the `id` of a JSON Lines record") { LuaValue($0.unparsed.id) },
            APIClassField("path", "string", "file it came from (`file.jsonl:17` for a JSON Lines record, `-` for stdin)") { LuaValue($0.unparsed.path) },
            APIClassField("lang", "string", "ISO 639-1 language code (`und` when unknown)") { LuaValue($0.lang) },
            APIClassField("title", "string?", "the headline") { LuaValue($0.title) },
            APIClassField("lede", "string?", "the standfirst before the body") { $0.article.ledeSlice.map { .string(LuaString(sharing: $0)) } ?? .nil },
            APIClassField("date", "string?", "publication date, ISO 8601 (`2024-06-19`, `2024-06`, `--09-15` without a year)") { LuaValue($0.article.date) },
            APIClassField("date_precision", "string?", "`day`, `month`, `year` or `day-month`") { LuaValue($0.article.datePrecision) },
            APIClassField("source", "string?", "publisher named in the text (`به گزارش X،`, ` – DW – `, `بقلم: X`) or given by the record") { LuaValue($0.article.source) },
            APIClassField("original_source", "string?", "a further source credited at the end (`منبع: X`)") { LuaValue($0.article.originalSource) },
            APIClassField("url", "string?", "from the input record") { LuaValue($0.unparsed.url) },
            APIClassField("byline", "string?", "author line") { LuaValue($0.article.byline) },
            APIClassField("agencies", "string[]", "wire services credited", cached: true) { LuaValue($0.article.agencies) },
            APIClassField("paragraphs", "string[]", "body paragraphs, lede excluded", cached: true) { o in
                let paragraphs = o.article.paragraphSlices
                return .object(LuaList(count: paragraphs.count) { .string(LuaString(sharing: paragraphs[$0])) })
            },
            APIClassField("headings", "string[]", "sub-headings inside the body", cached: true) { LuaValue($0.article.headings) },
            APIClassField("related", "string[]", "\"read also\" headlines", cached: true) { LuaValue($0.article.related) },
            APIClassField("captions", "string[]", "photo captions", cached: true) { LuaValue($0.article.captions) },
            APIClassField("credits", "string[]", "photo credits", cached: true) { LuaValue($0.article.credits) },
            APIClassField("quotes", "Quote[]", "quoted speech, with speakers resolved where the article allows (see `Quote`)") { o in
                .table(LuaTable(array: try o.attributedQuotes().map(EntityRecords.quote.table)))
            },
            APIClassField("blocks", "Block[]", "every part of `raw`, typed (see `Block`)", cached: true) { o in
                // Made block by block as Lua receives them.
                let blocks = o.article.blocks
                return .object(LuaList(count: blocks.count) { try EntityRecords.block.table(blocks[$0]) })
            },
            APIClassField("text", "string", "lede and paragraphs separated by blank lines: what entity and quote offsets refer to") { .string(LuaString(sharing: $0.article.textSlice)) },
            APIClassField("raw", "string", "the input text as read") { o in
                // A long article's input held in pieces is handed over in pieces, not joined first.
                let article = o.article
                return .string(LuaString(count: article.rawByteCount, sharingPieces: { body in
                    article.forEachRawPart { part in
                        var part = part
                        part.withUTF8(body)
                    }
                }))
            },
            APIClassField("html", "string?", "the web page itself, for an article read from HTML or WARC (its `raw` is then the page's visible text)") { LuaValue($0.article.html) },
            APIClassField("meta", "table<string, string>", "other fields of a JSON Lines record, as strings", cached: true) { o in
                var table = LuaTable(array: [])
                for (key, value) in o.unparsed.meta.sorted(by: { $0.key < $1.key }) { table[key] = LuaValue(value) }
                return .table(table)
            },
        ],
        methods: [
            APIMethod(
                "entities",
                parameters: [.optional("filter", "string|table", "a kind (`\"person\"`) or a table combining `kind` (a kind or a list), `extractor`, `linked` (true: only knowledge-base entities), `min_score` and `section` (`\"text\"` for the lede and body, or a block kind such as `\"title\"`)")],
                returns: [APIResult("fun(): Mention?", "iterator", "the next mention, nil at the end")],
                doc: """
                    Iterates over the people, organisations, places, dates and amounts the toolkit found \
                    in the article, or those that pass the filter. Inside an extractor's `extract` it gives \
                    the built-in finds and those of the extractors registered before it.
                    """
            ) { o, call in
                let filter = try EntityFilter(call.value(2), extractors: o.entities.extractors.names)
                return [try o.iterator(call, filter.accepts)]
            },
            APIMethod(
                "mentions",
                parameters: [APIParameter("id", "string", "an entity id, like `person/vladimir-putin`")],
                returns: [APIResult("fun(): Mention?", "iterator", "the next mention, nil at the end")],
                doc: "Iterates over the mentions of one entity."
            ) { o, call in
                let id = try call.string(2)
                guard id.contains("/"), !id.contains(" ") else {
                    throw LuaScriptError("article:mentions: expected an entity id like \"person/vladimir-putin\" (from m.id or toolkit.kb.lookup), got \"\(id)\"")
                }
                return [try o.iterator(call) { $0.id == id }]
            },
        ],
        notes: """
            Block kinds: `title`, `lede`, `dateline`, `byline`, `source`, `heading`, `paragraph`, `caption`, \
            `credit`, `related`, `boilerplate`. Nothing of the input is dropped: navigation words, share \
            buttons, video notices and end markers are `boilerplate` blocks, and a line printed twice (a title or \
            caption) is a block whose `duplicate_of` names the first. `raw:sub(b.first, b.last)` is the block's \
            source span, marker included. `toolkit parse FILE` shows the same blocks for a person to read, and \
            `toolkit parse FILE --format json` prints these fields, with the same names and offsets, one object \
            per article.

            People, organisations and places are matched against the knowledge base of the installed plugins \
            (see `toolkit.kb`), on a folded skeleton of the text: case, diacritics, tatweel, Arabic \
            letter variants (أ/إ/آ, ي/ی/ى, ك/ک), ZWNJ and digits do not matter; Arabic proclitics (وبوتين, \
            بسمرقند, للأمم المتحدة) and Persian suffixes are handled; matches never start or end inside a word; \
            short or ambiguous names (Xi, شي, Kim) count only after the full name or next to a title. \
            So بوتين, پوتین and Putin are all `person/vladimir-putin`.
            """,
        examples: [
            """
            for article in toolkit.articles() do
              for _, block in ipairs(article.blocks) do
                if block.kind == "related" or block.kind == "credit" then
                  print(article.path, block.kind, block.marker or "", block.text)
                end
              end
              for _, q in ipairs(article.quotes) do print("quote", q.speaker or "?", q.speaker_id or "", q.text:sub(1, 40)) end
            end
            """,
            """
            for article in toolkit.articles() do
              local words = 0
              for _ in article.text:gmatch("%S+") do words = words + 1 end
              print(article.path, #article.paragraphs .. " paragraphs", words .. " words")
            end
            """,
            """
            for article in toolkit.articles() do
              for m in article:entities { kind = { "person", "org" }, linked = true } do
                assert(m.section ~= "text" or article.text:sub(m.first, m.last) == m.text)
                print(article.lang, m.kind, m.id, m.name, m.text)
              end
              for m in article:mentions("person/vladimir-putin") do print("Putin as", m.text) end
            end
            """,
        ])
}

import LuaBridge

/// The `toolkit` table's own functions and fields: the article loop, the version, the arguments.
enum ToolkitModule {
    static var module: APIModule {
        APIModule(
            "toolkit",
            functions: [articles],
            classes: [ArticleFields.declaration.reference, EntityRecords.block.reference, EntityRecords.quote.reference,
                      EntityRecords.mention.reference])
    }

    static var articles: APIFunction {
        APIFunction(
            "toolkit.articles",
            parameters: [
                .optional("filter", "table", "which articles to read (default: all)", options: [
                    APIParameter("lang", "string|string[]", "a language code, or a list of them (`\"ar\"`, `{\"fa\", \"ar\"}`)"),
                    APIParameter("since", "string", "the first day kept: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"),
                    APIParameter("until", "string", "the last day kept, as `since` (`until` is a Lua keyword: write `[\"until\"] = \"2024-06-30\"`)"),
                    APIParameter("source", "string|string[]", "a text the article's source contains (case ignored), or a list of them"),
                    APIParameter("where", "fun(article: Article): boolean", "called with each article the other keys keep; a false or nil result leaves it out"),
                ]),
            ],
            returns: [APIResult("fun(): Article?", "iterator", "the next article, nil at the end")],
            doc: """
                Returns an iterator over the corpus, in input order. Parsing runs ahead on all cores while \
                the script works. Every call is a full pass from the first article, so a script may read the \
                corpus twice; standard input can be read once, and a second pass over it is an error that \
                says so. Not available inside a report's callbacks.

                A filter table reads only some articles. `lang`, `since`, `until` and `source` are applied \
                in the stream before an article is annotated, and before it is parsed when its record gives \
                the field (JSON Lines `lang`, `date`, `source`), so the articles left out cost little. An \
                article dated less precisely than a bound is kept when its span overlaps (`2024-03` by \
                `since = "2024-03-15"`); one without a date of known year is left out by `since` and \
                `until`. `where` runs in the script on the articles the others keep; the articles it \
                keeps are annotated when their entities are first asked for. The command line's \
                `--lang`, `--since`, `--until` and `--source` filter every pass, reports' included. An \
                unknown key is an error listing the valid ones; a bound that is no date is an error.
                """,
            example: """
                for article in toolkit.articles() do
                  print(article.id, article.lang, article.title)
                end
                for article in toolkit.articles { lang = { "ar", "fa" }, since = "2024-01-01",
                                                  where = function(a) return #a.paragraphs > 3 end } do
                  print(article.date, article.title)
                end
                """
        ) { binding in
            { [weak api = binding.api] call in
                guard let api else { throw LuaScriptError("toolkit.articles: the run has ended") }
                let table = try binding.options(call, 1)
                let filter = try table.map { try ArticleFilterOptions(table: $0, call: call) }
                return [try api.articlesIterator(filter: filter?.filter, where: filter?.predicate)]
            }
        }
    }

    static var settings: APIModule {
        APIModule("toolkit", fields: [ArgsModule.field])
    }

    static var version: APIModule {
        APIModule("toolkit", fields: [
            APIField("toolkit.version", "string", doc: "The toolkit's version string (SemVer).",
                     example: "print(toolkit.version)") { _ in LuaValue(ToolkitVersion.current) },
        ])
    }
}

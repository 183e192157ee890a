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
            returns: [APIResult("fun(): Article?", "iterator", "the next article, nil at the end")],
            doc: """
                Returns an iterator over the corpus, in input order. Parsing runs ahead on all cores while \
                the script works. Every call is a full pass from the first article, so a script may read the \
                corpus twice; standard input can be read once, and a second pass over it is an error that \
                says so. Not available inside a report's callbacks.
                """,
            example: """
                for article in toolkit.articles() do
                  print(article.id, article.lang, article.title)
                end
                """
        ) { binding in
            { [weak api = binding.api] _ in
                guard let api else { throw LuaScriptError("toolkit.articles: the run has ended") }
                return [try api.articlesIterator()]
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

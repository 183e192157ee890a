import LuaBridge

/// `toolkit.extractor` and `toolkit.report`: what scripts and plugins register for the engine to
/// run (see ScriptExtractor and ScriptReport, which check the tables' keys).
enum RegistrationModule {
    static var module: APIModule {
        APIModule("toolkit", functions: [extractor, report])
    }

    static var extractor: APIFunction {
        APIFunction(
            "toolkit.extractor",
            parameters: [APIParameter("spec", "table", "`name` (unique), `kinds` (the kinds it emits), `languages` (optional: only articles in these), `extract = function(article, emit)`")],
            returns: [APIResult("string", "name", "the extractor's name")],
            doc: """
                Registers an extractor, at the top level of a script or plugin. When a script first asks \
                an article for its entities, `extract` runs on it and calls `emit{kind =, first =, last =, \
                score =, ...}` for each find (offsets are bytes of `article.text`); the finds are linked to \
                the knowledge base like the built-in ones and come out of `article:entities()` with \
                `extractor` set to the name. Each call of `extract` runs under a budget of its own.
                """,
            example: """
                toolkit.extractor { name = "percent", kinds = { "percent" },
                  extract = function(article, emit)
                    for _, m in ipairs(toolkit.re.spans(article.text, [[\\d+(?:[.,]\\d+)?\\s?%]])) do
                      emit { kind = "percent", first = m.first, last = m.last, score = 0.9 }
                    end
                  end }
                for article in toolkit.articles() do
                  for m in article:entities { extractor = "percent" } do print(article.path, m.text) end
                end
                """
        ) { binding in
            { [weak api = binding.api] call in
                guard let api else { throw LuaScriptError("toolkit.extractor: the run has ended") }
                return [try api.registerExtractor(call)]
            }
        }
    }

    static var report: APIFunction {
        APIFunction(
            "toolkit.report",
            parameters: [APIParameter("spec", "table", "`name`, `description`, `init()`, `article(state, article)`, `merge(a, b)` (optional), `finish(state, out)` (optional)")],
            doc: """
                Registers a report, run over the corpus once the script's own code has run: `init()` \
                makes an empty state, `article(state, article)` adds one article to it (returning a new \
                state or changing it in place), `merge(a, b)` combines the states of consecutive parts of \
                the corpus, and `finish(state, out)` writes the result (`out.csv` is `toolkit.write.csv`). \
                A report with `merge` runs on all cores (`--jobs`) and gives the same result as on one: \
                the corpus is cut into batches of consecutive articles, each with a fresh `init()` state, \
                merged in corpus order. The script's top-level code runs once; worker states get the \
                callbacks (with the upvalues, globals and `toolkit` functions they use) copied, not the \
                script run again. In callbacks, `toolkit.articles`, `toolkit.write.*` (write in `finish`, \
                through `out`) and `toolkit.kb.add` raise an error, `print` comes out in corpus order, and \
                the state must be plain data (tables, strings, numbers, booleans). A report without \
                `merge` runs on one state. `toolkit report NAME` runs a report a plugin registers. What \
                `finish` returns reaches a Swift program that embeds the toolkit (`RunSummary.reportResults`, \
                docs/embedding.md); the command line ignores it.
                """,
            example: """
                toolkit.report { name = "languages",
                  init = function() return {} end,
                  article = function(state, article) state[article.lang] = (state[article.lang] or 0) + 1 end,
                  merge = function(a, b) for k, n in pairs(b) do a[k] = (a[k] or 0) + n end return a end,
                  finish = function(state, out)
                    local rows = {}
                    for lang, n in pairs(state) do rows[#rows + 1] = { lang = lang, articles = n } end
                    out.csv("languages.csv", rows, { columns = { "lang", "articles" } })
                  end }
                """
        ) { binding in
            { [weak api = binding.api] call in
                guard let api else { throw LuaScriptError("toolkit.report: the run has ended") }
                try api.registerReport(call)
                return []
            }
        }
    }
}

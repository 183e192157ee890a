import Foundation
import LuaBridge

extension WriteModule {
    static var sqlite: APIFunction {
        APIFunction(
            "toolkit.write.sqlite",
            parameters: [APIParameter("name", "string", "relative path inside the output folder, like `\"corpus.db\"`"),
                         APIParameter("rows", "table[]", "records (`{id = 1, title = \"...\"}`) or lists with `options.columns`"),
                         .optional("options", "table", "`table`, `columns`, `types`, `primary_key`, `indexes`, `strict`", options: [
                             APIParameter("table", "string", "the table (default: the file's base name, `corpus` for `corpus.db`)"),
                             APIParameter("columns", "string[]", "the columns and their order; other keys are left out (default: the records' keys, sorted)"),
                             APIParameter("types", "table<string, string>", "column types: `integer`, `real`, `text` or `boolean` (default: the kind of the column's first non-nil value)"),
                             APIParameter("primary_key", "string|string[]", "the primary key's column or columns"),
                             APIParameter("indexes", "(string|string[])[]", "indexes to create after the rows: a column, or a list of columns for one index on several"),
                             APIParameter("strict", "boolean", "a value of another kind than its column's type is an error (default false: stored as SQLite converts it)"),
                         ])],
            returns: [APIResult("string", "path", "the database's path")],
            doc: """
                Writes rows into a table of a SQLite database, in one transaction, and returns the \
                database's path. The first table a run writes into a file replaces the file an earlier \
                run left (a rerun never duplicates rows); each further call of the same run on that file \
                adds its table to it, and a call on a table written earlier in the run appends its rows \
                (with the table's columns). Columns are `options.columns`, or else every key of every \
                record, sorted (a writer of `toolkit.write.open` takes the first row's keys, so that a \
                later row with another key is an error: give it `columns` when some rows lack a field). \
                Types come from `options.types` or from a column's first non-nil value: integer, real, \
                text, or boolean (stored as 0 and 1 in a BOOLEAN column); without `strict`, a value of \
                another kind is stored as SQLite's column affinity converts it. Table and column names \
                may be any text. Indexes, named `<table>_<columns>_idx`, are made after the rows. Each \
                call, and each writer of `toolkit.write.open`, is atomic: readers see the file with or \
                without its table, never half of it.
                """,
            example: """
                local articles, mentions = {}, {}
                for article in toolkit.articles() do
                  articles[#articles + 1] = { id = article.id, title = article.title, lang = article.lang, date = article.date }
                  for m in article:entities() do
                    mentions[#mentions + 1] = { article_id = article.id, entity = m.id, kind = m.kind, text = m.text }
                  end
                end
                toolkit.write.sqlite("corpus.db", articles,
                  { table = "articles", columns = { "id", "title", "lang", "date" }, types = { date = "text", title = "text" }, primary_key = "id" })
                print(toolkit.write.sqlite("corpus.db", mentions, { table = "mentions", indexes = { "article_id", { "kind", "entity" } } }))
                -- sqlite3 out/corpus.db "select a.title, count(*) from mentions m join articles a on a.id = m.article_id group by a.id"
                """
        ) { binding in
            let api = binding.api
            return { call in
                let (name, nameBytes) = try target(call)
                let rows = try call.table(2)
                let options = try binding.options(call, 3)
                guard rows.fields.isEmpty else {
                    throw failure(call, name, "rows must be a list (keys 1 to n); this table has named keys")
                }
                let writer: SQLiteWriter
                do {
                    var spec = try SQLiteTableSpec(options: options, name: name)
                    spec.keysOfAllRows = RowColumns.union(of: rows.array)
                    writer = try SQLiteWriter(file: try api.open(nameBytes), spec: spec, databases: api.sqliteDatabases)
                } catch let problem as OutputProblem {
                    throw failure(call, name, problem)
                }
                do {
                    for (i, row) in rows.array.enumerated() { try writer.add(row, number: i + 1) }
                    let url = try writer.finish()
                    // A file with several tables is one output of the run.
                    if !api.outputs.contains(url) { api.finished(url) }
                    return [LuaValue(url.path)]
                } catch let problem as OutputProblem {
                    writer.discard()
                    throw failure(call, name, problem)
                } catch {
                    writer.discard()
                    throw error
                }
            }
        }
    }
}

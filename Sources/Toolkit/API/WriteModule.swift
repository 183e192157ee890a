import Foundation
import LuaBridge

/// `toolkit.write`: files in the output folder, written whole or not at all.
enum WriteModule {
    static var module: APIModule {
        APIModule(
            "toolkit.write",
            doc: """
                Files go into the output folder (`--out`, default `./out`). A file is written to a \
                temporary file and renamed into place when it is complete, so no reader ever sees half \
                of it, and a run that fails or is interrupted leaves none behind. `name` must be a \
                relative path inside the output folder (`"tables/people.csv"` is fine, `"../x.csv"` is \
                refused). Each function returns the path it wrote. The same functions are the `out` \
                table a report's `finish(state, out)` receives.

                Table writers take rows: lists (`{"Putin", 3}`) or records (`{name = "Putin", count = 3}`), \
                all of one shape. A bad row is one error naming the writer, the row and the field \
                (`toolkit.write.csv("people.csv"): row 3, field 'count': a table cannot be written here`). \
                For an export too large to hold, `toolkit.write.open` streams rows one at a time.
                """,
            functions: [csv, json, jsonl, markdown, sqlite, gexf, graphml, html, open],
            classes: [WriterObject.declaration.reference])
    }

    static let rowsParameter = APIParameter("rows", "table[]", "lists (`{\"Putin\", 3}`) or records (`{name = \"Putin\", count = 3}`)")
    static let columnsOption = APIParameter("columns", "string[]", "the columns and their order (default: the records' keys, sorted)")

    static var csv: APIFunction {
        APIFunction(
            "toolkit.write.csv",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"), rowsParameter,
                         .optional("options", "table", "`columns`, `bom`", options: [
                             columnsOption,
                             APIParameter("bom", "boolean", "start with a UTF-8 byte order mark, so that Excel reads Arabic and Persian text right"),
                         ])],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes RFC 4180 CSV (UTF-8, CRLF line ends, quoting where needed). Records give a header \
                row: `options.columns`, or else every key of every record, sorted. Cells are strings, \
                numbers, booleans or nil (an empty cell).
                """,
            example: """
                local rows = {}
                for article in toolkit.articles() do
                  rows[#rows + 1] = { file = article.path, paragraphs = #article.paragraphs }
                end
                print(toolkit.write.csv("sizes.csv", rows, { columns = { "file", "paragraphs" }, bom = true }))
                """
        ) { binding in
            { call in try writeTable(binding, call, format: .csv) }
        }
    }

    static var json: APIFunction {
        APIFunction(
            "toolkit.write.json",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         APIParameter("value", "any", "a table (or any value `toolkit.json.encode` takes)"),
                         .optional("options", "table", "`pretty`, `sort_keys`", options: [
                             APIParameter("pretty", "boolean", "indent with two spaces"),
                             APIParameter("sort_keys", "boolean", "object keys in byte order"),
                         ])],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes one JSON document, as `toolkit.json.encode` makes it (an empty table is `{}` here), \
                ending with a newline. A value JSON cannot hold is an error naming its key path.
                """,
            example: """
                local counts = {}
                for article in toolkit.articles() do
                  counts[article.lang] = (counts[article.lang] or 0) + 1
                end
                print(toolkit.write.json("languages.json", { articles = counts }, { pretty = true }))
                """
        ) { binding in
            { call in
                let (name, nameBytes) = try target(call)
                let value = try call.value(2)
                let options = try binding.options(call, 3)
                var encoder = LuaJSONEncoder()
                encoder.pretty = try call.flag(options, "pretty")
                encoder.sortKeys = try call.flag(options, "sort_keys")
                encoder.emptyAsObject = true
                do {
                    var bytes = try encoder.encode(value)
                    bytes.append(0x0A)
                    try call.reserve(bytes.count)
                    return [LuaValue(try binding.api.write(Data(bytes), toName: nameBytes).path)]
                } catch let problem as LuaJSONEncoder.Problem {
                    throw failure(call, name, problem.message)
                }
            }
        }
    }

    static var jsonl: APIFunction {
        APIFunction(
            "toolkit.write.jsonl",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         APIParameter("rows", "table[]", "the values, one per line (records, lists or scalars)"),
                         .optional("options", "table", "`sort_keys`", options: [
                             APIParameter("sort_keys", "boolean", "object keys in byte order"),
                         ])],
            returns: [APIResult("string", "path", "the path written")],
            doc: "Writes JSON Lines: each value as compact JSON on a line of its own (pandas' `read_json(lines=True)`, jq, Spark).",
            example: """
                local rows = {}
                for article in toolkit.articles() do
                  rows[#rows + 1] = { id = article.id, lang = article.lang, title = article.title }
                end
                print(toolkit.write.jsonl("titles.jsonl", rows))
                """
        ) { binding in
            { call in try writeTable(binding, call, format: .jsonl) }
        }
    }

    static var markdown: APIFunction {
        APIFunction(
            "toolkit.write.markdown",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"), rowsParameter,
                         .optional("options", "table", "`columns`", options: [columnsOption])],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes a Markdown table (GitHub-flavoured): a header of the columns, numbers aligned right, \
                `|` escaped and line breaks as `<br>` inside cells. List rows need `options.columns` for the header.
                """,
            example: """
                local rows = {}
                for article in toolkit.articles() do
                  rows[#rows + 1] = { title = article.title or "", lang = article.lang, paragraphs = #article.paragraphs }
                end
                print(toolkit.write.markdown("articles.md", rows, { columns = { "title", "lang", "paragraphs" } }))
                """
        ) { binding in
            { call in try writeTable(binding, call, format: .markdown) }
        }
    }

    static var open: APIFunction {
        APIFunction(
            "toolkit.write.open",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         .optional("options", "table", "`format` and the options of that format's writer", options: openOptions)],
            returns: [APIResult("Writer", "writer", "add rows with `writer:add(row)`, end with `writer:close()`")],
            doc: """
                Opens a file to write row by row, so that an export of the whole corpus never holds its \
                rows in memory. The format is `options.format` or the name's extension \
                (\(OutputFormat.extensions.keys.sorted().map { "`.\($0)`" }.joined(separator: ", "))); \
                the other options are those of that format's writer. The file appears when `close()` is \
                called; a writer still open when the script ends is closed then (with a note on stderr), \
                and one open when the script fails is removed.
                """,
            example: """
                local out = toolkit.write.open("mentions.jsonl")
                for article in toolkit.articles() do
                  for m in article:entities("person") do
                    out:add({ article = article.id, id = m.id, name = m.name })
                  end
                end
                print(out:close())
                """
        ) { binding in
            { call in
                let (name, nameBytes) = try target(call)
                let options = try binding.options(call, 2)
                let format: OutputFormat
                if let given = try call.text(options, "format") {
                    guard let named = OutputFormat(rawValue: given) else {
                        throw failure(call, name, "unknown format '\(given)' (formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    format = named
                } else {
                    guard let named = OutputFormat.of(name: name) else {
                        throw failure(call, name, "the name's extension names no format; give options.format (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    format = named
                }
                let accepted = Set(declaration(of: format).parameters.last!.options.map(\.name))
                for (key, _) in options?.fields ?? [] {
                    guard let key = key.stringValue, key != "format" else { continue }
                    if !accepted.contains(key) {
                        throw failure(call, name, "option '\(key)' is not one of the \(format.rawValue) writer's (\(accepted.sorted().joined(separator: ", ")))")
                    }
                }
                do {
                    let writer = try WriterObject(api: binding.api, name: name, format: format) { file in
                        try makeWriter(format, file: file, options: options, call: call, databases: binding.api.sqliteDatabases)
                    } open: {
                        try binding.api.open(nameBytes)
                    }
                    return [.object(writer)]
                } catch let problem as OutputProblem {
                    throw failure(call, name, problem)
                }
            }
        }
    }

    /// `format` and every option of the streaming formats, each declared once by its writer.
    static var openOptions: [APIParameter] {
        var seen = Set<String>()
        var options = [APIParameter("format", "string", "\(OutputFormat.allCases.map { "`\"\($0.rawValue)\"`" }.joined(separator: ", ")) (default: from the extension)")]
        for format in OutputFormat.allCases {
            for option in declaration(of: format).parameters.last!.options where seen.insert(option.name).inserted {
                var option = option
                option.doc = "(\(OutputFormat.allCases.filter { declaration(of: $0).parameters.last!.options.contains { $0.name == option.name } }.map(\.rawValue).joined(separator: ", "))) " + option.doc
                options.append(option)
            }
        }
        return options
    }

    /// The whole-table function that declares a format's options.
    static func declaration(of format: OutputFormat) -> APIFunction {
        switch format {
        case .csv: return csv
        case .json: return json
        case .jsonl: return jsonl
        case .markdown: return markdown
        case .sqlite: return sqlite
        }
    }

    /// `toolkit.write.csv("people.csv"): row 3, field 'count': ...`; Lua puts the script line in front.
    static func failure(_ call: LuaCall, _ name: String, _ problem: some CustomStringConvertible) -> LuaScriptError {
        LuaScriptError("\(call.function)(\"\(name)\"): \(problem)")
    }

    /// The name argument, as text for messages and as the bytes the output folder checks.
    static func target(_ call: LuaCall) throws -> (String, [UInt8]) {
        let bytes = try call.bytes(1)
        return (String(decoding: bytes, as: UTF8.self), bytes)
    }

    static func makeWriter(_ format: OutputFormat, file: OutputFile, options: LuaTable?, call: LuaCall,
                           databases: SQLiteDatabases) throws -> RowWriter {
        switch format {
        case .csv: return try CSVWriter(file: file, columns: try columns(options, call), byteOrderMark: try call.flag(options, "bom"))
        case .json: return JSONArrayWriter(file: file, pretty: try call.flag(options, "pretty"), sortKeys: try call.flag(options, "sort_keys"))
        case .jsonl: return JSONLinesWriter(file: file, sortKeys: try call.flag(options, "sort_keys"))
        case .markdown: return MarkdownWriter(file: file, columns: try columns(options, call))
        case .sqlite:
            let name = String(decoding: try call.bytes(1), as: UTF8.self)
            return try SQLiteWriter(file: file, spec: try SQLiteTableSpec(options: options, name: name), databases: databases)
        }
    }

    static func columns(_ options: LuaTable?, _ call: LuaCall) throws -> [String]? {
        guard let spec = options?["columns"], !spec.isNil else { return nil }
        guard case .table(let list) = spec, list.fields.isEmpty, !list.array.isEmpty,
            list.array.allSatisfy({ $0.stringValue != nil })
        else {
            throw call.failure("option 'columns' must be a list of column names (strings)")
        }
        let names = list.array.compactMap(\.stringValue)
        if let twice = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw call.failure("option 'columns' names '\(twice)' twice")
        }
        return names
    }

    /// A whole table through the format's streaming writer, so both paths write the same bytes.
    static func writeTable(_ binding: APIBinding, _ call: LuaCall, format: OutputFormat) throws -> [LuaValue] {
        let (name, nameBytes) = try target(call)
        let rows = try call.table(2)
        let options = try binding.options(call, 3)
        guard rows.fields.isEmpty else {
            throw failure(call, name, "rows must be a list (keys 1 to n); this table has named keys")
        }
        var effective = options ?? LuaTable(array: [])
        if format != .jsonl, effective["columns"].isNil, let union = RowColumns.union(of: rows.array) {
            effective["columns"] = .table(LuaTable(array: union.map { LuaValue($0) }))
        }
        // The encoded file is about as large as the rows' copy, which is charged already.
        try call.reserve(call.state.heldBytes)
        let file = try binding.api.open(nameBytes)
        let writer: RowWriter
        do {
            writer = try makeWriter(format, file: file, options: effective, call: call, databases: binding.api.sqliteDatabases)
        } catch let problem as OutputProblem {
            file.discard()
            throw failure(call, name, problem)
        } catch {
            file.discard()
            throw error
        }
        do {
            for (i, row) in rows.array.enumerated() { try writer.add(row, number: i + 1) }
            return [LuaValue(try binding.api.finished(writer.finish()).path)]
        } catch let problem as OutputProblem {
            writer.discard()
            throw failure(call, name, problem)
        } catch {
            writer.discard()
            throw error
        }
    }
}

import Foundation
import LuaBridge

/// `toolkit.write`: files in the output folder, written whole or not at all.
enum WriteModule {
    static var module: APIModule {
        APIModule(
            "toolkit.write",
            doc: """
                Files go into the output folder (`--out`, default `./out`). A file is written to a \
                temporary file and renamed into place, so no reader ever sees half of it. `name` must \
                be a relative path inside the output folder (`"tables/people.csv"` is fine, \
                `"../x.csv"` is refused).
                """,
            functions: [csv])
    }

    static var csv: APIFunction {
        APIFunction(
            "toolkit.write.csv",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         APIParameter("rows", "table[]", "lists (`{\"Putin\", 3}`) or records (`{name = \"Putin\", count = 3}`)"),
                         .optional("options", "table", "`columns`", options: [
                             APIParameter("columns", "string[]", "for records: the columns and their order (default: all keys, sorted)"),
                         ])],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes RFC 4180 CSV (CRLF line ends, quoting where needed) and returns the path written. \
                Rows are lists or records; for records, `options.columns` fixes the columns and their \
                order, without it the columns are all keys, sorted. Cells are strings, numbers, booleans or nil.
                """,
            example: """
                local rows = {}
                for article in toolkit.articles() do
                  rows[#rows + 1] = { file = article.path, paragraphs = #article.paragraphs }
                end
                print(toolkit.write.csv("sizes.csv", rows, { columns = { "file", "paragraphs" } }))
                """
        ) { binding in
            let api = binding.api
            return { call in
                let nameBytes = try call.bytes(1)
                let name = String(decoding: nameBytes, as: UTF8.self)
                let rows = try call.table(2)
                let options = try binding.options(call, 3)
                var columns: [String]?
                if let spec = options?["columns"], !spec.isNil {
                    guard case .table(let list) = spec, list.array.allSatisfy({ $0.stringValue != nil }) else {
                        throw call.failure("columns must be a list of strings")
                    }
                    columns = list.array.compactMap(\.stringValue)
                }
                let bytes: [UInt8]
                do {
                    // The encoded file is about as large as the rows' copy, which is charged already.
                    try call.reserve(call.state.heldBytes)
                    bytes = try CSVEncoder.encode(rows: rows, columns: columns)
                } catch let problem as CSVEncoder.Problem {
                    throw LuaScriptError("\(call.function)(\"\(name)\"): \(problem.description)")
                }
                return [LuaValue(try api.write(Data(bytes), toName: nameBytes).path)]
            }
        }
    }
}

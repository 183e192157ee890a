import Foundation
import LuaBridge

/// A file opened by `toolkit.write.open`, as scripts hold it: rows go to its writer one at a time;
/// `close()` puts the file in place. Its buffer is charged to the script's memory while it is open.
final class WriterObject {
    let name: String
    let format: OutputFormat
    private var writer: RowWriter?
    private(set) var rows = 0
    private(set) var path: String?
    private weak var api: ToolkitAPI?
    /// What an open writer holds: the file's buffer and the writer's own state (SQLite's page cache).
    let keptBytes: Int

    init(api: ToolkitAPI, name: String, format: OutputFormat, make: (OutputFile) throws -> RowWriter,
         open: () throws -> OutputFile) throws
    {
        self.api = api
        self.name = name
        self.format = format
        keptBytes = OutputFile.bufferSize + 16 * 1024 + (format == .sqlite ? SQLiteWriter.cacheBytes : 0)
        do {
            try api.state.keep(keptBytes)
        } catch let error as LuaError {
            throw LuaScriptError("toolkit.write.open(\"\(name)\"): \(error.message)")
        }
        do {
            let file = try open()
            do {
                writer = try make(file)
            } catch {
                file.discard()
                throw error
            }
        } catch {
            api.state.giveBack(keptBytes)
            throw error
        }
        api.opened(self)
    }

    deinit { discard() }

    var isOpen: Bool { writer != nil }

    func add(_ row: LuaValue, call: LuaCall) throws {
        guard let writer else {
            throw LuaScriptError("writer:add(\"\(name)\"): the writer is closed (\(path.map { "written to \($0)" } ?? "discarded"))")
        }
        do {
            try writer.add(row, number: rows + 1)
            rows += 1
        } catch let problem as OutputProblem {
            throw LuaScriptError("writer:add(\"\(name)\"): \(problem)")
        }
    }

    /// Ends the file and puts it in place.
    func close() throws -> URL {
        guard let writer else {
            throw LuaScriptError("writer:close(\"\(name)\"): the writer is closed already\(path.map { " (written to \($0))" } ?? "")")
        }
        self.writer = nil
        api?.state.giveBack(keptBytes)
        api?.closed(self)
        let url = try writer.finish()
        path = url.path
        api?.finished(url)
        return url
    }

    /// Gives up the file: nothing of it stays.
    func discard() {
        guard let writer else { return }
        self.writer = nil
        writer.discard()
        api?.state.giveBack(keptBytes)
        api?.closed(self)
    }

    nonisolated(unsafe) static let declaration = APIClass<WriterObject>(
        "Writer",
        doc: """
            A file being written row by row, from `toolkit.write.open`. Rows are checked as they come: \
            a bad row is an error naming it and writes nothing, and the writer stays open.
            """,
        fields: [
            APIClassField("name", "string", "the name it was opened with") { LuaValue($0.name) },
            APIClassField("format", "string", "`csv`, `json`, `jsonl`, `markdown`, ...") { LuaValue($0.format.rawValue) },
            APIClassField("rows", "integer", "rows added so far") { LuaValue($0.rows) },
            APIClassField("path", "string?", "the file written, once closed") { LuaValue($0.path) },
        ],
        methods: [
            APIMethod("add", parameters: [APIParameter("row", "table", "a row as the format's writer takes it")],
                      doc: "Adds one row.") { writer, call in
                try writer.add(try call.value(2), call: call)
                return []
            },
            APIMethod("close", returns: [APIResult("string", "path", "the path written")],
                      doc: "Ends the file and puts it in place; returns its path.") { writer, _ in
                [LuaValue(try writer.close().path)]
            },
        ])

    static var luaClass: LuaClass<WriterObject> {
        var cls = LuaClass<WriterObject>("Writer")
        for field in declaration.fields { cls.field(field.name, field.get) }
        for method in declaration.methods { cls.method(method.name, method.body) }
        cls.description { "Writer \($0.name) (\($0.format.rawValue), \($0.rows) rows\($0.isOpen ? "" : ", closed"))" }
        return cls
    }
}

import Foundation
import LuaBridge
import XCTest
@testable import Toolkit

/// The sqlite writer: types inferred and given, several tables per file, appending within a run,
/// replacing across runs, indexes, any names, every error, and the files read by the `sqlite3` client.
final class SQLiteWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: helpers

    private func record(_ pairs: KeyValuePairs<String, LuaValue>) -> LuaValue {
        .table(LuaTable(fields: pairs.map { (key: LuaValue($0.key), value: $0.value) }))
    }

    private func options(_ pairs: KeyValuePairs<String, LuaValue>) -> LuaTable {
        LuaTable(fields: pairs.map { (key: LuaValue($0.key), value: $0.value) })
    }

    private func writer(_ name: String = "corpus.db", _ options: LuaTable? = nil, run: SQLiteDatabases) throws -> SQLiteWriter {
        let spec = try SQLiteTableSpec(options: options, name: name)
        return try SQLiteWriter(file: try OutputFolder(url: folder).open(Array(name.utf8)), spec: spec, databases: run)
    }

    /// Writes the rows as `toolkit.write.sqlite` does: all or nothing.
    @discardableResult
    private func write(_ rows: [LuaValue], _ name: String = "corpus.db", _ options: LuaTable? = nil, run: SQLiteDatabases) throws -> URL {
        let writer = try writer(name, options, run: run)
        do {
            for (i, row) in rows.enumerated() { try writer.add(row, number: i + 1) }
            return try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// The problem a write fails with, as text.
    private func problem(_ rows: [LuaValue], _ name: String = "corpus.db", _ options: LuaTable? = nil, run: SQLiteDatabases = SQLiteDatabases(),
                         file: StaticString = #filePath, line: UInt = #line) -> String
    {
        do {
            try write(rows, name, options, run: run)
            XCTFail("the write succeeded", file: file, line: line)
            return ""
        } catch let problem as OutputProblem {
            return problem.description
        } catch {
            XCTFail("not an OutputProblem: \(error)", file: file, line: line)
            return ""
        }
    }

    /// The first column of the query's rows, read through SQLite's C API.
    private func query(_ sql: String, _ name: String = "corpus.db") throws -> [String] {
        let connection = try SQLiteConnection(path: folder.appendingPathComponent(name).path, create: false)
        defer { connection.close() }
        return try connection.strings(sql)
    }

    private func one(_ sql: String, _ name: String = "corpus.db") throws -> String {
        try query(sql, name).joined(separator: "\n")
    }

    /// What the folder holds besides the outputs: no temporary file, no journal may stay.
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") || $0.hasSuffix("-journal") }
    }

    // MARK: types

    func testTypesAreInferredFromTheFirstValueAndGivenByOptions() throws {
        let run = SQLiteDatabases()
        try write([record(["id": 1, "title": "بوتين", "score": 0.5, "ok": true]),
                   record(["id": 2, "title": "Xi", "score": 3, "ok": false])], run: run)
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master WHERE name = 'corpus'"),
                       #"CREATE TABLE "corpus" ("id" INTEGER, "ok" BOOLEAN, "score" REAL, "title" TEXT)"#, "the file's base name is the table")
        XCTAssertEqual(try query("SELECT id || '|' || typeof(id) || '|' || ok || '|' || score || '|' || typeof(score) || '|' || title FROM corpus ORDER BY id"),
                       ["1|integer|1|0.5|real|بوتين", "2|integer|0|3.0|real|Xi"], "booleans are 0 and 1; an integer in a real column is real")

        try write([record(["id": 7, "when": "2024-06-19"])], "given.db",
                  options(["table": "t", "types": .table(["id": "text", "when": "text"])]), run: run)
        XCTAssertEqual(try one("SELECT typeof(id) || ' ' || id FROM t", "given.db"), "text 7")

        // A list's columns come from options.columns; a column nil in the first rows takes the type of
        // its first value.
        try write([.table([1]), .table([2, "x"]), .table([3, "y", 1.5])], "lists.db",
                  options(["columns": ["n", "label", "w"]]), run: run)
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master", "lists.db"), #"CREATE TABLE "lists" ("n" INTEGER, "label" TEXT, "w" REAL)"#)
        XCTAssertEqual(try query("SELECT n || ':' || coalesce(label, 'NULL') FROM lists", "lists.db"), ["1:NULL", "2:x", "3:y"])
        XCTAssertEqual(try leftovers(), [])
    }

    func testAColumnWithNoValueInTheFirstThousandRowsHasNoTypeAndKeepsValuesAsGiven() throws {
        var rows: [LuaValue] = (1...SQLiteWriter.inferenceRows).map { .table(LuaTable(array: [LuaValue($0)])) }
        rows.append(.table(LuaTable(array: [1001, "late"])))
        rows.append(.table(LuaTable(array: [1002, 5])))
        try write(rows, "late.db", options(["columns": ["n", "late"]]), run: SQLiteDatabases())
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master", "late.db"), #"CREATE TABLE "late" ("n" INTEGER, "late")"#)
        XCTAssertEqual(try query("SELECT typeof(late) FROM late WHERE late IS NOT NULL", "late.db"), ["text", "integer"])
        XCTAssertEqual(try one("SELECT count(*) FROM late", "late.db"), "1002")
    }

    func testWithoutStrictOtherKindsAreStoredAsSQLiteConvertsThemAndWithStrictTheyAreErrors() throws {
        let rows = [record(["n": 1]), record(["n": "12"]), record(["n": "twelve"]), record(["n": 4.0])]
        try write(rows, "loose.db", run: SQLiteDatabases())
        XCTAssertEqual(try query("SELECT typeof(n) || ' ' || n FROM loose", "loose.db"),
                       ["integer 1", "integer 12", "text twelve", "integer 4"])
        XCTAssertEqual(problem(rows, "strict.db", options(["strict": true])),
                       "row 2, field 'n': a string in a column of type integer (strict = true)")
        // Whole floats go into integer columns and integers into real ones, even when strict.
        try write([record(["n": 1, "x": 0.5]), record(["n": 2.0, "x": 3])], "whole.db", options(["strict": true]), run: SQLiteDatabases())
        XCTAssertEqual(try query("SELECT n || ' ' || x FROM whole", "whole.db"), ["1 0.5", "2 3.0"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict.db").path), "a failed write leaves no file")
        XCTAssertEqual(try leftovers(), [])
    }

    // MARK: tables and runs

    func testSeveralTablesGoIntoOneFileAndATableWrittenAgainIsAppendedTo() throws {
        let run = SQLiteDatabases()
        try write([record(["id": "a1", "title": "One"]), record(["id": "a2", "title": "Two"])], "corpus.db",
                  options(["table": "articles", "primary_key": "id"]), run: run)
        let first = FileIdentity.of(folder.appendingPathComponent("corpus.db").path)
        try write([record(["article_id": "a1", "name": "Putin"]), record(["article_id": "a2", "name": "Xi"])], "corpus.db",
                  options(["table": "mentions", "indexes": ["article_id"]]), run: run)
        // The same table again: its columns are taken, a row may leave some out.
        try write([record(["article_id": "a2"])], "corpus.db", options(["table": "Mentions"]), run: run)
        XCTAssertEqual(FileIdentity.of(folder.appendingPathComponent("corpus.db").path), first, "later tables go into the file the run wrote")
        XCTAssertEqual(try query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), ["articles", "mentions"])
        XCTAssertEqual(try query("SELECT a.title || ':' || coalesce(m.name, '-') FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.rowid"),
                       ["One:Putin", "Two:Xi", "Two:-"])
        XCTAssertEqual(try leftovers(), [])

        // Appending with other columns, key or types is refused, naming what the table has.
        XCTAssertEqual(problem([record(["x": 1])], "corpus.db", options(["table": "mentions", "columns": ["x"]]), run: run),
                       "option 'columns': table 'mentions' was written earlier in this run, and rows are appended to it with its columns (article_id, name), not x; name another table for other columns")
        XCTAssertEqual(problem([record(["article_id": "a3", "kind": "person"])], "corpus.db", options(["table": "mentions"]), run: run),
                       "row 1, field 'kind': not a column of table 'mentions' (columns: article_id, name); table 'mentions' has these columns since an earlier call of this run wrote it")
        XCTAssertEqual(problem([record(["id": "a3"])], "corpus.db", options(["table": "articles", "types": .table(["id": "integer"])]), run: run),
                       "option 'types': table 'articles' was written earlier in this run, and rows are appended to it; column 'id' is text, not integer")
        XCTAssertEqual(problem([record(["id": "a1", "title": "again"])], "corpus.db", options(["table": "articles"]), run: run),
                       "these rows cannot join those table 'articles' has from an earlier call of this run: SQLite: UNIQUE constraint failed: articles.id")
        XCTAssertEqual(try one("SELECT count(*) FROM mentions"), "3", "a failed append leaves the table as it was")
        XCTAssertEqual(try one("SELECT count(*) FROM articles"), "2")
        XCTAssertEqual(try leftovers(), [])
    }

    func testAFileFromAnEarlierRunIsReplacedNotAppendedTo() throws {
        for _ in 1...2 {
            let run = SQLiteDatabases()
            try write([record(["n": 1]), record(["n": 2])], "corpus.db", options(["table": "numbers"]), run: run)
            XCTAssertEqual(try one("SELECT count(*) FROM numbers"), "2", "a rerun does not duplicate rows")
        }
        try write([record(["n": 1])], "corpus.db", options(["table": "other"]), run: SQLiteDatabases())
        XCTAssertEqual(try query("SELECT name FROM sqlite_master"), ["other"], "a new run's first table replaces the file")
    }

    func testWritersOpenAtOnceOnOneFileEachAddTheirTable() throws {
        let run = SQLiteDatabases()
        let articles = try writer("corpus.db", options(["table": "articles"]), run: run)
        let mentions = try writer("corpus.db", options(["table": "mentions", "indexes": [.table(["article_id", "name"])]]), run: run)
        var mention = 0
        for id in 1...300 {
            try articles.add(record(["id": LuaValue(id), "title": LuaValue("article \(id)")]), number: id)
            for name in ["Putin", "Xi", "ساز"] {
                mention += 1
                try mentions.add(record(["article_id": LuaValue(id), "name": LuaValue(name)]), number: mention)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("corpus.db").path), "nothing in place before a writer closes")
        _ = try mentions.finish()
        _ = try articles.finish()
        XCTAssertEqual(try one("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"), "900")
        XCTAssertEqual(try query("SELECT name FROM sqlite_master WHERE type = 'index'"), ["mentions_article_id_name_idx"])
        XCTAssertEqual(try leftovers(), [])
    }

    func testARefusedRowIsLeftOutAndTheWriterGoesOn() throws {
        // toolkit.write.open keeps a writer open after a bad row: the row is not written, the rest are.
        let writer = try writer("corpus.db", options(["columns": ["id", "n"], "primary_key": "id", "strict": true]), run: SQLiteDatabases())
        try writer.add(record(["id": 1]), number: 1)
        XCTAssertThrowsError(try writer.add(record(["id": 2, "n": .table([])]), number: 2))
        try writer.add(record(["id": 3, "n": 1.5]), number: 3)
        XCTAssertThrowsError(try writer.add(record(["id": 4, "n": "x"]), number: 4), "strict, and n is real since row 3")
        try writer.add(record(["id": 5, "n": 2]), number: 5)
        _ = try writer.finish()
        XCTAssertEqual(try query("SELECT id || ':' || coalesce(n, '-') FROM corpus ORDER BY id"), ["1:-", "3:1.5", "5:2.0"])
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master"), #"CREATE TABLE "corpus" ("id" INTEGER, "n" REAL, PRIMARY KEY ("id"))"#)
    }

    func testAFailedLaterTableLeavesTheFileAsItWas() throws {
        let run = SQLiteDatabases()
        try write([record(["n": 1])], "corpus.db", options(["table": "kept"]), run: run)
        XCTAssertEqual(problem([record(["n": 1]), record(["n": .table([])])], "corpus.db", options(["table": "lost"]), run: run),
                       "row 2, field 'n': a table cannot be written here; cells are strings, numbers, booleans or nil")
        XCTAssertEqual(try query("SELECT name FROM sqlite_master"), ["kept"])
        XCTAssertEqual(try leftovers(), [])
    }

    func testAFileReplacedSinceTheRunWroteItIsNotWrittenInto() throws {
        let run = SQLiteDatabases()
        try write([record(["n": 1])], "corpus.db", options(["table": "a"]), run: run)
        let path = folder.appendingPathComponent("corpus.db").path
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/passwd")
        XCTAssertTrue(problem([record(["n": 1])], "corpus.db", options(["table": "b"]), run: run)
            .hasPrefix("the database this run wrote at \(path) was replaced or removed since"))

        // A journal planted as a link is not written through.
        let run2 = SQLiteDatabases()
        try FileManager.default.removeItem(atPath: path)
        try write([record(["n": 1])], "corpus.db", options(["table": "a"]), run: run2)
        let outside = folder.appendingPathComponent("outside").path
        try FileManager.default.createSymbolicLink(atPath: path + "-journal", withDestinationPath: outside)
        XCTAssertEqual(problem([record(["n": 1])], "corpus.db", options(["table": "b"]), run: run2),
                       "\(path)-journal is in the way (a link or a folder); outputs are never written through links")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside))
        try FileManager.default.removeItem(atPath: path + "-journal")
        XCTAssertEqual(try leftovers(), [])
    }

    // MARK: indexes and names

    func testIndexesAreCreatedWithDerivedNames() throws {
        let run = SQLiteDatabases()
        let rows = (1...50).map { record(["article_id": LuaValue($0 % 7), "kind": "person", "name": LuaValue("n\($0)")]) }
        try write(rows, "corpus.db", options(["table": "mentions", "indexes": ["article_id", .table(["name", "kind"])]]), run: run)
        try write(rows, "corpus.db", options(["table": "again", "indexes": ["kind"]]), run: run)
        XCTAssertEqual(try query("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"),
                       ["again_kind_idx", "mentions_article_id_idx", "mentions_name_kind_idx"])
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master WHERE name = 'mentions_name_kind_idx'"),
                       #"CREATE INDEX "mentions_name_kind_idx" ON "mentions" ("name", "kind")"#)
        XCTAssertTrue(try one("EXPLAIN QUERY PLAN SELECT * FROM mentions WHERE article_id = 3").isEmpty == false)
    }

    func testAnyTextIsANameAndNeverSQL() throws {
        let run = SQLiteDatabases()
        try write([record(["id": 1])], "corpus.db", options(["table": "articles"]), run: run)
        let attack = #"x"; DROP TABLE articles; --"#
        let columns: [String] = [#"""#, "名前", "a b", "select", #"y" TEXT); DROP TABLE articles; --"#, "الاسم"]
        let row = LuaValue.table(LuaTable(array: columns.enumerated().map { LuaValue("v\($0.offset) \($0.element)") }))
        try write([row], "corpus.db", options(["table": LuaValue(attack), "columns": LuaValue(columns),
                                               "indexes": [LuaValue(columns[0]), LuaValue(columns[4])]]), run: run)
        XCTAssertEqual(try query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), ["articles", attack])
        XCTAssertEqual(try query(#"SELECT name FROM pragma_table_info('x"; DROP TABLE articles; --')"#), columns)
        XCTAssertEqual(try one(#"SELECT "名前" || "a b" || "الاسم" FROM "x""; DROP TABLE articles; --""#), "v1 名前v2 a bv5 الاسم")
        XCTAssertEqual(try one("SELECT count(*) FROM articles"), "1")
    }

    // MARK: errors

    func testEveryMistakeNamesTheRowAndTheField() throws {
        XCTAssertEqual(problem([record(["a": 1]), record(["a": 2, "x": 3])], "corpus.db", options(["table": "mentions"])),
                       "row 2, field 'x': not a column of table 'mentions' (columns: a); the columns are the first row's keys: give options.columns to name every column")
        // Columns the script chose select: other keys are left out.
        try write([record(["a": 1, "x": 3])], "chosen.db", options(["columns": ["a"]]), run: SQLiteDatabases())
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master", "chosen.db"), #"CREATE TABLE "chosen" ("a" INTEGER)"#)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("chosen.db"))
        // A whole table takes every key of every record.
        var spec = try SQLiteTableSpec(options: nil, name: "all.db")
        spec.keysOfAllRows = ["a", "b"]
        let whole = try SQLiteWriter(file: try OutputFolder(url: folder).open(Array("all.db".utf8)), spec: spec, databases: SQLiteDatabases())
        try whole.add(record(["a": 1]), number: 1)
        try whole.add(record(["b": "x"]), number: 2)
        _ = try whole.finish()
        XCTAssertEqual(try one("SELECT sql FROM sqlite_master", "all.db"), #"CREATE TABLE "all" ("a" INTEGER, "b" TEXT)"#)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("all.db"))
        let function = LuaValue.function(LuaFunction("f") { _ in [] })
        XCTAssertEqual(problem([record(["a": 1]), record(["a": function])]),
                       "row 2, field 'a': a function cannot be written here; cells are strings, numbers, booleans or nil")
        XCTAssertEqual(problem([record(["a": .number(.nan)])]), "row 1, field 'a': nan cannot be written (numbers must be finite)")
        XCTAssertEqual(problem([record(["a": 1]), "text"]),
                       #"row 2: a string, not a table; rows are records ({ id = 1, title = "..." }) or lists with options.columns"#)
        XCTAssertEqual(problem([.table([1, 2])]),
                       #"row 1: a list; give options.columns to name its columns (or write records: { id = 1, title = "..." })"#)
        XCTAssertEqual(problem([.table([1, 2, 3])], "corpus.db", options(["columns": ["a", "b"]])),
                       "row 1: 3 cells, but table 'corpus' has 2 columns (a, b)")
        XCTAssertEqual(problem([.table(LuaTable(array: [1], fields: [(key: "b", value: 2)]))], "corpus.db", options(["columns": ["a", "b"]])),
                       "row 1: mixes list items and named fields; a row is a record or a list")
        XCTAssertEqual(problem([.table(LuaTable(fields: [(key: 3, value: "x")]))], "corpus.db", options(["columns": ["a"]])),
                       "row 1, field '3': a number key cannot name a column (a list with holes? give every cell, or write a record)")
        XCTAssertEqual(problem([.table([])]), "row 1: an empty table: no keys to take the columns from; give options.columns")
        XCTAssertEqual(problem([record(["Name": 1, "name": 2])]),
                       "row 1, field 'name': SQLite takes it and another key of this row for the same column (its names ignore the case of A-Z)")
        XCTAssertEqual(problem([]), "no rows, so no columns to create table 'corpus' from; give options.columns (and options.types) to create it empty")
        XCTAssertEqual(problem([record(["id": 1]), record(["id": 1])], "corpus.db", options(["primary_key": "id"])),
                       "row 2: SQLite refused the row: UNIQUE constraint failed: corpus.id")
        XCTAssertEqual(problem([record(["a": 1])], "corpus.db", options(["indexes": ["b"]])),
                       "option 'indexes': 'b' is not a column of table 'corpus' (columns: a)")
        XCTAssertEqual(problem([record(["a": 1])], "corpus.db", options(["table": "sqlite_x"])),
                       "cannot create table 'sqlite_x': object name reserved for internal use: sqlite_x")
        XCTAssertEqual(try leftovers(), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "no failed write left a file")
    }

    func testOptionsAreCheckedBeforeAnyRow() {
        func spec(_ pairs: KeyValuePairs<String, LuaValue>) -> String {
            do {
                _ = try SQLiteTableSpec(options: options(pairs), name: "tables/corpus.db")
                return "accepted"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(spec([:]), "accepted")
        XCTAssertEqual(try? SQLiteTableSpec(options: nil, name: "tables/corpus.v2.db").table, "corpus.v2")
        XCTAssertEqual(spec(["table": 3]), "option 'table': must be a string (got a number)")
        XCTAssertEqual(spec(["table": ""]), "a table name cannot be empty")
        XCTAssertEqual(spec(["table": "a\0b"]), "the table name 'a\\0b' holds a NUL character, which SQLite names cannot")
        XCTAssertEqual(spec(["columns": "a"]), "option 'columns': must be a list of column names (got a string)")
        XCTAssertEqual(spec(["columns": ["a", "A"]]), "option 'columns': column 'A' is given twice (SQLite's names ignore the case of A-Z)")
        XCTAssertEqual(spec(["types": .table(["a": "float"])]),
                       "option 'types': column 'a': the type must be one of integer, real, text, boolean (got 'float')")
        XCTAssertEqual(spec(["types": ["text"]]),
                       #"option 'types': must be a table of column = type, like { id = "integer", title = "text" } (got a list)"#)
        XCTAssertEqual(spec(["columns": ["a"], "types": .table(["b": "text"])]), "option 'types': 'b' is not among options.columns (a)")
        XCTAssertEqual(spec(["columns": ["a"], "primary_key": ["a", "b"]]), "option 'primary_key': 'b' is not among options.columns (a)")
        XCTAssertEqual(spec(["primary_key": 1]), "option 'primary_key': must be a column name or a list of column names (got a number)")
        XCTAssertEqual(spec(["indexes": "a"]),
                       #"option 'indexes': must be a list of column names or lists of column names, like { "article_id", { "name", "kind" } } (got a string)"#)
        XCTAssertEqual(spec(["strict": "yes"]), "option 'strict': must be true or false (got a string)")
    }

    // MARK: toolkit.write.sqlite

    /// Runs Lua with `toolkit.write.sqlite` bound as `sqlite` to a run writing into the test's folder;
    /// returns the run and the error the chunk ended with, if any.
    private func lua(_ code: String) throws -> (api: ToolkitAPI, error: String?) {
        let state = try LuaState()
        let entities = EntityContext(knowledgeBase: { throw ToolkitError.output("no knowledge base here") },
                                     rules: { throw ToolkitError.output("no rules here") })
        let api = ToolkitAPI(state: state, options: RunOptions(script: "", outputFolder: folder), settings: [:],
                             console: Console(out: { _ in }, err: { _ in }), source: nil, entities: entities)
        try state.setGlobal("sqlite", .function(WriteModule.sqlite.luaFunction(in: api)))
        do {
            _ = try state.run(code, chunkName: "=test")
            return (api, nil)
        } catch let error as LuaError {
            return (api, error.message)
        }
    }

    func testTheBindingWritesTablesIntoOneFileAndNamesTheCallInItsErrors() throws {
        let (api, error) = try lua("""
            local articles, mentions = {}, {}
            for i = 1, 20 do
              -- the first article has no title: a whole table takes every record's keys
              articles[#articles + 1] = { id = "a" .. i, title = i % 2 == 0 and "even" or nil }
              mentions[#mentions + 1] = { article_id = "a" .. i, name = "Putin", first = i }
            end
            local path = sqlite("corpus.db", articles, { table = "articles", primary_key = "id" })
            assert(sqlite("corpus.db", mentions, { table = "mentions", indexes = { "article_id" }, strict = true }) == path)
            return path
            """)
        XCTAssertNil(error)
        XCTAssertEqual(api.outputs.map(\.lastPathComponent), ["corpus.db"], "one file, listed once")
        XCTAssertEqual(try one("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.title = 'even'"), "10")

        XCTAssertEqual(try lua(#"sqlite("corpus.db", { { a = 1 }, { a = 2, f = print } }, { table = "m" })"#).error,
                       #"test:1: toolkit.write.sqlite("corpus.db"): row 2, field 'f': a function cannot be written here; cells are strings, numbers, booleans or nil"#)
        XCTAssertEqual(try lua(#"sqlite("corpus.db", { { a = 1 } }, { tabel = "m" })"#).error,
                       "test:1: toolkit.write.sqlite: unknown option 'tabel' (valid options: table, columns, types, primary_key, indexes, strict)")
        XCTAssertEqual(try lua(#"sqlite("corpus.db", { { a = 1 } }, { types = { a = "float" } })"#).error,
                       #"test:1: toolkit.write.sqlite("corpus.db"): option 'types': column 'a': the type must be one of integer, real, text, boolean (got 'float')"#)
        XCTAssertEqual(try lua(#"sqlite("../corpus.db", { { a = 1 } })"#).error?.contains("is not a valid output name"), true)
        XCTAssertEqual(try lua(#"sqlite("x.db", { a = { 1 } })"#).error,
                       #"test:1: toolkit.write.sqlite("x.db"): rows must be a list (keys 1 to n); this table has named keys"#)
        XCTAssertEqual(try leftovers(), [])
    }

    // MARK: the sqlite3 client

    private func sqlite3(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let client = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            let message = "the sqlite3 client is not installed: run `make readers`"
            // Under `make test` a missing reader is a broken setup, not a reason to skip.
            if ProcessInfo.processInfo.environment["TOOLKIT_READERS"] == "required" { throw SQLite3Missing(description: message) }
            throw XCTSkip(message)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: client)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, problem, file: file, line: line)
        XCTAssertEqual(problem, "", file: file, line: line)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTheSQLite3ClientReadsTheTablesAndJoinsThem() throws {
        let run = SQLiteDatabases()
        let articles = (1...40).map { record(["id": LuaValue("a\($0)"), "title": LuaValue("عنوان \($0)"), "lang": "ar"]) }
        try write(articles, "export/corpus.db", options(["table": "articles", "primary_key": "id", "columns": ["id", "title", "lang"]]), run: run)
        let mentions = (1...40).flatMap { a in (1...3).map { record(["article_id": LuaValue("a\(a)"), "entity": LuaValue("person/\($0)"), "first": LuaValue($0 * 10)]) } }
        try write(mentions, "export/corpus.db", options(["table": "mentions", "indexes": ["article_id"]]), run: run)
        let path = folder.appendingPathComponent("export/corpus.db").path
        XCTAssertEqual(try sqlite3([path, "select count(*) from mentions"]), "120")
        XCTAssertEqual(try sqlite3([path, "pragma integrity_check"]), "ok")
        // The client prints a table with a quoted name as CREATE TABLE IF NOT EXISTS.
        XCTAssertEqual(try sqlite3([path, ".schema"]).replacingOccurrences(of: "CREATE TABLE IF NOT EXISTS", with: "CREATE TABLE"), """
            CREATE TABLE "articles" ("id" TEXT, "title" TEXT, "lang" TEXT, PRIMARY KEY ("id"));
            CREATE TABLE "mentions" ("article_id" TEXT, "entity" TEXT, "first" INTEGER);
            CREATE INDEX "mentions_article_id_idx" ON "mentions" ("article_id");
            """)
        XCTAssertEqual(try sqlite3([path, "select a.title, count(*) from mentions m join articles a on a.id = m.article_id where a.id = 'a7' group by a.id"]),
                       "عنوان 7|3")
        XCTAssertEqual(try sqlite3([path, "explain query plan select * from mentions where article_id = 'a3'"]).contains("mentions_article_id_idx"), true)
    }
}

private struct SQLite3Missing: Error, CustomStringConvertible {
    var description: String
}

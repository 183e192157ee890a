import Foundation
import LuaBridge

/// Writes rows into one table of a SQLite database in the output folder.
///
/// Each writer builds its table in a database of its own at the output file's temporary path, in
/// one transaction with a prepared insert, with no journal on disk and no syncing: until it is put
/// in place nobody else sees that file, and a failure discards it whole. When it finishes:
/// - if this run has not written the file yet, the temporary database is renamed into place,
///   replacing what an earlier run left there (atomic, like every output);
/// - otherwise its table is copied into the file this run wrote (checked to be that very file), in
///   one transaction of that database with a rollback journal: an interrupted copy leaves a hot
///   journal that the next reader rolls back, so readers see the file with or without the table,
///   never half of it. A table of the same name is appended to (same columns).
/// So several writers may be open on one file at once (an articles table and a mentions table
/// filled in one pass over the corpus), each atomic on its own.
///
/// Columns are those of the table written earlier in this run, else `spec.columns` (other keys are
/// left out), else the keys of all rows of a whole table (`spec.keysOfAllRows`), else the keys of the
/// first row, sorted (a later row with another key is an error: the table exists by then). A
/// column's type is `spec.types`' or the kind of its first non-nil value: rows wait (at most
/// `inferenceRows` of them) until every column has one; a column still without one is declared
/// without a type and keeps values as given.
final class SQLiteWriter: RowWriter {
    /// Rows held back at most while the columns' types are inferred.
    static let inferenceRows = 1000
    /// SQLite's page cache for the table being built; an open writer charges it to the script.
    static let cacheBytes = 16 << 20

    let spec: SQLiteTableSpec
    private let file: OutputFile
    private let databases: SQLiteDatabases
    private var connection: SQLiteConnection?
    /// The table as an earlier call of this run wrote it: this writer appends to it.
    private let earlier: SQLiteDatabases.Table?
    private var columns: [String]?
    private var columnIndex: [String: Int] = [:]
    /// Where the columns came from, to say how to fix a row with another key.
    private var columnsFrom = ""
    /// The script chose the columns: other keys of a record are left out, as in every writer.
    private var selecting = false
    private var types: [SQLiteColumnType?] = []
    private var pending: [(number: Int, cells: [OutputScalar?])] = []
    private var insert: SQLiteStatement?
    private var finished = false

    /// `file` comes from `OutputFolder.open`; the writer owns it from here (a failure here discards it).
    init(file: OutputFile, spec: SQLiteTableSpec, databases: SQLiteDatabases) throws {
        self.file = file
        self.spec = spec
        self.databases = databases
        earlier = databases.table(spec.table, in: file.target.path)
        do {
            if let earlier {
                try SQLiteWriter.checkAppend(spec, to: earlier)
                try fixColumns(earlier.columns, from: "; table '\(spec.table)' has these columns since an earlier call of this run wrote it")
                types = earlier.types
                selecting = spec.columns != nil
            } else if let given = spec.columns {
                try fixColumns(given, from: "")
                selecting = true
            } else if let keys = spec.keysOfAllRows {
                try fixColumns(keys, from: "")
            }
            let connection = try SQLiteConnection(path: file.temporaryPath, create: true)
            self.connection = connection
            // Nobody reads this file until it is renamed into place, and a failure throws it away:
            // no journal file, no syncing, one lock for the whole write.
            try connection.execute("""
                PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA cache_size = -\(SQLiteWriter.cacheBytes >> 10); BEGIN
                """)
            if earlier != nil { try createTable() }
        } catch {
            discard()
            throw SQLiteWriter.problem(error, "cannot start the database")
        }
    }

    deinit { discard() }

    func add(_ row: LuaValue, number: Int) throws {
        do {
            try addRow(row, number: number)
        } catch let error as SQLiteError {
            throw OutputProblem.row(number, "SQLite: \(error.message)")
        }
    }

    private func addRow(_ row: LuaValue, number: Int) throws {
        guard case .table(let record) = row else {
            throw OutputProblem.row(number, "a \(row.typeName), not a table; rows are records ({ id = 1, title = \"...\" }) or lists with options.columns")
        }
        if columns == nil { try fixColumns(firstRow: record, number: number) }
        let cells = try self.cells(of: record, number: number)
        // A value is checked against its column's type as it comes (a type inferred later comes from
        // a later row), so that a bad row is refused alone and the writer goes on.
        if spec.strict {
            for (i, cell) in cells.enumerated() {
                if let cell, let type = types[i], !type.accepts(cell) {
                    throw OutputProblem.row(number, field: columns![i], "\(SQLiteWriter.kind(of: cell)) in a column of type \(type.rawValue) (strict = true)")
                }
            }
        }
        if insert == nil {
            for (i, cell) in cells.enumerated() where types[i] == nil {
                if let cell { types[i] = SQLiteColumnType.of(cell) }
            }
        }
        if insert != nil && pending.isEmpty {
            try write(cells, number: number)
            return
        }
        pending.append((number, cells))
        if insert == nil && (!types.contains(nil) || pending.count >= SQLiteWriter.inferenceRows) { try createTable() }
        try flushPending()
    }

    func finish() throws -> URL {
        precondition(!finished, "finish after finish or discard")
        do {
            if columns == nil {
                throw OutputProblem("no rows, so no columns to create table '\(spec.table)' from; give options.columns (and options.types) to create it empty")
            }
            if insert == nil { try createTable() }
            try flushPending()
            insert = nil
            let target = file.target.path
            let table = SQLiteDatabases.Table(name: spec.table, columns: columns!, types: types, primaryKey: spec.primaryKey ?? earlier?.primaryKey)
            if let identity = databases.identity(of: target) {
                try connection!.execute("COMMIT")
                connection!.close()
                connection = nil
                try copy(into: target, identity: identity)
                file.discard()
                databases.record(databases.table(spec.table, in: target) ?? table, in: target, identity: identity)
            } else {
                try createIndexes(on: connection!, schema: "main")
                try connection!.execute("COMMIT")
                connection!.close()
                connection = nil
                try file.commit()
                guard let identity = FileIdentity.of(target) else {
                    throw OutputProblem("the database was put in place but is gone already (\(target))")
                }
                databases.record(table, in: target, identity: identity)
            }
            finished = true
            return file.target
        } catch {
            discard()
            throw SQLiteWriter.problem(error, "cannot finish the database")
        }
    }

    func discard() {
        finished = true
        insert = nil
        connection?.close()
        connection = nil
        file.discard()
    }

    /// A later call on a table of this run may leave out columns, types and the key (it takes the
    /// table's), but what it gives must be what the table has.
    private static func checkAppend(_ spec: SQLiteTableSpec, to table: SQLiteDatabases.Table) throws {
        let intro = "table '\(spec.table)' was written earlier in this run, and rows are appended to it"
        if let columns = spec.columns, columns != table.columns {
            throw OutputProblem("\(intro) with its columns (\(table.columns.joined(separator: ", "))), not \(columns.joined(separator: ", ")); name another table for other columns", place: "option 'columns'")
        }
        if let key = spec.primaryKey, key != table.primaryKey ?? [] {
            throw OutputProblem("\(intro); its primary key is \(table.primaryKey?.joined(separator: ", ") ?? "none"), not \(key.joined(separator: ", "))", place: "option 'primary_key'")
        }
        for (column, type) in spec.types.sorted(by: { $0.key < $1.key }) {
            if let i = table.columns.firstIndex(of: column), let had = table.types[i], had != type {
                throw OutputProblem("\(intro); column '\(column)' is \(had.rawValue), not \(type.rawValue)", place: "option 'types'")
            }
        }
    }

    // MARK: columns and cells

    private func fixColumns(firstRow record: LuaTable, number: Int) throws {
        guard record.array.isEmpty else {
            throw OutputProblem.row(number, "a list; give options.columns to name its columns (or write records: { id = 1, title = \"...\" })")
        }
        var keys: [String] = []
        for (key, _) in record.fields {
            guard case .string(let s) = key else {
                throw OutputProblem.row(number, field: SQLiteWriter.shown(key), "a \(key.typeName) key cannot name a column")
            }
            keys.append(s.string)
        }
        guard !keys.isEmpty else {
            throw OutputProblem.row(number, "an empty table: no keys to take the columns from; give options.columns")
        }
        keys.sort()
        if let twin = SQLiteTableSpec.firstDuplicate(keys) {
            throw OutputProblem.row(number, field: twin, "SQLite takes it and another key of this row for the same column (its names ignore the case of A-Z)")
        }
        do {
            try fixColumns(keys, from: "; the columns are the first row's keys: give options.columns to name every column")
        } catch let problem as OutputProblem {
            var problem = problem
            if problem.place == nil { problem.place = "row \(number)" }
            throw problem
        }
    }

    private func fixColumns(_ names: [String], from: String) throws {
        for column in names { try SQLiteTableSpec.checkName(column, what: "column") }
        let known = Set(names)
        func check(_ option: String, _ list: [String]) throws {
            if let missing = list.first(where: { !known.contains($0) }) {
                throw OutputProblem("'\(missing)' is not a column of table '\(spec.table)' (columns: \(names.joined(separator: ", ")))", place: "option '\(option)'")
            }
        }
        try check("types", spec.types.keys.sorted())
        try check("primary_key", spec.primaryKey ?? [])
        for index in spec.indexes { try check("indexes", index) }
        columns = names
        columnsFrom = from
        types = names.map { spec.types[$0] }
        columnIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func cells(of record: LuaTable, number: Int) throws -> [OutputScalar?] {
        let columns = columns!
        let place = "row \(number)"
        if !record.array.isEmpty {
            guard record.fields.isEmpty else {
                throw OutputProblem.row(number, "mixes list items and named fields; a row is a record or a list")
            }
            guard record.array.count <= columns.count else {
                throw OutputProblem.row(number, "\(record.array.count) cells, but table '\(spec.table)' has \(columns.count) columns (\(columns.joined(separator: ", ")))")
            }
            var cells = [OutputScalar?](repeating: nil, count: columns.count)
            for (i, value) in record.array.enumerated() {
                cells[i] = try OutputScalar.from(value, place: place, field: columns[i])
            }
            return cells
        }
        var cells = [OutputScalar?](repeating: nil, count: columns.count)
        for (key, value) in record.fields {
            guard case .string(let s) = key else {
                throw OutputProblem.row(number, field: SQLiteWriter.shown(key), "a \(key.typeName) key cannot name a column (a list with holes? give every cell, or write a record)")
            }
            let field = s.string
            guard let i = columnIndex[field] else {
                if selecting { continue }
                throw OutputProblem.row(number, field: field, "not a column of table '\(spec.table)' (columns: \(columns.joined(separator: ", ")))\(columnsFrom)")
            }
            cells[i] = try OutputScalar.from(value, place: place, field: field)
        }
        return cells
    }

    // MARK: SQL

    /// The table's definition in `schema`: the same text for the temporary table and for its copy,
    /// so that SQLite copies the rows as they are stored, without decoding them.
    private func definition(schema: String) -> String {
        var parts = zip(columns!, types).map { column, type in
            SQLiteTableSpec.quoted(column) + (type.map { " " + $0.declared } ?? "")
        }
        if let key = spec.primaryKey ?? earlier?.primaryKey {
            parts.append("PRIMARY KEY (" + key.map(SQLiteTableSpec.quoted).joined(separator: ", ") + ")")
        }
        return "CREATE TABLE \(schema).\(SQLiteTableSpec.quoted(spec.table)) (\(parts.joined(separator: ", ")))"
    }

    private func createTable() throws {
        guard let connection else { return }
        do {
            try connection.execute(definition(schema: "main"))
        } catch {
            throw OutputProblem("cannot create table '\(spec.table)': \(error)")
        }
        let names = columns!.map(SQLiteTableSpec.quoted).joined(separator: ", ")
        let slots = Array(repeating: "?", count: columns!.count).joined(separator: ", ")
        insert = try connection.prepare("INSERT INTO \(SQLiteTableSpec.quoted(spec.table)) (\(names)) VALUES (\(slots))")
    }

    /// Writes the rows held back; a row SQLite refuses (a repeated primary key) is dropped and
    /// named, and those after it stay held for the next call.
    private func flushPending() throws {
        guard insert != nil, !pending.isEmpty else { return }
        let held = pending
        pending = []
        for (i, row) in held.enumerated() {
            do {
                try write(row.cells, number: row.number)
            } catch {
                pending = Array(held[(i + 1)...])
                throw error
            }
        }
    }

    private func write(_ cells: [OutputScalar?], number: Int) throws {
        let insert = insert!
        defer { insert.reset() }
        do {
            for (i, cell) in cells.enumerated() { try insert.bind(cell, at: i + 1) }
            try insert.step()
        } catch {
            throw OutputProblem.row(number, "SQLite refused the row: \(error)")
        }
    }

    /// Indexes after the rows: one sort instead of an update per row.
    private func createIndexes(on connection: SQLiteConnection, schema: String) throws {
        for index in spec.indexes {
            let name = ([spec.table] + index).joined(separator: "_") + "_idx"
            let columns = index.map(SQLiteTableSpec.quoted).joined(separator: ", ")
            do {
                try connection.execute("CREATE INDEX IF NOT EXISTS \(schema).\(SQLiteTableSpec.quoted(name)) ON \(SQLiteTableSpec.quoted(spec.table)) (\(columns))")
            } catch {
                throw OutputProblem("cannot create the index on \(index.joined(separator: ", ")): \(error)", place: "option 'indexes'")
            }
        }
    }

    /// Adds this writer's table to the database this run wrote at `target`, in one transaction.
    private func copy(into target: String, identity: FileIdentity) throws {
        guard FileIdentity.of(target) == identity else {
            throw OutputProblem("the database this run wrote at \(target) was replaced or removed since, so its earlier tables are gone; write them again")
        }
        // SQLite makes its journal beside the file by name; one planted as a link would be written through.
        var journal = stat()
        if lstat(target + "-journal", &journal) == 0 && (journal.st_mode & S_IFMT) != S_IFREG {
            throw OutputProblem("\(target)-journal is in the way (a link or a folder); outputs are never written through links")
        }
        let database = try SQLiteConnection(path: target, create: false)
        defer { database.close() }
        // This file is in place already: a rollback journal and full syncing keep it whole if the
        // copy is interrupted.
        try database.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
        let attach = try database.prepare("ATTACH DATABASE ? AS incoming")
        try attach.bind(.string(file.temporaryPath), at: 1)
        try attach.step()
        try database.execute("BEGIN IMMEDIATE")
        do {
            let table = SQLiteTableSpec.quoted(spec.table)
            let existing = try database.strings("SELECT name FROM pragma_table_info(?1, 'main')", [spec.table])
            if existing.isEmpty {
                try database.execute(definition(schema: "main"))
                try database.execute("INSERT INTO main.\(table) SELECT * FROM incoming.\(table)")
            } else {
                guard Set(existing.map(SQLiteTableSpec.folded)) == Set(columns!.map(SQLiteTableSpec.folded)) else {
                    throw OutputProblem("table '\(spec.table)' was written earlier in this run with the columns \(existing.joined(separator: ", ")); these rows have \(columns!.joined(separator: ", ")): append with the same columns, or name another table")
                }
                let names = columns!.map(SQLiteTableSpec.quoted).joined(separator: ", ")
                do {
                    try database.execute("INSERT INTO main.\(table) (\(names)) SELECT \(names) FROM incoming.\(table) ORDER BY rowid")
                } catch {
                    // The rows met those of the earlier call only here, all at once: no row number.
                    throw OutputProblem("these rows cannot join those table '\(spec.table)' has from an earlier call of this run: SQLite: \(error.message)")
                }
            }
            try createIndexes(on: database, schema: "main")
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            try? database.execute("DETACH DATABASE incoming")
            throw error
        }
        try database.execute("DETACH DATABASE incoming")
    }

    // MARK: messages

    private static func problem(_ error: Error, _ what: String) -> Error {
        if let error = error as? SQLiteError { return OutputProblem("\(what): SQLite: \(error.message)") }
        return error
    }

    private static func kind(of value: OutputScalar) -> String {
        switch value {
        case .string: return "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        }
    }

    private static func shown(_ key: LuaValue) -> String {
        switch key {
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .boolean(let b): return String(b)
        default: return key.typeName
        }
    }
}

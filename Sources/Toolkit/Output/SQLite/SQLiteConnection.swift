import CSQLite
import Foundation

/// What SQLite said when a call failed: its extended result code and message.
struct SQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }
}

/// One connection to one database file: the few calls the sqlite writer needs, with SQLite's own
/// message on every failure. Not shared between threads (writers run on the main state only).
final class SQLiteConnection {
    private var handle: OpaquePointer?

    /// Opens (`create`: creates) the database at `path`. A symbolic link in the last part of the
    /// path is refused, like every output of the jail.
    init(path: String, create: Bool) throws(SQLiteError) {
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw SQLiteError(code: status, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        handle = db
    }

    deinit { close() }

    /// Closes the connection; statements still alive are finalized by their own deinit first
    /// (`sqlite3_close_v2` waits for them, so the order does not matter).
    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    var lastError: SQLiteError {
        guard let handle else { return SQLiteError(code: SQLITE_MISUSE, message: "the database is closed") }
        return SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs statements that return no rows we need.
    func execute(_ sql: String) throws(SQLiteError) {
        guard let handle else { throw lastError }
        if sqlite3_exec(handle, sql, nil, nil, nil) != SQLITE_OK { throw lastError }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        guard let handle else { throw lastError }
        var statement: OpaquePointer?
        if sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) != SQLITE_OK {
            throw lastError
        }
        return SQLiteStatement(statement!, connection: self)
    }

    /// How long a statement waits for another connection's lock before it fails with SQLITE_BUSY
    /// (the article cache is shared by concurrent runs).
    func waitWhenBusy(milliseconds: Int32) {
        if let handle { sqlite3_busy_timeout(handle, milliseconds) }
    }

    /// The text values of the first column of a query's rows.
    func strings(_ sql: String, _ arguments: [String] = []) throws(SQLiteError) -> [String] {
        let statement = try prepare(sql)
        for (i, argument) in arguments.enumerated() { try statement.bind(.string(argument), at: i + 1) }
        var values: [String] = []
        while try statement.step() { values.append(statement.text(0)) }
        return values
    }
}

/// A prepared statement, reused for every row: bind, step, reset.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection
    /// SQLite copies bound text at once (SQLITE_TRANSIENT), so Swift's buffer may go away after bind.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds a cell (booleans as 0 and 1, nil as NULL) to the parameter at `index` (from 1).
    func bind(_ value: OutputScalar?, at index: Int) throws(SQLiteError) {
        let position = Int32(index)
        let status: Int32
        switch value {
        case nil: status = sqlite3_bind_null(statement, position)
        case .integer(let i): status = sqlite3_bind_int64(statement, position, i)
        case .number(let d): status = sqlite3_bind_double(statement, position, d)
        case .boolean(let b): status = sqlite3_bind_int64(statement, position, b ? 1 : 0)
        case .string(var s):
            // Bound with its length: text may hold NUL bytes. An empty string has no buffer, and a
            // null pointer would bind NULL, so it is bound from a literal.
            status = s.withUTF8 { bytes -> Int32 in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text64(statement, position, "", 0, SQLiteStatement.transient, UInt8(SQLITE_UTF8))
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(statement, position, $0, UInt64(bytes.count), SQLiteStatement.transient, UInt8(SQLITE_UTF8))
                }
            }
        }
        if status != SQLITE_OK { throw connection.lastError }
    }

    /// Binds bytes (a BLOB) to the parameter at `index` (from 1).
    func bind(blob: [UInt8], at index: Int) throws(SQLiteError) {
        let status = blob.withUnsafeBytes { bytes -> Int32 in
            // An empty blob has no buffer; a zero-length blob is bound instead of NULL.
            guard let base = bytes.baseAddress else { return sqlite3_bind_zeroblob(statement, Int32(index), 0) }
            return sqlite3_bind_blob64(statement, Int32(index), base, UInt64(bytes.count), SQLiteStatement.transient)
        }
        if status != SQLITE_OK { throw connection.lastError }
    }

    /// Runs one step: true when a row is ready to read, false when done.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.lastError
            sqlite3_reset(statement)
            throw error
        }
    }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// The bytes of a BLOB column of the current row, valid until the next step or reset.
    func blob(_ column: Int) -> UnsafeRawBufferPointer {
        // The pointer first, then the size (SQLite's order: the size may change with a conversion).
        let pointer = sqlite3_column_blob(statement, Int32(column))
        let count = Int(sqlite3_column_bytes(statement, Int32(column)))
        guard let pointer, count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    func text(_ column: Int) -> String {
        guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return "" }
        return String(cString: pointer)
    }
}

import CSQLite
import Foundation
import NewsKit

/// The article cache's SQLite file: parsed articles and annotations, each a value under a 32-byte
/// key (the record's digest, then the fingerprint of what made the value). The row id is folded
/// from the key, so a look-up is one B-tree search; the key stored beside the value is compared,
/// so two keys that fold alike only evict each other. WAL journal: readers never wait for a
/// writer, and a run killed halfway leaves the file as it was at its last commit.
final class CacheDatabase {
    enum Table: String, CaseIterable { case parsed, annotated }

    struct Row {
        var table: Table
        var key: CacheKey
        var value: [UInt8]
    }

    /// The layout of the file; a file of another layout is emptied, not read.
    static let layout = "1"
    /// How long a statement waits for another run's write lock.
    static let busyMilliseconds: Int32 = 10_000

    private let connection: SQLiteConnection
    private var selects: [Table: SQLiteStatement] = [:]
    private var inserts: [Table: SQLiteStatement] = [:]

    init(path: String) throws(SQLiteError) {
        connection = try SQLiteConnection(path: path, create: true)
        connection.waitWhenBusy(milliseconds: Self.busyMilliseconds)
        _ = try connection.strings("PRAGMA journal_mode=WAL")
        // In WAL mode NORMAL syncs at checkpoints only: a power cut may lose the last commits of a
        // cache, never its consistency.
        try connection.execute("PRAGMA synchronous=NORMAL")
        try transaction { () throws(SQLiteError) in
            try connection.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            let layout = try connection.strings("SELECT value FROM meta WHERE name = 'layout'").first
            if layout != Self.layout {
                for table in Table.allCases { try connection.execute("DROP TABLE IF EXISTS \(table.rawValue)") }
                try connection.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('layout', '\(Self.layout)')")
            }
            for table in Table.allCases {
                let name = table.rawValue
                try connection.execute("""
                    CREATE TABLE IF NOT EXISTS \(name)(id INTEGER PRIMARY KEY, key BLOB NOT NULL, stored INTEGER NOT NULL, value BLOB NOT NULL);
                    CREATE INDEX IF NOT EXISTS \(name)_stored ON \(name)(stored);
                    """)
            }
        }
        for table in Table.allCases {
            selects[table] = try connection.prepare("SELECT key, value FROM \(table.rawValue) WHERE id = ?")
            inserts[table] = try connection.prepare("INSERT OR REPLACE INTO \(table.rawValue)(id, key, stored, value) VALUES (?, ?, ?, ?)")
        }
    }

    func close() {
        selects.removeAll()
        inserts.removeAll()
        connection.close()
    }

    /// Runs `body` in a write transaction (taken at once, waiting for another run's up to the busy
    /// timeout), rolled back when it throws.
    func transaction(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try body()
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// The value stored under `key`, copied out.
    func value(in table: Table, key: CacheKey) throws(SQLiteError) -> [UInt8]? {
        let select = selects[table]!
        defer { select.reset() }
        try select.bind(.integer(key.rowID), at: 1)
        guard try select.step() else { return nil }
        let stored = select.blob(0)
        guard stored.elementsEqual(key.bytes) else { return nil }
        return Array(select.blob(1))
    }

    /// Stores the rows in one transaction.
    func store(_ rows: [Row], at time: Int64) throws(SQLiteError) {
        try transaction { () throws(SQLiteError) in
            for row in rows {
                let insert = inserts[row.table]!
                defer { insert.reset() }
                try insert.bind(.integer(row.key.rowID), at: 1)
                try insert.bind(blob: row.key.bytes, at: 2)
                try insert.bind(.integer(time), at: 3)
                try insert.bind(blob: row.value, at: 4)
                try insert.step()
            }
        }
    }

    /// Bytes the rows take (the file less its free pages).
    func usedBytes() throws(SQLiteError) -> Int64 {
        let pages = try connection.strings("SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())")
        let size = try connection.strings("PRAGMA page_size")
        return (Int64(pages.first ?? "") ?? 0) * (Int64(size.first ?? "") ?? 0)
    }

    /// Removes the oldest values, a tenth of each table at a time, until the rows take at most
    /// `bytes` (free pages are reused by later runs; the file does not shrink).
    func trim(to bytes: Int64) throws(SQLiteError) {
        for _ in 0..<20 {
            guard try usedBytes() > bytes else { return }
            try transaction { () throws(SQLiteError) in
                for table in Table.allCases {
                    let name = table.rawValue
                    try connection.execute("DELETE FROM \(name) WHERE id IN (SELECT id FROM \(name) ORDER BY stored LIMIT (SELECT count(*) / 10 + 1 FROM \(name)))")
                }
            }
        }
    }

    /// Rows in each table.
    func counts() throws(SQLiteError) -> [Table: Int] {
        var counts: [Table: Int] = [:]
        for table in Table.allCases {
            counts[table] = Int(try connection.strings("SELECT count(*) FROM \(table.rawValue)").first ?? "") ?? 0
        }
        return counts
    }

    /// SQLite's own check of the file's structure: "ok", or what is wrong.
    func check() throws(SQLiteError) -> String {
        try connection.strings("PRAGMA quick_check").joined(separator: "; ")
    }

    /// Whether an error says the file is damaged or no database at all (not busy, full or locked).
    static func isDamage(_ error: SQLiteError) -> Bool {
        let primary = error.code & 0xFF
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }
}

/// Where a value is stored: its record's digest and the fingerprint of what made it.
struct CacheKey: Hashable, Sendable {
    var record: ContentDigest
    var fingerprint: ContentDigest

    var bytes: [UInt8] { record.bytes + fingerprint.bytes }

    /// The row id: the key folded to 64 bits.
    var rowID: Int64 {
        Int64(bitPattern: record.low ^ (record.high &* 0x9E37_79B9_7F4A_7C15) ^ fingerprint.high ^ (fingerprint.low &* 0xC2B2_AE3D_27D4_EB4F))
    }
}

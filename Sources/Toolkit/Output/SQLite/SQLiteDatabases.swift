import Foundation

/// The database files this run has written, by final path, and the tables in them. A run's first
/// table of a file replaces what an earlier run left there (reruns never duplicate rows); each
/// later table of the same run is added to the file this run wrote, and a table written again is
/// appended to. ToolkitAPI holds one per run; writers run on the main state only.
final class SQLiteDatabases {
    /// A table as written into a database of this run: what a later call appending to it must match.
    struct Table: Equatable {
        var name: String
        var columns: [String]
        /// nil: declared without a type (no value to infer one from).
        var types: [SQLiteColumnType?]
        var primaryKey: [String]?
    }

    private struct Database {
        var identity: FileIdentity
        /// By SQLite's folded name: `Mentions` and `mentions` are one table.
        var tables: [String: Table]
    }

    private var databases: [String: Database] = [:]

    init() {}

    /// The file as this run left it, or nil when this run has not written it yet.
    func identity(of path: String) -> FileIdentity? { databases[path]?.identity }

    func table(_ name: String, in path: String) -> Table? {
        databases[path]?.tables[SQLiteTableSpec.folded(name)]
    }

    /// Notes a table now in the file at `path`, which is `identity` on disk.
    func record(_ table: Table, in path: String, identity: FileIdentity) {
        var database = databases[path] ?? Database(identity: identity, tables: [:])
        database.identity = identity
        database.tables[SQLiteTableSpec.folded(table.name)] = table
        databases[path] = database
    }
}

/// Which file a path names (device and inode, not following a link), so that a later table is
/// only ever added to the very file this run wrote, never to a file or link put there since.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    /// The identity of a regular file at `path`; nil for a link, a folder or nothing.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

import Foundation
import NewsKit

/// Parsed articles and their annotations kept between runs, in one SQLite file (`CacheDatabase`):
/// a rerun over an unchanged corpus reads them instead of parsing and annotating again. Values
/// are keyed by their record's digest and the fingerprint of what made them (`CacheFingerprints`),
/// so a changed plugin, knowledge base or toolkit build misses, and is stored anew, where it
/// matters. Shared by the run's threads, and by concurrent runs through SQLite's locks. The cache
/// never stops a run: a folder that cannot be written is said once and the run goes on without it;
/// a damaged file is set aside (renamed, said on stderr) and a new one started.
public final class ArticleCache: @unchecked Sendable {
    public static let fileName = "articles.sqlite"
    /// What the rows may take before the oldest go (at the end of a run that stored some).
    public static let defaultSizeLimit: Int64 = 4 << 30

    public let folder: URL
    public var file: URL { folder.appendingPathComponent(Self.fileName) }
    public let sizeLimit: Int64
    private let note: @Sendable (String) -> Void

    private let lock = NSLock()
    private enum State { case unopened, open(CacheDatabase), unavailable }
    private var state = State.unopened
    /// Values computed and not yet written, by key (a later look-up in the same run finds them).
    private var pending: [CacheKey: CacheDatabase.Row] = [:]
    private var pendingBytes = 0
    private var counters = Statistics()
    /// Damaged values met (a checksum that does not match): ignored and computed again.
    private var damagedValues = 0
    private var setAside = false

    /// What a run found and stored.
    public struct Statistics: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        public var stored = 0
        /// Values not stored because another run held the write lock too long.
        public var dropped = 0
    }

    /// A cache in `folder` (created when first needed); `note` hears what the user should know
    /// (a folder that cannot be used, a damaged file set aside), without the `toolkit: ` prefix.
    public init(folder: URL, sizeLimit: Int64 = ArticleCache.defaultSizeLimit, note: @escaping @Sendable (String) -> Void) {
        self.folder = folder
        self.sizeLimit = sizeLimit
        self.note = note
    }

    deinit { close() }

    /// `$XDG_CACHE_HOME/toolkit`, else `~/.cache/toolkit`; nil when neither is set.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("toolkit")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/toolkit")
    }

    /// The files of a cache in `folder`: the database, its journal and index, and damaged copies set aside.
    public static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(fileName) }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The knowledge base's compiled matcher tables kept beside the articles (`AutomatonSnapshots`).
    public static func compiledTables(in folder: URL) -> URL {
        folder.appendingPathComponent("compiled")
    }

    /// The files of compiled tables in the cache `folder`.
    public static func compiledTableFiles(in folder: URL) -> [URL] {
        let tables = compiledTables(in: folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tables.path)) ?? []
        return names.sorted().map { tables.appendingPathComponent($0) }
    }

    /// Bytes the cache's files take on disk, compiled tables included (0 when there is no cache there).
    public static func size(of folder: URL) -> Int64 {
        (files(in: folder) + compiledTableFiles(in: folder)).reduce(0) { total, url in
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }

    /// Removes the cache's files and compiled tables; returns the bytes freed. A run using the
    /// cache meanwhile keeps its open file until it ends; the next run starts an empty one.
    @discardableResult
    public static func clear(folder: URL) throws -> Int64 {
        let size = size(of: folder)
        for url in files(in: folder) { try FileManager.default.removeItem(at: url) }
        let tables = compiledTables(in: folder)
        if FileManager.default.fileExists(atPath: tables.path) { try FileManager.default.removeItem(at: tables) }
        return size
    }

    /// What a cache file holds, for `toolkit cache`.
    public struct Contents: Sendable {
        public var parsedArticles: Int
        public var annotations: Int
        /// SQLite's quick check of the file: "ok", or what is wrong.
        public var check: String
    }

    /// What the cache file in `folder` holds; nil when there is none. Throws what SQLite says when
    /// the file cannot be read (a damaged file is set aside by the next run that uses it).
    public static func contents(of folder: URL) throws -> Contents? {
        let path = folder.appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let database = try CacheDatabase(path: path)
            defer { database.close() }
            let counts = try database.counts()
            return Contents(parsedArticles: counts[.parsed] ?? 0, annotations: counts[.annotated] ?? 0, check: try database.check())
        } catch {
            throw ToolkitError.noReadableInput("the article cache \(path) cannot be read (\(error.message)); remove it with toolkit cache clear")
        }
    }

    public var statistics: Statistics {
        lock.lock()
        defer { lock.unlock() }
        return counters
    }

    // MARK: Values

    /// The value under `key`, checked against its checksum; nil when absent or damaged.
    func value(in table: CacheDatabase.Table, key: CacheKey) -> [UInt8]? {
        lock.lock()
        let stored: [UInt8]?
        if let row = pending[key] {
            stored = row.value
        } else if let database = open() {
            do {
                stored = try database.value(in: table, key: key)
            } catch {
                stored = nil
                failed(error, while: "reading")
            }
        } else {
            stored = nil
        }
        lock.unlock()
        let payload = stored.flatMap(Self.payload)
        lock.lock()
        if stored != nil && payload == nil { damagedValues += 1 }
        if payload == nil { counters.misses += 1 } else { counters.hits += 1 }
        lock.unlock()
        return payload
    }

    /// Stores a value (written with others, in one transaction, once enough are waiting).
    func store(_ payload: [UInt8], in table: CacheDatabase.Table, key: CacheKey) {
        let value = Self.framed(payload)
        lock.lock()
        defer { lock.unlock() }
        guard open() != nil else { return }
        if let old = pending.updateValue(CacheDatabase.Row(table: table, key: key, value: value), forKey: key) {
            pendingBytes -= old.value.count
        }
        pendingBytes += value.count
        if pending.count >= 256 || pendingBytes >= 16 << 20 { flush() }
    }

    /// Writes what waits, removes the oldest values past the size limit, closes the file, and says
    /// what went wrong on the way (once each). Called at the end of a run; later use reopens it.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard case .open(let database) = state else { return }
        let wrote = !pending.isEmpty
        flush()
        if wrote, case .open = state {
            do { try database.trim(to: sizeLimit) } catch { failed(error, while: "trimming") }
        }
        if case .open = state { database.close() }
        state = .unopened
        if counters.dropped > 0 {
            note("note: \(counters.dropped) article(s) were not cached: another run held the cache \(file.path) for over \(CacheDatabase.busyMilliseconds / 1000) s")
            counters.dropped = 0
        }
        if damagedValues > 0 {
            note("note: \(damagedValues) damaged value(s) in the cache \(file.path) were ignored and computed again")
            damagedValues = 0
        }
    }

    // MARK: Under the lock

    /// The open database, opening it on first use. A damaged file is set aside and replaced once;
    /// a folder or file that cannot be used makes the cache unavailable for the rest of the run.
    private func open() -> CacheDatabase? {
        switch state {
        case .open(let database): return database
        case .unavailable: return nil
        case .unopened: break
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return unavailable("cannot create the folder (\(error.localizedDescription))")
        }
        do {
            let database = try CacheDatabase(path: file.path)
            state = .open(database)
            return database
        } catch where CacheDatabase.isDamage(error) && !setAside {
            setDamagedFileAside(error.message)
            return open()
        } catch {
            return unavailable(error.message)
        }
    }

    private func unavailable(_ reason: String) -> CacheDatabase? {
        state = .unavailable
        note("warning: the article cache \(file.path) cannot be used (\(reason)); this run goes on without it (pass --cache DIR for another folder, or --no-cache)")
        return nil
    }

    /// Writes the pending values in one transaction; a busy cache drops them (counted, said at close).
    private func flush() {
        guard !pending.isEmpty, case .open(let database) = state else { return }
        let rows = Array(pending.values)
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        do {
            try database.store(rows, at: Int64(Date().timeIntervalSince1970 * 1000))
            counters.stored += rows.count
        } catch where error.code & 0xFF == 5 /* SQLITE_BUSY */ {
            counters.dropped += rows.count
        } catch {
            failed(error, while: "writing")
        }
    }

    /// A failed read or write: a damaged file is set aside (a new one is started on next use);
    /// anything else ends the cache's use for this run.
    private func failed(_ error: SQLiteError, while doing: String) {
        if case .open(let database) = state { database.close() }
        pending.removeAll()
        pendingBytes = 0
        if CacheDatabase.isDamage(error) && !setAside {
            setDamagedFileAside(error.message)
            state = .unopened
        } else {
            _ = unavailable("\(doing) failed: \(error.message)")
        }
    }

    /// Renames the file (with its journal) to `articles.sqlite.damaged-TIME`, and says so.
    private func setDamagedFileAside(_ reason: String) {
        setAside = true
        let stamp = Self.stamp.string(from: Date())
        let aside = folder.appendingPathComponent("\(Self.fileName).damaged-\(stamp)")
        let fm = FileManager.default
        do {
            try fm.moveItem(at: file, to: aside)
            for suffix in ["-wal", "-shm"] {
                let companion = URL(fileURLWithPath: file.path + suffix)
                if fm.fileExists(atPath: companion.path) {
                    try? fm.moveItem(at: companion, to: URL(fileURLWithPath: aside.path + suffix))
                }
            }
            note("warning: the article cache \(file.path) is damaged (\(reason)); it was set aside as \(aside.lastPathComponent) and a new one is built (remove the old one when you no longer need it)")
        } catch {
            state = .unavailable
            note("warning: the article cache \(file.path) is damaged (\(reason)) and cannot be set aside (\(error.localizedDescription)); this run goes on without it (remove the file, or pass --no-cache)")
        }
    }

    private static let stamp: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }()

    // MARK: Framing

    /// A value as stored: an 8-byte checksum of the payload, then the payload.
    static func framed(_ payload: [UInt8]) -> [UInt8] {
        let sum = ContentDigest(payload).low
        var value: [UInt8] = []
        value.reserveCapacity(payload.count + 8)
        for shift in stride(from: 56, through: 0, by: -8) { value.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        value += payload
        return value
    }

    /// The payload of a stored value, or nil when its checksum does not match.
    static func payload(_ value: [UInt8]) -> [UInt8]? {
        guard value.count >= 8 else { return nil }
        let sum = value[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let payload = Array(value[8...])
        return ContentDigest(payload).low == sum ? payload : nil
    }
}

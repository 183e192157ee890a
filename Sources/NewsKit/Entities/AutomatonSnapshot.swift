import Foundation

/// Built automata kept on disk between processes. Building the knowledge base's automaton is the
/// largest part of a process's set-up (about 0.6 G instructions for some 60,000 spellings, a
/// fifth of `toolkit entities` over a few articles), and every run of the same build over the same
/// knowledge base builds the same tables; a snapshot is read back in a few milliseconds instead.
///
/// A snapshot is found by a digest of its patterns, the dense table budget, the snapshot layout and
/// `salt` (the caller's build identity: a toolkit rebuilt with another builder never reads the
/// tables of the one before). It is used only when it reads back whole: its header names the same
/// key, its size is what the header says, and a digest of its bytes matches. Anything else (a
/// damaged, truncated, foreign or stale file) is ignored and the tables are built again. Files are
/// written under a temporary name and renamed, so concurrent processes see a whole file or none.
public struct AutomatonSnapshots: Sendable {
    public let folder: URL
    public let salt: String
    /// Snapshots kept in the folder: each knowledge base edit makes a new one (some 13 MB), so the
    /// oldest beyond this go when one is written.
    public let kept: Int

    static let magic = Array("TKACSNP1".utf8)
    static let fileExtension = "automaton"
    static let hostIsLittleEndian = 1.littleEndian == 1

    public init(folder: URL, salt: String, kept: Int = 4) {
        self.folder = folder
        self.salt = salt
        self.kept = kept
    }

    /// The key of an automaton of `patterns` built within `denseTableBudget`.
    func key(patterns: [[UInt8]], denseTableBudget: Int) -> ContentDigest {
        var chain = DigestChain()
        chain.add(String(decoding: Self.magic, as: UTF8.self))
        chain.add(salt)
        chain.add(denseTableBudget)
        chain.add(patterns.count)
        for pattern in patterns { chain.add(pattern) }
        return chain.digest
    }

    func file(for key: ContentDigest) -> URL {
        folder.appendingPathComponent("\(key).\(Self.fileExtension)")
    }

    /// The tables stored under `key`, or nil when there are none or they do not read back whole.
    func load(_ key: ContentDigest) -> AutomatonStorage? {
        // The words are stored as the host holds them, little-endian: on another host, build.
        guard Self.hostIsLittleEndian else { return nil }
        guard let data = FileManager.default.contents(atPath: file(for: key).path) else { return nil }
        return data.withUnsafeBytes { AutomatonStorage(snapshot: $0, key: key) }
    }

    /// Stores the tables under `key`; a folder that cannot be written only costs the next process
    /// the build (nothing is said: the tables are a cache of something computed anyway).
    func save(_ storage: AutomatonStorage, key: ContentDigest) {
        guard Self.hostIsLittleEndian else { return }
        let fm = FileManager.default
        guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let target = file(for: key)
        let temporary = folder.appendingPathComponent(".\(key).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial")
        let bytes = storage.snapshot(key: key)
        guard fm.createFile(atPath: temporary.path, contents: Data(bytes)) else { return }
        if rename(temporary.path, target.path) != 0 { try? fm.removeItem(at: temporary) }
        prune(keeping: target)
    }

    /// Removes the oldest snapshots beyond `kept` (never `current`), and partial files of processes
    /// that died writing them (older than an hour).
    private func prune(keeping current: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        var snapshots: [(Date, URL)] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            if name.hasSuffix(".partial") {
                if modified < Date(timeIntervalSinceNow: -3600) { try? fm.removeItem(at: url) }
            } else if name.hasSuffix(".\(Self.fileExtension)"), url.lastPathComponent != current.lastPathComponent {
                snapshots.append((modified, url))
            }
        }
        let excess = snapshots.count + 1 - kept
        guard excess > 0 else { return }
        for (_, url) in snapshots.sorted(by: { $0.0 < $1.0 }).prefix(excess) { try? fm.removeItem(at: url) }
    }
}

extension AutomatonStorage {
    /// The tables as bytes: magic, key, the counts (little-endian), the arrays as the (little-endian)
    /// host holds them, and a digest of all that.
    func snapshot(key: ContentDigest) -> [UInt8] {
        var out = AutomatonSnapshots.magic
        out.reserveCapacity(out.count + 16 + 9 * 8 + 256 + 16
            + 4 * (denseTableWords + sparseWords + outputStart.count + outputPatterns.count + 3 * stateCount + patternCount))
        out += key.bytes
        for count in [patternCount, stateCount, denseCount, classCount, midWidth, Int(denseLimit), denseTableWords,
                      sparseWords, outputPatterns.count] {
            Self.append(UInt64(count), to: &out)
        }
        out.append(contentsOf: UnsafeBufferPointer(start: classOf, count: 256))
        Self.append(UnsafeBufferPointer(start: dense, count: denseTableWords), to: &out)
        Self.append(UnsafeBufferPointer(start: sparse, count: sparseWords), to: &out)
        for array in [outputStart, outputPatterns, matchCount, patternLengths] {
            array.withUnsafeBufferPointer { Self.append($0, to: &out) }
        }
        outputLink.withUnsafeBufferPointer { Self.append($0, to: &out) }
        out += ContentDigest(out).bytes
        return out
    }

    /// The tables of a snapshot, or nil when it is not one of `key` read back whole.
    convenience init?(snapshot bytes: UnsafeRawBufferPointer, key: ContentDigest) {
        let magic = AutomatonSnapshots.magic
        let headerBytes = magic.count + 16 + 9 * 8
        guard bytes.count >= headerBytes + 16,
              bytes.prefix(magic.count).elementsEqual(magic),
              bytes[magic.count..<magic.count + 16].elementsEqual(key.bytes)
        else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[0..<bytes.count - 16])
        guard bytes[(bytes.count - 16)...].elementsEqual(ContentDigest(body).bytes) else { return nil }
        var counts: [Int] = []
        for i in 0..<9 {
            let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: magic.count + 16 + 8 * i, as: UInt64.self))
            guard value < UInt64(Int32.max) else { return nil }
            counts.append(Int(value))
        }
        let (patternCount, stateCount, denseCount, classCount, midWidth) = (counts[0], counts[1], counts[2], counts[3], counts[4])
        let (denseLimit, denseWords, sparseWords, outputCount) = (counts[5], counts[6], counts[7], counts[8])
        let wordCount = denseWords + sparseWords + (stateCount + 1) + outputCount + stateCount + patternCount + stateCount
        guard body.count == headerBytes + 256 + 4 * wordCount,
              denseCount <= stateCount, classCount <= 256, midWidth <= classCount
        else { return nil }
        var offset = headerBytes
        let classOf = Array(body[offset..<offset + 256])
        offset += 256
        func words<T: FixedWidthInteger>(_ count: Int, as type: T.Type) -> [T] {
            defer { offset += 4 * count }
            let start = offset
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: body[start..<start + 4 * count]))
                initialized = count
            }
        }
        let dense = words(denseWords, as: UInt32.self)
        let sparse = words(sparseWords, as: UInt32.self)
        let outputStart = words(stateCount + 1, as: UInt32.self)
        let outputPatterns = words(outputCount, as: UInt32.self)
        let matchCount = words(stateCount, as: UInt32.self)
        let patternLengths = words(patternCount, as: UInt32.self)
        let outputLink = words(stateCount, as: Int32.self)
        self.init(patternCount: patternCount, stateCount: stateCount, denseCount: denseCount, classCount: classCount,
                  midWidth: midWidth, denseLimit: denseLimit, classOf: classOf, dense: dense, sparse: sparse,
                  outputStart: outputStart, outputPatterns: outputPatterns, outputLink: outputLink,
                  matchCount: matchCount, patternLengths: patternLengths)
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(values))
    }
}

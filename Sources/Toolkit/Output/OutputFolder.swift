import Foundation

/// The only place scripts may write, and a jail: names are relative paths inside it, checked as
/// bytes (no control characters, valid UTF-8, no hidden or `..` parts, bounded length), and every
/// folder on the way is opened relative to the one before without following symbolic links, so a
/// link planted inside the output folder never leads a write outside it. Each file is written to a
/// temporary file first and renamed into place, so a reader (or a failed or interrupted run) never
/// sees half a file; a failed write leaves no folder it created behind.
public struct OutputFolder: Sendable {
    public let url: URL

    /// Bytes of one part of a name (the file system's NAME_MAX, less room for the temporary name).
    public static let maximumPartBytes = 200
    /// Bytes of a whole name.
    public static let maximumNameBytes = 1024

    public init(url: URL) { self.url = url }

    /// The parts of a script-given name, or an error saying why it is refused.
    public func parts(of name: [UInt8]) throws -> [String] {
        func refuse(_ why: String) -> ToolkitError {
            let shown = String(decoding: name, as: UTF8.self).unicodeScalars
                .map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            return .output("'\(shown)' is not a valid output name: \(why)")
        }
        guard let text = String(validating: name, as: UTF8.self) else {
            throw refuse("it is not valid UTF-8 text")
        }
        if let control = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw refuse("it holds the control character U+\(String(format: "%04X", control.value))")
        }
        guard name.count <= OutputFolder.maximumNameBytes else {
            throw refuse("it is \(name.count) bytes long; names may have at most \(OutputFolder.maximumNameBytes)")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, !text.hasPrefix("/"), !text.contains("\\"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") })
        else {
            throw refuse("use a relative path inside the output folder, like \"people.csv\" or \"tables/people.csv\"")
        }
        if let long = parts.first(where: { $0.utf8.count > OutputFolder.maximumPartBytes }) {
            throw refuse("its part '\(long.prefix(40))...' is \(long.utf8.count) bytes long; each part may have at most \(OutputFolder.maximumPartBytes)")
        }
        return parts
    }

    /// Writes the bytes atomically and returns the final path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> URL {
        try write(data, toName: Array(name.utf8))
    }

    /// Writes the bytes atomically under a name given as bytes (as a script gives it).
    @discardableResult
    public func write(_ data: Data, toName name: [UInt8]) throws -> URL {
        try write(data, toName: name, failingBeforeRename: false)
    }

    /// `failingBeforeRename` makes the write fail at its last step, for the tests of the cleanup.
    func write(_ data: Data, toName name: [UInt8], failingBeforeRename: Bool) throws -> URL {
        let file = try open(name)
        do {
            try data.withUnsafeBytes { try file.append(UnsafeRawBufferPointer($0)) }
            return try file.commit(failingBeforeRename: failingBeforeRename)
        } catch {
            file.discard()
            throw error
        }
    }

    /// Opens a file to be written piece by piece: it is a temporary file beside its final place
    /// until `commit()` renames it there; `discard()` (or a failed commit) removes it and the
    /// folders made for it.
    public func open(_ name: [UInt8]) throws -> OutputFile {
        let parts = try parts(of: name)
        let target = url.appendingPathComponent(parts.joined(separator: "/"))
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ToolkitError.output("cannot create the output folder \(url.path): \(error.localizedDescription) (choose another with --out)")
        }
        let folder = Foundation.open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw OutputFile.failure(target, "cannot open the output folder") }
        return try OutputFile(folder: folder, parts: parts, target: target)
    }
}

/// One output file being written: a temporary file in its folder (opened through the jail's
/// checks), buffered, put in place whole by `commit()`.
public final class OutputFile {
    /// Where the file goes once committed.
    public let target: URL
    /// The temporary file's path while it is written, for writers that need a path (SQLite).
    public let temporaryPath: String
    private var folder: Int32
    private var opened: [Int32]
    private var created: [(parent: Int32, name: String)] = []
    private let temporaryName: String
    private let finalName: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    /// Bytes buffered before a write to the file.
    static let bufferSize = 64 * 1024

    fileprivate init(folder root: Int32, parts: [String], target: URL) throws {
        self.target = target
        folder = root
        opened = [root]
        finalName = parts.last!
        temporaryName = ".\(finalName.prefix(40)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        temporaryPath = target.deletingLastPathComponent().appendingPathComponent(temporaryName).path
        descriptor = -1
        do {
            for part in parts.dropLast() {
                if mkdirat(folder, part, 0o755) == 0 {
                    created.append((folder, part))
                } else if errno != EEXIST {
                    throw OutputFile.failure(target, "cannot create the folder '\(part)'")
                }
                let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { throw OutputFile.failure(target, "cannot enter '\(part)'") }
                opened.append(next)
                folder = next
            }
            descriptor = openat(folder, temporaryName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputFile.failure(target, "cannot create a temporary file") }
            TemporaryFiles.shared.add(temporaryPath)
        } catch {
            release(keepFolders: false)
            throw error
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes; they reach the file in pieces of `bufferSize`.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "append after commit or discard")
        if buffer.count + bytes.count > OutputFile.bufferSize {
            try flush()
            if bytes.count > OutputFile.bufferSize {
                try writeAll(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    public func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes out what is buffered (a writer that hands the file to a library does this first).
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        try pending.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputFile.failure(target, "cannot write the data")
            }
            offset += n
        }
    }

    /// Puts the file in place whole and returns its path.
    @discardableResult
    public func commit() throws -> URL {
        try commit(failingBeforeRename: false)
    }

    func commit(failingBeforeRename: Bool) throws -> URL {
        precondition(!finished, "commit after commit or discard")
        do {
            try flush()
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw OutputFile.failure(target, "cannot write the data") }
            if failingBeforeRename || renameat(folder, temporaryName, folder, finalName) != 0 {
                throw OutputFile.failure(target, "cannot put the file in place", failingBeforeRename ? EIO : errno)
            }
        } catch {
            discard()
            throw error
        }
        finished = true
        TemporaryFiles.shared.remove(temporaryPath)
        release(keepFolders: true)
        return target
    }

    /// Removes the temporary file and the folders made for it; nothing of it stays.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlinkat(folder, temporaryName, 0)
        TemporaryFiles.shared.remove(temporaryPath)
        release(keepFolders: false)
    }

    private func release(keepFolders: Bool) {
        if !keepFolders {
            for (parent, name) in created.reversed() { unlinkat(parent, name, AT_REMOVEDIR) }
        }
        created = []
        for fd in opened { close(fd) }
        opened = []
    }

    static func failure(_ target: URL, _ what: String, _ code: Int32 = errno) -> ToolkitError {
        let reason: String
        switch code {
        case ELOOP, ENOTDIR: reason = "a part of the path inside the output folder is a symbolic link or a file; outputs are never written through links"
        case EACCES, EPERM, EROFS: reason = "permission denied (check that the output folder is writable, or choose another with --out)"
        case ENOSPC, EDQUOT: reason = "no space left on the device"
        case EISDIR: reason = "a folder of that name is in the way"
        case ENAMETOOLONG: reason = "the path is too long for the file system"
        default: reason = String(cString: strerror(code))
        }
        return .output("cannot write \(target.path): \(what): \(reason)")
    }
}

/// Temporary files being written right now, so that a run ended by force (a second Ctrl-C, a
/// script the watchdog had to stop) removes them before the process exits.
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    func remove(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Deletes every file still being written. Called on the way out; never blocks on a busy lock
    /// for more than a moment (the writer may be the thread that is stuck).
    public func removeAll() {
        guard lock.lock(before: Date().addingTimeInterval(0.2)) else { return }
        for path in paths { unlink(path) }
        paths.removeAll()
        lock.unlock()
    }
}

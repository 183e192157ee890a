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
        let parts = try parts(of: name)
        let target = url.appendingPathComponent(parts.joined(separator: "/"))
        let shown = target.path
        func failure(_ what: String, _ code: Int32 = errno) -> ToolkitError {
            let reason: String
            switch code {
            case ELOOP, ENOTDIR: reason = "a part of the path inside the output folder is a symbolic link or a file; outputs are never written through links"
            case EACCES, EPERM, EROFS: reason = "permission denied (check that the output folder is writable, or choose another with --out)"
            case ENOSPC, EDQUOT: reason = "no space left on the device"
            case EISDIR: reason = "a folder of that name is in the way"
            case ENAMETOOLONG: reason = "the path is too long for the file system"
            default: reason = String(cString: strerror(code))
            }
            return .output("cannot write \(shown): \(what): \(reason)")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ToolkitError.output("cannot create the output folder \(url.path): \(error.localizedDescription) (choose another with --out)")
        }
        var folder = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure("cannot open the output folder") }
        var created: [(parent: Int32, name: String)] = []
        var opened: [Int32] = [folder]
        var committed = false
        defer {
            if !committed {
                for (parent, name) in created.reversed() { unlinkat(parent, name, AT_REMOVEDIR) }
            }
            for fd in opened { close(fd) }
        }
        for part in parts.dropLast() {
            if mkdirat(folder, part, 0o755) == 0 {
                created.append((folder, part))
            } else if errno != EEXIST {
                throw failure("cannot create the folder '\(part)'")
            }
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw failure("cannot enter '\(part)'") }
            opened.append(next)
            folder = next
        }
        let finalName = parts.last!
        let temporary = ".\(finalName.prefix(40)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let file = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw failure("cannot create a temporary file") }
        let temporaryPath = target.deletingLastPathComponent().appendingPathComponent(temporary).path
        TemporaryFiles.shared.add(temporaryPath)
        defer { TemporaryFiles.shared.remove(temporaryPath) }
        let written: Int32 = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(file, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        let closed = close(file) == 0 ? 0 : errno
        if written != 0 || closed != 0 {
            unlinkat(folder, temporary, 0)
            throw failure("cannot write the data", written != 0 ? written : closed)
        }
        if failingBeforeRename || renameat(folder, temporary, folder, finalName) != 0 {
            let code = failingBeforeRename ? EIO : errno
            unlinkat(folder, temporary, 0)
            throw failure("cannot put the file in place", code)
        }
        committed = true
        return target
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

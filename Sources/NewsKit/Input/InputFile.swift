import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input file, after making sure it is one. A FIFO, socket or device named `*.txt` is
/// never opened (opening a FIFO blocks until a writer comes, forever in a batch run), and every
/// refusal names the real reason: a folder, a broken link, a link loop, permission denied.
public enum InputFile {
    public static func read(path: String, shownAs name: String) -> Result<Data, InputProblem> {
        func problem(_ detail: String) -> Result<Data, InputProblem> {
            .failure(InputProblem(.unreadable, place: name, detail: detail))
        }
        // stat first, lstat only to explain a failure: one call for the common case, and the
        // type is known before anything is opened.
        var info = stat()
        if stat(path, &info) != 0 {
            let error = errno
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                if error == ENOENT {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
                    return problem("broken symbolic link\(target) (what it points to does not exist)")
                }
                if error == ELOOP { return problem("symbolic link loop (the link leads back to itself)") }
            }
            return problem(describe(errno: error))
        }
        if let kind = notAFile(info.st_mode) { return problem(kind) }

        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return problem(describe(errno: errno)) }
        defer { close(fd) }
        // The entry may have been swapped between the check and the open; the open file decides.
        if fstat(fd, &info) != 0 { return problem(describe(errno: errno)) }
        if let kind = notAFile(info.st_mode) { return problem(kind) }

        // Uninitialised memory handed to Data without a copy: zero-filling first would touch every
        // page twice.
        var capacity = max(Int(info.st_size), 0) + 1
        guard var buffer = malloc(capacity) else { return problem("cannot be read (out of memory)") }
        var filled = 0
        while true {
            if filled == capacity {
                capacity += max(1 << 16, capacity / 2)
                guard let grown = realloc(buffer, capacity) else { free(buffer); return problem("cannot be read (out of memory)") }
                buffer = grown
            }
            let got = systemRead(fd, buffer + filled, capacity - filled)
            if got < 0 {
                if errno == EINTR { continue }
                let error = errno
                free(buffer)
                return problem(describe(errno: error))
            }
            if got == 0 { break }
            filled += got
        }
        return .success(Data(bytesNoCopy: buffer, count: filled, deallocator: .free))
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }

    private static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder, not a file"
        case S_IFIFO: return "a named pipe (FIFO), not a file; not opened, as reading it would wait for a writer"
        case S_IFSOCK: return "a socket, not a file"
        case S_IFCHR, S_IFBLK: return "a device, not a file"
        default: return "not a regular file"
        }
    }

    static func describe(errno error: Int32) -> String {
        switch error {
        case EACCES, EPERM: return "permission denied (the user running toolkit may not read it; check its mode and owner)"
        case ENOENT: return "no such file (it was removed while the run was going)"
        case ENOTDIR: return "a part of its path is not a folder"
        case ELOOP: return "symbolic link loop"
        case EISDIR: return "a folder, not a file"
        case ENAMETOOLONG: return "path too long"
        default: return "cannot be read (\(String(cString: strerror(error))))"
        }
    }
}

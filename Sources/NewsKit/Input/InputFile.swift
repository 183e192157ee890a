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
        open(path: path, shownAs: name).flatMap { file in
            defer { close(file.descriptor) }
            return readRest(of: file.descriptor, sizeHint: file.size, shownAs: name)
        }
    }

    /// The document of a text file. Clean UTF-8 (nearly every file) is read straight into the
    /// string's storage, so the file is in memory once, not as bytes and then as text; anything
    /// else is read as bytes and goes through `InputDecoder` (`Document.read`).
    public static func document(path: String, shownAs name: String) -> Result<Document, InputProblem> {
        open(path: path, shownAs: name).flatMap { file in
            defer { close(file.descriptor) }
            if file.size > 0, let text = cleanText(file.descriptor, size: file.size),
               !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
                return .success(Document(origin: name, decoded: DecodedInput(text: text, encoding: "UTF-8", problems: [])))
            }
            guard lseek(file.descriptor, 0, SEEK_SET) == 0 else {
                return .failure(InputProblem(.unreadable, place: name, detail: describe(errno: errno)))
            }
            return readRest(of: file.descriptor, sizeHint: file.size, shownAs: name).flatMap { Document.read(origin: name, bytes: $0) }
        }
    }

    /// The file's `size` bytes as a string when they are valid UTF-8 without NULs or a byte-order
    /// mark and the file holds no more; nil for anything the decoder has to look at.
    private static func cleanText(_ fd: Int32, size: Int) -> String? {
        var clean = false
        let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
            var filled = 0
            while filled < size {
                let got = systemRead(fd, buffer.baseAddress! + filled, size - filled)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return 0 }
                filled += got
            }
            var probe: UInt8 = 0
            guard systemRead(fd, &probe, 1) == 0 else { return 0 }
            let bytes = UnsafeBufferPointer(buffer)
            guard memchr(buffer.baseAddress!, 0, size) == nil,
                  !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
                  UTF8Shape(bytes).invalid == 0 else { return 0 }
            clean = true
            return size
        }
        return clean ? text : nil
    }

    /// Calls `body` with the file's bytes in order, `chunkSize` bytes at a time (fewer at the end),
    /// so that a file of any size is read in that much memory.
    public static func chunks(path: String, shownAs name: String, chunkSize: Int = 4 << 20,
                              _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> InputProblem?
    {
        let file: (descriptor: Int32, size: Int)
        switch open(path: path, shownAs: name) {
        case .success(let opened): file = opened
        case .failure(let problem): return problem
        }
        defer { close(file.descriptor) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let got = systemRead(file.descriptor, buffer, chunkSize)
            if got < 0 {
                if errno == EINTR { continue }
                return InputProblem(.unreadable, place: name, detail: describe(errno: errno))
            }
            if got == 0 { return nil }
            try body(UnsafeBufferPointer(start: buffer, count: got))
        }
    }

    /// The open file and its size, after making sure it is a regular file.
    static func open(path: String, shownAs name: String) -> Result<(descriptor: Int32, size: Int), InputProblem> {
        func problem(_ detail: String) -> Result<(descriptor: Int32, size: Int), InputProblem> {
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

        let fd = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return problem(describe(errno: errno)) }
        // The entry may have been swapped between the check and the open; the open file decides.
        if fstat(fd, &info) != 0 { let error = errno; close(fd); return problem(describe(errno: error)) }
        if let kind = notAFile(info.st_mode) { close(fd); return problem(kind) }
        return .success((fd, max(Int(info.st_size), 0)))
    }

    /// The rest of an open file, whole.
    static func readRest(of fd: Int32, sizeHint: Int, shownAs name: String) -> Result<Data, InputProblem> {
        func problem(_ detail: String) -> Result<Data, InputProblem> {
            .failure(InputProblem(.unreadable, place: name, detail: detail))
        }
        // Uninitialised memory handed to Data without a copy: zero-filling first would touch every
        // page twice.
        var capacity = sizeHint + 1
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

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags)
        #else
        return Darwin.open(path, flags)
        #endif
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

import Foundation

/// What one read at the prompt gave.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C: drop what was typed (and any unfinished chunk).
    case cancel
    /// Ctrl-D on an empty line, or the end of the input.
    case end
}

/// Where the prompt's lines come from.
protocol LineSource: AnyObject {
    func read(prompt: String) -> LineInput
}

/// A small line editor over the terminal in raw mode: left/right, home/end (and Ctrl-A/Ctrl-E),
/// backspace and delete, Ctrl-U/Ctrl-K/Ctrl-W, history with up/down, Ctrl-C and Ctrl-D.
///
/// Written here rather than linked from libedit or readline: it is a couple of hundred lines with
/// no system library to install, package or keep in step on every machine, and it keeps the
/// terminal cooked whenever a chunk runs, so that Ctrl-C then is a real SIGINT that stops the
/// chunk through the same path as a script's. It edits one screen line: a line longer than the
/// terminal is wide, or text the terminal reorders (right-to-left scripts), still edits correctly
/// but may be redrawn imperfectly.
final class LineEditor: LineSource {
    let input: Int32
    let output: Int32
    let history: LineHistory
    private var pending: [UInt8] = []

    init(input: Int32 = 0, output: Int32, history: LineHistory) {
        self.input = input
        self.output = output
        self.history = history
    }

    func read(prompt: String) -> LineInput {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return readCooked(prompt: prompt) }
        var raw = saved
        // No echo, no line buffering, no signals from keys (Ctrl-C is read as a byte here), no
        // CR->NL mapping, no flow control; output processing stays on so "\n" still returns the carriage.
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSADRAIN, &raw)
        defer { tcsetattr(input, TCSADRAIN, &saved) }
        return edit(prompt: prompt)
    }

    /// Without a terminal to set (the input is a terminal that refuses raw mode): plain lines.
    private func readCooked(prompt: String) -> LineInput {
        write(prompt)
        var line: [UInt8] = []
        while let byte = nextByte() {
            if byte == 0x0A { return .line(String(decoding: line, as: UTF8.self)) }
            line.append(byte)
        }
        return line.isEmpty ? .end : .line(String(decoding: line, as: UTF8.self))
    }

    private func edit(prompt: String) -> LineInput {
        var buffer: [Unicode.Scalar] = []
        var cursor = 0
        // History position: history.count is the line being typed, kept in `draft` while browsing.
        var position = history.entries.count
        var draft: [Unicode.Scalar] = []

        func redraw() {
            let after = buffer[cursor...].reduce(0) { $0 + LineEditor.width($1) }
            var text = "\r" + prompt + String(String.UnicodeScalarView(buffer)) + "\u{1B}[K"
            if after > 0 { text += "\u{1B}[\(after)D" }
            write(text)
        }
        func moveLeft() {
            while cursor > 0 {
                cursor -= 1
                if LineEditor.width(buffer[cursor]) > 0 { break }
            }
        }
        func moveRight() {
            guard cursor < buffer.count else { return }
            cursor += 1
            while cursor < buffer.count && LineEditor.width(buffer[cursor]) == 0 { cursor += 1 }
        }
        func show(_ entry: [Unicode.Scalar]) {
            buffer = entry
            cursor = buffer.count
        }

        func browse(_ step: Int) {
            let target = position + step
            guard target >= 0 && target <= history.entries.count else { return }
            if position == history.entries.count { draft = buffer }
            position = target
            show(target == history.entries.count ? draft : Array(history.entries[target].unicodeScalars))
        }

        write(prompt)
        while true {
            guard let byte = nextByte() else {
                write("\r\n")
                return buffer.isEmpty ? .end : .line(String(String.UnicodeScalarView(buffer)))
            }
            switch byte {
            case 0x0D, 0x0A:
                write("\r\n")
                let line = String(String.UnicodeScalarView(buffer))
                history.add(line)
                return .line(line)
            case 0x03:
                write("^C\r\n")
                return .cancel
            case 0x04:
                if buffer.isEmpty {
                    write("\r\n")
                    return .end
                }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case 0x7F, 0x08:
                let end = cursor
                moveLeft()
                buffer.removeSubrange(cursor..<end)
            case 0x01: cursor = 0
            case 0x05: cursor = buffer.count
            case 0x02: moveLeft()
            case 0x06: moveRight()
            case 0x0B: buffer.removeSubrange(cursor...)
            case 0x15:
                buffer.removeSubrange(..<cursor)
                cursor = 0
            case 0x17:
                var start = cursor
                while start > 0 && buffer[start - 1].properties.isWhitespace { start -= 1 }
                while start > 0 && !buffer[start - 1].properties.isWhitespace { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
            case 0x10, 0x0E:
                browse(byte == 0x10 ? -1 : 1)
            case 0x1B:
                switch escapeSequence() {
                case "[D", "OD": moveLeft()
                case "[C", "OC": moveRight()
                case "[H", "OH", "[1~", "[7~": cursor = 0
                case "[F", "OF", "[4~", "[8~": cursor = buffer.count
                case "[3~": if cursor < buffer.count { buffer.remove(at: cursor) }
                case "[A", "OA": browse(-1)
                case "[B", "OB": browse(1)
                default: break
                }
            case 0x09:
                buffer.insert(contentsOf: "  ".unicodeScalars, at: cursor)
                cursor += 2
            case 0x00..<0x20:
                break
            default:
                if let scalar = scalar(startingWith: byte) {
                    buffer.insert(scalar, at: cursor)
                    cursor += 1
                }
            }
            redraw()
        }

    }

    /// The rest of an escape sequence after ESC: `[A`, `[3~`, `OH`.
    private func escapeSequence() -> String {
        guard let first = nextByte() else { return "" }
        var text = String(UnicodeScalar(first))
        guard first == UInt8(ascii: "[") || first == UInt8(ascii: "O") else { return text }
        while let byte = nextByte() {
            text.append(Character(UnicodeScalar(byte)))
            // Parameters are digits and ';'; anything else ends the sequence.
            if !(byte >= 0x30 && byte <= 0x3F) { break }
        }
        return text
    }

    /// One UTF-8 encoded character whose first byte was read; nil for bytes that are not UTF-8.
    private func scalar(startingWith first: UInt8) -> Unicode.Scalar? {
        let length = first < 0x80 ? 1 : first >> 5 == 0b110 ? 2 : first >> 4 == 0b1110 ? 3 : first >> 3 == 0b11110 ? 4 : 0
        guard length > 0 else { return nil }
        var bytes = [first]
        while bytes.count < length, let next = nextByte() { bytes.append(next) }
        return String(validating: bytes, as: UTF8.self)?.unicodeScalars.first
    }

    private func nextByte() -> UInt8? {
        if !pending.isEmpty { return pending.removeFirst() }
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if n > 0 {
                pending = Array(chunk[1..<n])
                return chunk[0]
            }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Columns a character takes on a terminal: none for combining marks and format characters, two
    /// for East Asian wide ones, one for the rest.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

/// The prompt's history: the lines typed, kept in a file between sessions, the last `limit` only.
final class LineHistory {
    private(set) var entries: [String] = []
    let file: URL?
    let limit: Int

    init(file: URL?, limit: Int = 1000) {
        self.file = file
        self.limit = limit
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return }
        entries = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if entries.count > limit {
            entries = Array(entries.suffix(limit))
            try? Data((entries.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        }
    }

    /// `$XDG_STATE_HOME/toolkit/lua_history`, else `~/.local/state/toolkit/lua_history`.
    static var defaultFile: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("toolkit/lua_history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/toolkit/lua_history")
    }

    func add(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != entries.last else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        guard let file else { return }
        // Appended as typed, so that a session that is killed keeps its lines; trimmed at the next start.
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }
}

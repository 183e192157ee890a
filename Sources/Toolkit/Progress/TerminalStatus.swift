import Foundation

/// The one status line a run may keep at the bottom of a terminal's standard error, rewritten in
/// place (carriage return, erase line). Everything else written to the terminal goes through
/// `writing(_:)`, which erases the line first, so messages and printed output never land in the
/// middle of it; the next update draws it again below them.
public final class TerminalStatus: @unchecked Sendable {
    public static let shared = TerminalStatus()

    private let lock = NSLock()
    private var shown = false
    private static let erase = Array("\r\u{1B}[K".utf8)

    /// Draws `line` in place of the status line (to standard error, without a line break).
    func show(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        Self.write(Self.erase + Array(line.utf8))
        shown = true
    }

    /// Erases the status line, if one is shown.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
    }

    /// Runs `body`, which writes to the terminal, with the status line erased first.
    public func writing<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
        return try body()
    }

    private func eraseLocked() {
        guard shown else { return }
        Self.write(Self.erase)
        shown = false
    }

    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(2, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }
}

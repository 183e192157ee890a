import Foundation

/// Where a run's text goes. The CLI passes the process's stdout and stderr; an embedding program
/// or a test passes its own sinks.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output (buffered, flushed by `flush()`) and standard error.
    public static let standard = Console(out: { standardOutput.write($0) }, err: { line in
        standardOutput.flush() // keep stdout and stderr in the order they were written
        TerminalStatus.shared.writing {
            FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
        }
    })

    static let standardOutput = StandardOutputBuffer()

    public static func flushStandardOutput() { standardOutput.flush() }

    /// Flushes unless another thread holds the buffer for longer than a moment (it may be the one
    /// that is stuck): for the way out of a run that is ended by force.
    static func flushStandardOutputIfFree() { standardOutput.flush(waiting: 0.2) }
}

/// Collects standard output and writes it in large blocks: `print` in a loop over 100,000 articles
/// must not make 100,000 system calls.
final class StandardOutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        lock.lock()
        bytes += text.utf8
        let full = bytes.count >= 1 << 16
        lock.unlock()
        if full { flush() }
    }

    func flush(waiting seconds: Double? = nil) {
        if let seconds {
            guard lock.lock(before: Date().addingTimeInterval(seconds)) else { return }
        } else {
            lock.lock()
        }
        defer { lock.unlock() }
        // A progress line on the same terminal is erased first (it is drawn again below).
        if !bytes.isEmpty {
            TerminalStatus.shared.writing {
                var offset = 0
                while offset < bytes.count {
                    let written = bytes[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

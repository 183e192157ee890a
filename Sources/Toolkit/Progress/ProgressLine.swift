import Foundation

/// How a run shows its progress: one line on standard error, rewritten in place, once the run has
/// taken a second (`TerminalStatus`).
public enum ProgressDisplay: Sendable, Equatable {
    /// Never (`--quiet`, and programs that embed the engine by default).
    case never
    /// When standard error is a terminal (the command line's default).
    case onTerminal
    /// Always, even into a file or pipe (`--progress`, for tests and logs).
    case always
}

/// The progress of a run's passes over the corpus: articles, megabytes and megabytes a second of
/// the pass being read, with the share done and the time left when the corpus's size is known.
/// A thread redraws it a few times a second; it follows one pass at a time (the latest one
/// started once the one shown has ended) and is erased when that pass ends.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int?
    private let delay: Double
    private let started = Date()
    private var stream: ArticleStream?
    private var passStarted = Date()
    private var finished = false
    private let status: TerminalStatus

    /// `total` is the corpus's size in bytes, when known; the line shows from `delay` seconds on.
    public init(total: Int?, delay: Double = 1, status: TerminalStatus = .shared) {
        self.total = total
        self.delay = delay
        self.status = status
        let thread = Thread { [weak self] in
            while let line = self, line.tick() {
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        thread.name = "toolkit.progress"
        thread.start()
    }

    /// A progress line when `display` asks for one here (standard error a terminal, or always).
    /// `total` is asked only when the line is made.
    public static func make(_ display: ProgressDisplay, total: @autoclosure () -> Int?) -> ProgressLine? {
        switch display {
        case .never: return nil
        case .onTerminal: return isatty(2) == 1 ? ProgressLine(total: total()) : nil
        case .always: return ProgressLine(total: total())
        }
    }

    /// Shows `stream` from now on, unless the pass shown has not ended (a loop inside a loop).
    func follow(_ stream: ArticleStream) {
        lock.lock()
        defer { lock.unlock() }
        if let current = self.stream, !current.progress.ended { return }
        self.stream = stream
        passStarted = Date()
    }

    /// Stops drawing and erases the line (at the end of the run).
    public func finish() {
        lock.lock()
        finished = true
        lock.unlock()
        status.clear()
    }

    /// One redraw; false once finished.
    private func tick() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return false }
        guard let stream, Date().timeIntervalSince(started) >= delay else { return true }
        let progress = stream.progress
        if progress.ended {
            self.stream = nil
            status.clear()
        } else {
            status.show(Self.format(articles: progress.articles, bytes: progress.bytes,
                                    seconds: Date().timeIntervalSince(passStarted), total: total))
        }
        return true
    }

    /// `toolkit: 1,234 articles, 12.5 MB, 4.1 MB/s, 38%, 8 s left`: the time left from the pass's
    /// rate so far, when the total is known and the pass has read something.
    public static func format(articles: Int, bytes: Int, seconds: Double, total: Int?) -> String {
        let megabytes = Double(bytes) / 1e6
        let rate = seconds > 0 ? megabytes / seconds : 0
        var line = "toolkit: \(InputSummary.grouped(articles)) article\(articles == 1 ? "" : "s"), \(String(format: "%.1f", megabytes)) MB, \(String(format: "%.1f", rate)) MB/s"
        if let total, total > 0 {
            // The bytes counted are the articles' text, a little less than the files': never 100% early.
            let share = min(Double(bytes) / Double(total), 0.99)
            line += ", \(Int(share * 100))%"
            if bytes > 0, rate > 0 {
                line += ", " + remaining(seconds: max(0, Double(total - bytes) / 1e6 / rate)) + " left"
            }
        }
        return line
    }

    /// 8 s, 3 min 05 s, 1 h 02 min.
    static func remaining(seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", (s % 3600) / 60)) min"
    }
}

import Foundation
import NewsKit

/// A run's account of its inputs: prints each problem as it comes (a note when the text was read
/// in full, a warning when something was lost), counts them by kind, and gives the one line a run
/// on more than one input ends with:
///
///     toolkit: 9,689 articles read, 3 skipped: 1 binary (a/x.txt), 1 empty (a/e.txt), 1 not valid JSON (corpus/a.jsonl:17)
public final class InputSummary: @unchecked Sendable {
    private let lock = NSLock()
    private let console: Console
    private var counts: [InputProblem.Kind: (count: Int, first: String)] = [:]
    private var firstSkips: [String] = []

    public init(console: Console) { self.console = console }

    /// Prints the problem and counts it. Called from the reading thread.
    public func report(_ problem: InputProblem) {
        lock.lock()
        let seen = counts[problem.kind]
        counts[problem.kind] = ((seen?.count ?? 0) + 1, seen?.first ?? problem.place)
        if problem.kind.skipsInput, firstSkips.count < 3 { firstSkips.append(problem.message) }
        lock.unlock()
        console.err("toolkit: \(problem.isNote ? "note" : "warning"): \(problem.message)")
    }

    /// Prints a note that is no problem of the input (nothing lost, nothing counted).
    public func note(_ message: String) {
        console.err("toolkit: note: \(message)")
    }

    /// A warning about the run's inputs as a whole, not one input's problem (not counted).
    public func warn(_ message: String) {
        console.err("toolkit: warning: \(message)")
    }

    /// Inputs that gave no article (files, folders, JSON lines).
    public var skipped: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.filter { $0.key.skipsInput }.values.reduce(0) { $0 + $1.count }
    }

    /// Warnings printed (notes on another encoding are not warnings).
    public var warnings: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.filter { $0.key != .otherEncoding }.values.reduce(0) { $0 + $1.count }
    }

    /// Why nothing could be read, for the "no readable input" error: the first few skips.
    public var skipReasons: String {
        lock.lock()
        defer { lock.unlock() }
        let total = counts.filter { $0.key.skipsInput }.values.reduce(0) { $0 + $1.count }
        return firstSkips.joined(separator: "; ") + (total > firstSkips.count ? "; and \(total - firstSkips.count) more" : "")
    }

    /// The summary line, or nil for a run on a single input (its warnings already said it all).
    public func line(articles: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        func clause(_ kind: InputProblem.Kind) -> String? {
            guard let (count, first) = counts[kind] else { return nil }
            return "\(Self.grouped(count)) \(kind.label) (\(count == 1 ? "" : "first ")\(first))"
        }
        let skips = InputProblem.Kind.allCases.filter(\.skipsInput)
        let skipped = skips.compactMap { counts[$0]?.count }.reduce(0, +)
        guard articles + skipped > 1 else { return nil }
        var line = "toolkit: \(Self.grouped(articles)) article\(articles == 1 ? "" : "s") read"
        if skipped > 0 {
            line += ", \(Self.grouped(skipped)) skipped: " + skips.compactMap(clause).joined(separator: ", ")
        }
        let read = InputProblem.Kind.allCases.filter { !$0.skipsInput }.compactMap(clause)
        if !read.isEmpty { line += "; " + read.joined(separator: ", ") }
        return line
    }

    /// 9689 as "9,689", the same in every locale (the line is for logs as much as for people).
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}

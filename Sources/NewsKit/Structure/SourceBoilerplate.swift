import Foundation

/// Lines that recur across many articles of one source are that site's furniture (an app notice,
/// a disclaimer, a licence line), whatever the markers know. A run learns them before it parses:
/// `SourceLineCounts` counts, over the whole input, in how many different articles of each source
/// every short line occurs; `SourceBoilerplate` keeps the lines past both thresholds, and tags each
/// record with the keys of its lines that are among them (`InputRecord.repeatedLines`), which the
/// parser types as boilerplate. Counting everything first makes the result independent of the order
/// in which workers parse, and the tag is part of the record, so the article cache keys it too.
public struct SourceBoilerplate: Sendable {
    /// A line is learnt when it occurs in at least this many distinct articles of its source...
    public static let minimumArticles = 5
    /// ...and in at least this share of them (a story's paragraph quoted by a few follow-ups is
    /// not furniture; a notice on one article in ten is).
    public static let minimumShare = 0.02
    /// Longer lines are paragraphs, never counted (it also bounds the memory of counting).
    public static let maximumLineBytes = 400

    /// Line keys learnt for each source key.
    public let lines: [String: Set<UInt64>]

    public init(lines: [String: Set<UInt64>]) { self.lines = lines }

    public var isEmpty: Bool { lines.isEmpty }

    /// The keys of the record's lines that are learnt boilerplate of its source, in text order.
    public func repeatedLines(of record: InputRecord) -> [UInt64] {
        guard !lines.isEmpty, let source = Self.sourceKey(of: record), let learnt = lines[source] else { return [] }
        var found: [UInt64] = []
        Self.forEachLineKey(of: record.document.text) { key in
            if learnt.contains(key) && !found.contains(key) { found.append(key) }
        }
        return found
    }

    /// The site an article comes from: its source field, else its URL's host (without `www.`).
    /// Records with neither (plain text files) have none, and nothing is learnt for them.
    public static func sourceKey(of record: InputRecord) -> String? {
        if let source = record.source?.trimming(.whitespaces), !source.isEmpty { return source.lowercased() }
        guard let url = record.url, let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// The key of each non-empty line of `text` no longer than `maximumLineBytes`.
    static func forEachLineKey(of text: String, _ body: (UInt64) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i - start <= maximumLineBytes, let key = lineKey(UnsafeBufferPointer(rebasing: bytes[start..<i])) {
                    body(key)
                }
                start = i + 1
            }
        }
    }

    /// A line's key: FNV-1a over its bytes with runs of white space made one space, the ends
    /// trimmed and ASCII letters lowered; nil for a blank line.
    public static func lineKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var pendingSpace = false
        var any = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = any
                continue
            }
            if pendingSpace {
                hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3
                pendingSpace = false
            }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            hash = (hash ^ UInt64(lowered)) &* 0x0000_0100_0000_01B3
            any = true
        }
        return any ? hash : nil
    }

    public static func lineKey(_ line: Substring) -> UInt64? {
        var line = String(line)
        return line.withUTF8 { lineKey($0) }
    }
}

/// The counting half of `SourceBoilerplate`: articles per source and, per line key, the number of
/// distinct articles of the source it occurs in. An article whose text was already counted for its
/// source (the same story twice in a corpus) counts once.
public struct SourceLineCounts: Sendable {
    private struct Source {
        var articles = 0
        var texts: Set<UInt64> = []
        var lines: [UInt64: Int] = [:]
    }
    private var sources: [String: Source] = [:]

    public init() {}

    public mutating func count(_ record: InputRecord) {
        guard record.page == nil, let key = SourceBoilerplate.sourceKey(of: record) else { return }
        var text = record.document.text
        let textKey = text.withUTF8 { SourceBoilerplate.lineKey($0) } ?? 0
        var source = sources[key, default: Source()]
        defer { sources[key] = source }
        guard source.texts.insert(textKey).inserted else { return }
        source.articles += 1
        var seen: Set<UInt64> = []
        SourceBoilerplate.forEachLineKey(of: record.document.text) { line in
            if seen.insert(line).inserted { source.lines[line, default: 0] += 1 }
        }
    }

    /// Distinct articles counted for a source key.
    public func articles(of source: String) -> Int { sources[source]?.articles ?? 0 }

    /// The lines of each source past both thresholds.
    public func learnt(minimumArticles: Int = SourceBoilerplate.minimumArticles,
                       minimumShare: Double = SourceBoilerplate.minimumShare) -> SourceBoilerplate
    {
        var learnt: [String: Set<UInt64>] = [:]
        for (key, source) in sources {
            let needed = max(minimumArticles, Int((Double(source.articles) * minimumShare).rounded(.up)))
            let lines = Set(source.lines.lazy.filter { $0.value >= needed }.map(\.key))
            if !lines.isEmpty { learnt[key] = lines }
        }
        return SourceBoilerplate(lines: learnt)
    }
}

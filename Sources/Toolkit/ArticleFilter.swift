import Foundation
import NewsKit

/// Which articles a pass hands out: languages, a span of dates and sources, from `--lang`,
/// `--since`, `--until`, `--source` or `toolkit.articles{...}`. The stream applies it before an
/// article is annotated, and before it is parsed when the record says enough (a JSON Lines record's
/// `lang`, `date` and `source`), so the articles it leaves out cost little more than being read.
public struct ArticleFilter: Sendable, Equatable {
    /// Language codes kept (`ar`, `fa`); empty keeps every language.
    public var languages: [String]
    /// The first and last day kept, as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (checked by `init`). An
    /// article dated less precisely than a bound is kept when its span overlaps (`2024-03` is kept
    /// by `since = "2024-03-15"`); an article with no date of known year is left out by either.
    public private(set) var since: String?
    public private(set) var until: String?
    /// Texts one of which the article's source must contain (case is ignored); empty keeps every source.
    public var sources: [String]

    /// The filter's keys, as `toolkit.articles{...}` names them (errors list them).
    public static let keys = ["lang", "since", "until", "source", "where"]

    /// Throws `ToolkitError.usage` naming `option` and the bound when a bound is no date.
    public init(languages: [String] = [], since: String? = nil, until: String? = nil, sources: [String] = [],
                naming option: (String) -> String = { "--" + $0 }) throws
    {
        self.languages = languages
        self.sources = sources
        for (name, bound) in [("since", since), ("until", until)] {
            if let bound, !Self.isDate(bound) {
                throw ToolkitError.usage("\(option(name)) \(bound): not a date; give YYYY-MM-DD, YYYY-MM or YYYY (like 2024-01-31)")
            }
        }
        if let since, let until, since > until {
            throw ToolkitError.usage("\(option("since")) \(since) is after \(option("until")) \(until): no article can be kept")
        }
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { languages.isEmpty && since == nil && until == nil && sources.isEmpty }

    /// What the filter says of a record before it is parsed: keep, leave out, or nil when it needs
    /// a field the record does not give. `isoDate` reads the record's own date as the reader would.
    func decision(for record: InputRecord, isoDate: (String) -> String) -> Bool? {
        var undecided = false
        if !languages.isEmpty {
            if let lang = record.lang { if !languages.contains(lang) { return false } } else { undecided = true }
        }
        if since != nil || until != nil {
            if let date = record.date { if !keepsDate(isoDate(date)) { return false } } else { undecided = true }
        }
        if !sources.isEmpty {
            if let source = record.source { if !keepsSource(source) { return false } } else { undecided = true }
        }
        return undecided ? nil : true
    }

    /// Whether the parsed article is kept.
    func accepts(_ article: Article) -> Bool {
        if !languages.isEmpty && !languages.contains(article.lang) { return false }
        if (since != nil || until != nil) && !keepsDate(article.date) { return false }
        if !sources.isEmpty && !keepsSource(article.source) { return false }
        return true
    }

    private func keepsDate(_ date: String?) -> Bool {
        guard let date, let day = Self.leadingDate(date) else { return false }
        // Compared on the precision both have: a month overlaps the days of it.
        func compare(_ bound: String) -> (String, String) {
            let n = min(day.count, bound.count)
            return (String(day.prefix(n)), String(bound.prefix(n)))
        }
        if let since { let (a, b) = compare(since); if a < b { return false } }
        if let until { let (a, b) = compare(until); if a > b { return false } }
        return true
    }

    private func keepsSource(_ source: String?) -> Bool {
        guard let source else { return false }
        return sources.contains { source.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at the start of an ISO date or time, or nil (no year).
    static func leadingDate(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        for length in [10, 7, 4] where bytes.count >= length {
            let candidate = String(decoding: bytes.prefix(length), as: UTF8.self)
            if isDate(candidate) { return candidate }
        }
        return nil
    }

    /// A calendar date of the forms the bounds take, with a real month and day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0])
        else { return false }
        guard parts.count > 1 else { return true }
        guard let month = Int(parts[1]), (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard let day = Int(parts[2]), (1...days).contains(day) else { return false }
        return true
    }

    /// The filter as the command line would give it, for messages (`--lang ar --since 2024`).
    public var description: String {
        var parts: [String] = []
        if !languages.isEmpty { parts.append("lang " + languages.joined(separator: ",")) }
        if let since { parts.append("since " + since) }
        if let until { parts.append("until " + until) }
        if !sources.isEmpty { parts.append("source " + sources.joined(separator: ",")) }
        return parts.joined(separator: ", ")
    }
}

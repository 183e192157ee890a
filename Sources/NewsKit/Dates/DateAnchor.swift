import Foundation

/// The day an article's relative and partial dates are read against ("yesterday", "15 مارس
/// المقبل", "in October", "13 شهریور"): the article's own date when it has a day, else a date
/// its URL carries (`/2018/02/18/`, a Solar Hijri `/1397/05/06/`, a Fars News id
/// `/news/13970506001199`, `/news/8707060255`), else a full date in its title (issue 11).
public enum DateAnchor {
    /// The anchor as a UTC day number, or nil.
    public static func day(date: String?, precision: String?, url: String?, title: String?) -> Int? {
        if precision == "day", let date, let day = isoDay(date) { return day }
        if let url, let day = urlDay(url) { return day }
        if let title, !title.isEmpty {
            for mention in DateParser().find(in: title) where mention.start.precision == .day {
                if let day = isoDay(mention.start.iso) { return day }
            }
        }
        return nil
    }

    static func isoDay(_ iso: String) -> Int? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return DateResolver.dayNumber(.gregorian, parts[0], parts[1], parts[2])
    }

    /// A date in a URL's path: three numeric segments year/month/day (Gregorian, or Solar
    /// Hijri for years 1300-1499), or a news id that opens with the Solar Hijri date.
    static func urlDay(_ url: String) -> Int? {
        let bytes = Array(url.utf8)
        // The path: after "://" and the host.
        var start = 0
        if let scheme = url.range(of: "://") { start = url.utf8.distance(from: url.startIndex, to: scheme.upperBound) }
        while start < bytes.count && bytes[start] != 0x2F { start += 1 }
        let host = String(decoding: bytes[0..<start], as: UTF8.self)
        var segments: [Int] = [], lengths: [Int] = []
        var value = 0, length = 0
        func close() {
            if length > 0 { segments.append(value); lengths.append(length) } else { segments.append(-1); lengths.append(0) }
            value = 0; length = 0
        }
        var numeric = true
        for b in bytes[start...] where start < bytes.count {
            if b == 0x2F || b == 0x2D || b == 0x3F {
                if numeric { close() } else { segments.append(-1); lengths.append(0) }
                value = 0; length = 0; numeric = true
                if b == 0x3F { break }
            } else if numeric, (0x30...0x39).contains(b), length < 15 {
                value = value * 10 + Int(b - 0x30); length += 1
            } else {
                numeric = false
            }
        }
        if numeric { close() }
        for i in segments.indices where i + 2 < segments.count && lengths[i] == 4 && lengths[i + 1] <= 2 && lengths[i + 2] <= 2
            && lengths[i + 1] > 0 && lengths[i + 2] > 0 {
            let (y, m, d) = (segments[i], segments[i + 1], segments[i + 2])
            if (1990...2100).contains(y), let day = DateResolver.dayNumber(.gregorian, y, m, d) { return day }
            if (1300...1499).contains(y), let day = DateResolver.dayNumber(.persian, y, m, d) { return day }
        }
        guard persianIDHosts.contains(where: { host.contains($0) }) else { return nil }
        for (i, n) in segments.enumerated() {
            if lengths[i] == 14, (1300...1499).contains(n / 10_000_000_000),
               let day = DateResolver.dayNumber(.persian, n / 10_000_000_000, n / 100_000_000 % 100, n / 1_000_000 % 100) {
                return day
            }
            if lengths[i] == 10, let day = DateResolver.dayNumber(.persian, 1300 + n / 100_000_000, n / 1_000_000 % 100, n / 10_000 % 100) {
                return day
            }
        }
        return nil
    }

    /// Sites whose article ids open with the Solar Hijri date: Fars News writes
    /// `/news/13970506001199` (1397-05-06) and, in its older pages, `/news/8707060255` (1387-07-06).
    static let persianIDHosts = ["farsnews."]
}

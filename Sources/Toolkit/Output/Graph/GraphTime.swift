/// A point in time an edge holds from or until, as a script gives it: a Lua number, or a date as
/// text (`2024`, `2024-07`, `2024-07-03`, or a date and time `2024-07-03T10:15[:30][Z|+03:30]`).
///
/// A year or a month stands for the whole period: as a start it is its first day, as an end its
/// last, so `start = "2024-07", end = "2024-07"` holds all of July. Writers that need full dates
/// (GEXF's `timeformat="date"`) get them from `text(asEnd:)`.
public enum GraphTime: Equatable, Sendable {
    case number(Double)
    case date(year: Int, month: Int?, day: Int?)
    /// A date with a time of day, kept as written but for seconds added when left out.
    case dateTime(String)

    /// The time formats of a graph, one for all its edges (GEXF has one `timeformat` per graph).
    public enum Format: String, Sendable {
        case date, dateTime, double
    }

    public var format: Format {
        switch self {
        case .number: return .double
        case .date: return .date
        case .dateTime: return .dateTime
        }
    }

    /// Reads a date given as text; nil when it is not one of the forms above. Numbers given as
    /// text are not times: a script gives a number as a Lua number.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for b in bytes[from..<from + count] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        guard let year = digits(0, 4) else { return nil }
        if bytes.count == 4 { self = .date(year: year, month: nil, day: nil); return }
        guard byte(4) == UInt8(ascii: "-"), let month = digits(5, 2), (1...12).contains(month) else { return nil }
        if bytes.count == 7 { self = .date(year: year, month: month, day: nil); return }
        guard byte(7) == UInt8(ascii: "-"), let day = digits(8, 2),
              day >= 1, day <= GraphTime.days(inMonth: month, of: year) else { return nil }
        if bytes.count == 10 { self = .date(year: year, month: month, day: day); return }
        // A time of day: hh:mm, optional :ss with an optional fraction, optional zone.
        guard byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: " "),
              let hour = digits(11, 2), hour < 24, byte(13) == UInt8(ascii: ":"),
              let minute = digits(14, 2), minute < 60 else { return nil }
        var at = 16
        var seconds = ":00"
        if byte(at) == UInt8(ascii: ":") {
            guard let second = digits(at + 1, 2), second < 61 else { return nil }
            at += 3
            if byte(at) == UInt8(ascii: ".") {
                at += 1
                let first = at
                while let b = byte(at), b >= 0x30 && b <= 0x39 { at += 1 }
                guard at > first else { return nil }
            }
            seconds = String(decoding: bytes[16..<at], as: UTF8.self)
        }
        var zone = ""
        if byte(at) == UInt8(ascii: "Z") {
            zone = "Z"
            at += 1
        } else if let sign = byte(at), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            guard let h = digits(at + 1, 2), h <= 14, byte(at + 3) == UInt8(ascii: ":"),
                  let m = digits(at + 4, 2), m < 60 else { return nil }
            zone = String(decoding: bytes[at..<at + 6], as: UTF8.self)
            at += 6
        }
        guard at == bytes.count else { return nil }
        let date = String(decoding: bytes[0..<10], as: UTF8.self)
        let clock = String(decoding: bytes[11..<16], as: UTF8.self)
        self = .dateTime("\(date)T\(clock)\(seconds)\(zone)")
    }

    /// The time as a writer with one `format` for the whole graph writes it: a date widened to
    /// midnight (or the last second of its last day, as an end) when the graph holds times of day.
    public func text(asEnd: Bool, in graphFormat: Format) -> String {
        switch self {
        case .number(let d):
            return OutputScalar.number(d).text
        case .dateTime(let text):
            return text
        case .date(let year, let month, let day):
            let m = month ?? (asEnd ? 12 : 1)
            let d = day ?? (asEnd ? GraphTime.days(inMonth: m, of: year) : 1)
            let date = "\(GraphTime.padded(year, 4))-\(GraphTime.padded(m, 2))-\(GraphTime.padded(d, 2))"
            guard graphFormat == .dateTime else { return date }
            return date + (asEnd ? "T23:59:59" : "T00:00:00")
        }
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

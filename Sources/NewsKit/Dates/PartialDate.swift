/// How much of a date the text gave.
public enum DatePrecision: String, Sendable, Codable {
    case day, month, year
    /// Day and month without a year ("15 September").
    case dayMonth = "day-month"
}

/// A Gregorian date that may lack its day, its month or its year.
///
/// `iso` is "2024-07-03" (day), "2024-07" (month), "2024" (year) or "--09-15" (day and month,
/// the ISO 8601 form without year). A date with no field at all (a relative word or a bare
/// weekday that no reference date resolved) has an empty `iso` and precision `.day`.
public struct PartialDate: Sendable, Hashable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var precision: DatePrecision
    public var iso: String

    public init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
        switch (year, month, day) {
        case let (year?, month?, day?):
            precision = .day
            iso = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        case let (year?, month?, nil):
            precision = .month
            iso = "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case let (year?, nil, nil):
            precision = .year
            iso = Self.pad(year, 4)
        case let (nil, month?, day?):
            precision = .dayMonth
            iso = "--\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        default:
            precision = .day
            iso = ""
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

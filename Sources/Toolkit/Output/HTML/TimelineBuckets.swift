/// Counts per day, ISO week or month, computed here rather than in the browser so that the page
/// draws the same everywhere and the tests can hold the edges (week 53, a week that starts in the
/// year before). Empty buckets inside the span are kept: a gap in coverage must show as a gap.
public enum TimelineBuckets {
    public enum Unit: String, Sendable, CaseIterable {
        case day, week, month
    }

    /// A calendar day (proleptic Gregorian), counted as days since 1970-01-01 for arithmetic.
    public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        public init(ordinal: Int) {
            // Days to civil date by 400-year eras, so that any year comes out right without tables.
            let z = ordinal + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            day = doy - (153 * mp + 2) / 5 + 1
            month = mp < 10 ? mp + 3 : mp - 9
            year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        }

        public var ordinal: Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146_097 + doe - 719_468
        }

        /// 0 is Monday (ISO 8601); 1970-01-01 was a Thursday.
        public var weekday: Int { ((ordinal + 3) % 7 + 7) % 7 }

        /// The ISO 8601 week: weeks start on Monday and belong to the year that holds their Thursday.
        public var isoWeek: (year: Int, week: Int, monday: Day) {
            let monday = ordinal - weekday
            let thursday = Day(ordinal: monday + 3)
            let firstOfYear = Day(year: thursday.year, month: 1, day: 1).ordinal
            return (thursday.year, (monday + 3 - firstOfYear) / 7 + 1, Day(ordinal: monday))
        }

        public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

        public var description: String {
            "\(TimelineBuckets.padded(year, 4))-\(TimelineBuckets.padded(month, 2))-\(TimelineBuckets.padded(day, 2))"
        }

        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }

    /// How precisely a date is known; articles often give only a month, or a day without a year.
    public enum When: Equatable, Sendable {
        case day(Day)
        case month(year: Int, month: Int)
        /// A year alone, or a day without its year (`--09-15`): no bucket can hold it.
        case imprecise
    }

    public struct Point: Equatable, Sendable {
        public var when: When
        public var value: Double

        public init(when: When, value: Double = 1) {
            self.when = when
            self.value = value
        }
    }

    public struct Bucket: Equatable, Sendable {
        /// The first day the bucket covers.
        public var start: Day
        public var value: Double
    }

    public struct Series: Equatable, Sendable {
        public var unit: Unit
        public var buckets: [Bucket]
        /// Points that name no bucket of this unit (less precise than it), and their total value.
        public var leftOut: Int
        public var leftOutValue: Double
    }

    /// `2024-07-03`, `2024-07-03T10:00:00Z` or `2024-07-03 10:00` (the time is not needed),
    /// `2024-07`, `2024`, `--07-03`; nil for text that is none of these or not a real date.
    public static func parse(_ text: String) -> When? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for b in bytes[range] {
                guard (0x30...0x39).contains(b) else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        func dash(_ i: Int) -> Bool { i < bytes.count && bytes[i] == UInt8(ascii: "-") }
        if bytes.count == 7, dash(0), dash(1), dash(4), let m = number(2..<4), let d = number(5..<7) {
            return (1...12).contains(m) && (1...Day.daysIn(month: m, year: 2000)).contains(d) ? .imprecise : nil
        }
        guard let year = number(0..<4) else { return nil }
        if bytes.count == 4 { return .imprecise }
        guard dash(4), let month = number(5..<7), (1...12).contains(month) else { return nil }
        if bytes.count == 7 { return .month(year: year, month: month) }
        guard dash(7), let day = number(8..<10), (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        if bytes.count > 10 && bytes[10] != UInt8(ascii: "T") && bytes[10] != UInt8(ascii: " ") { return nil }
        return .day(Day(year: year, month: month, day: day))
    }

    /// The unit an analyst would pick for the span: days for up to three months, weeks up to two
    /// years, months beyond.
    public static func unit(for points: [Point]) -> Unit {
        let days = points.compactMap { if case .day(let d) = $0.when { d.ordinal } else { nil } }
        guard let first = days.min(), let last = days.max() else { return points.contains { if case .month = $0.when { true } else { false } } ? .month : .day }
        switch last - first {
        case ...92: return .day
        case ...731: return .week
        default: return .month
        }
    }

    /// The buckets from the first to the last point, or a problem when there would be more than
    /// `Caps.buckets` of them (the message names a coarser unit).
    public static func series(_ points: [Point], by given: Unit?) throws(OutputProblem) -> Series {
        let unit = given ?? unit(for: points)
        var keyed: [(key: Int, value: Double)] = []
        var leftOut = 0
        var leftOutValue = 0.0
        for point in points {
            switch (point.when, unit) {
            case (.day(let d), .day): keyed.append((d.ordinal, point.value))
            case (.day(let d), .week): keyed.append((d.isoWeek.monday.ordinal, point.value))
            case (.day(let d), .month): keyed.append((d.year * 12 + d.month - 1, point.value))
            case (.month(let y, let m), .month): keyed.append((y * 12 + m - 1, point.value))
            default:
                leftOut += 1
                leftOutValue += point.value
            }
        }
        guard let low = keyed.map(\.key).min(), let high = keyed.map(\.key).max() else {
            return Series(unit: unit, buckets: [], leftOut: leftOut, leftOutValue: leftOutValue)
        }
        let step = unit == .week ? 7 : 1
        let count = (high - low) / step + 1
        guard count <= PageCaps.buckets else {
            let coarser = unit == .day ? "'week' or 'month'" : "'month'"
            let hint = unit == .month ? "keep to a shorter span" : "give by = \(coarser)"
            throw OutputProblem("the dates span \(HTMLFormat.number(Double(count))) \(unit.rawValue)s, more than the \(HTMLFormat.number(Double(PageCaps.buckets))) a time line draws; \(hint)")
        }
        var values = [Double](repeating: 0, count: count)
        for (key, value) in keyed { values[(key - low) / step] += value }
        let buckets = values.enumerated().map { index, value -> Bucket in
            let key = low + index * step
            let start = unit == .month ? Day(year: Int((Double(key) / 12).rounded(.down)), month: ((key % 12) + 12) % 12 + 1, day: 1) : Day(ordinal: key)
            return Bucket(start: start, value: value)
        }
        return Series(unit: unit, buckets: buckets, leftOut: leftOut, leftOutValue: leftOutValue)
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

typealias PageCaps = HTMLPage.Caps

import Foundation

/// Turns a located date expression into Gregorian partial dates: converts Solar Hijri and
/// Hijri dates, expands two-digit years, and uses the reference day (when there is one) to
/// supply missing years, relative days and weekdays.
struct DateResolver {
    /// The reference date as a UTC day number, or nil.
    let referenceDay: Int?

    struct Resolved {
        var start: PartialDate
        var end: PartialDate?
        var calendar: DateCalendarKind
        var relative: Bool
    }

    /// How far after the reference a date without year may fall: articles announce what
    /// happens later in the week.
    static let lookahead = 7
    /// How many years back a weekday may send a date without year ("Thursday 15 September").
    static let weekdayYears = 6

    func resolve(_ candidate: DateCandidate) -> Resolved? {
        switch candidate.shape {
        case let .explicit(start, nil):
            guard let date = resolveSingle(start, weekday: candidate.weekday) else { return nil }
            return Resolved(start: date, end: nil, calendar: start.calendar, relative: false)
        case let .explicit(start, end?):
            guard let (first, last) = resolveRange(start, end, weekday: candidate.weekday) else { return nil }
            return Resolved(start: first, end: last, calendar: start.calendar, relative: false)
        case let .relativeDay(offset):
            guard let reference = referenceDay else { return unresolvedRelative }
            var day = reference + offset
            if let weekday = candidate.weekday {
                // "أمس الأحد" in an article dated a day late: trust the weekday, nearest to the word.
                let shift = (weekday - CivilDay.weekday(day) + 7) % 7
                day += shift > 3 ? shift - 7 : shift
            }
            return Resolved(start: Self.partial(day), end: nil, calendar: .gregorian, relative: true)
        case let .weekday(direction):
            guard let reference = referenceDay, let weekday = candidate.weekday else { return unresolvedRelative }
            let today = CivilDay.weekday(reference)
            let day: Int
            switch direction {
            case ..<0:
                let back = (today - weekday + 7) % 7
                day = reference - (back == 0 ? 7 : back)
            case 1...:
                let ahead = (weekday - today + 7) % 7
                day = reference + (ahead == 0 ? 7 : ahead)
            default:
                day = reference - (today - weekday + 7) % 7
            }
            return Resolved(start: Self.partial(day), end: nil, calendar: .gregorian, relative: true)
        }
    }

    private var unresolvedRelative: Resolved {
        Resolved(start: PartialDate(year: nil, month: nil, day: nil), end: nil, calendar: .gregorian, relative: true)
    }

    static func partial(_ day: Int) -> PartialDate {
        let date = CivilDay.date(day)
        return PartialDate(year: date.year, month: date.month, day: date.day)
    }

    // MARK: Single dates

    private func resolveSingle(_ parts: DateParts, weekday: Int?) -> PartialDate? {
        let parts = normalizedYear(parts)
        let calendar = parts.calendar
        switch (parts.year, parts.month, parts.day) {
        case let (year?, month?, day?):
            return Self.dayNumber(calendar, year, month, day).map(Self.partial)
        case let (year?, month?, nil):
            guard let middle = Self.dayNumber(calendar, year, month, 15) else { return nil }
            let date = CivilDay.date(middle)
            return PartialDate(year: date.year, month: date.month, day: nil)
        case let (year?, nil, nil):
            guard let middle = Self.dayNumber(calendar, year, calendar == .gregorian ? 1 : 7, 1) else { return nil }
            return PartialDate(year: CivilDay.date(middle).year, month: nil, day: nil)
        case let (nil, month?, day?):
            if let year = inferYear(calendar, month, day, weekday: weekday, direction: parts.direction),
               let resolved = Self.dayNumber(calendar, year, month, day) {
                return Self.partial(resolved)
            }
            guard day <= Self.longestMonth(calendar, month) else { return nil }
            if calendar != .gregorian { return PartialDate(year: nil, month: nil, day: nil) }
            return PartialDate(year: nil, month: month, day: day)
        case let (nil, month?, nil):
            if parts.monthAlone {
                guard let year = monthYear(calendar, month, direction: parts.direction),
                      let middle = Self.dayNumber(calendar, year, month, 15) else { return nil }
                let date = CivilDay.date(middle)
                return PartialDate(year: date.year, month: date.month, day: nil)
            }
            // "September of this year" with no reference date: a month no field can hold.
            return parts.currentYear ? PartialDate(year: nil, month: nil, day: nil) : nil
        default:
            return nil
        }
    }

    /// Applies the reference year to "this year", expands "24" and converts Buddhist Era years.
    private func normalizedYear(_ parts: DateParts) -> DateParts {
        var parts = parts
        if parts.buddhistEra, let year = parts.year { parts.year = year - 543 }
        if parts.twoDigitYear, let year = parts.year {
            // The century that puts the year at most 20 years after the reference (or 2049,
            // Persian 1449, without one).
            let ceiling = referenceDay.map { Self.calendarYear(parts.calendar, of: $0) + 20 }
                ?? (parts.calendar == .persian ? 1449 : 2049)
            parts.year = ceiling - ((ceiling - year) % 100 + 100) % 100
        }
        if parts.currentYear, parts.year == nil, let referenceDay {
            parts.year = Self.calendarYear(parts.calendar, of: referenceDay)
        }
        return parts
    }

    /// The year of a month named alone: the next such month after the reference (`direction`
    /// 1), the last one before it (-1), else the one nearest to it (the earlier on a tie).
    private func monthYear(_ calendar: DateCalendarKind, _ month: Int, direction: Int) -> Int? {
        guard let referenceDay else { return nil }
        let current = Self.calendarYear(calendar, of: referenceDay)
        var best: (year: Int, distance: Int)?
        for year in (current - 1)...(current + 1) {
            guard let first = Self.dayNumber(calendar, year, month, 1),
                  let last = Self.dayNumber(calendar, year, month, Self.longestMonth(calendar, month))
                    ?? Self.dayNumber(calendar, year, month, 28) else { continue }
            if direction > 0 && first <= referenceDay { continue }
            if direction < 0 && last >= referenceDay { continue }
            let distance = referenceDay < first ? first - referenceDay : referenceDay > last ? referenceDay - last : 0
            let weighted = distance * 2 + (referenceDay < first ? 1 : 0)
            if best == nil || weighted < best!.distance { best = (year, weighted) }
        }
        return best?.year
    }

    /// The year of the latest occurrence of month/day not later than reference + lookahead,
    /// falling on `weekday` when one is given (within `weekdayYears`); with `direction` 1
    /// ("المقبل", next), the first occurrence after the reference.
    private func inferYear(_ calendar: DateCalendarKind, _ month: Int, _ day: Int, weekday: Int?, direction: Int = 0) -> Int? {
        guard let referenceDay else { return nil }
        let limit = referenceDay + Self.lookahead
        let current = Self.calendarYear(calendar, of: referenceDay)
        if direction > 0 {
            for year in (current - 1)...(current + 2) {
                if let days = Self.dayNumber(calendar, year, month, day), days > referenceDay { return year }
            }
            return nil
        }
        if let weekday {
            for year in stride(from: current + 1, through: current - Self.weekdayYears, by: -1) {
                if let days = Self.dayNumber(calendar, year, month, day), days <= limit, CivilDay.weekday(days) == weekday {
                    return year
                }
            }
        }
        for year in stride(from: current + 1, through: current - 8, by: -1) {
            if let days = Self.dayNumber(calendar, year, month, day), days <= limit { return year }
        }
        return nil
    }

    // MARK: Ranges

    /// The end is nil when neither end could be resolved (a Solar Hijri range without year and
    /// without reference).
    private func resolveRange(_ start: DateParts, _ end: DateParts, weekday: Int?) -> (PartialDate, PartialDate?)? {
        var start = normalizedYear(start)
        var end = normalizedYear(end)
        if start.year == nil, let endYear = end.year, let sm = start.month, let sd = start.day, let em = end.month, let ed = end.day {
            start.year = (sm, sd) > (em, ed) ? endYear - 1 : endYear
        }
        if end.year == nil, let startYear = start.year, let sm = start.month, let sd = start.day, let em = end.month, let ed = end.day {
            end.year = (sm, sd) > (em, ed) ? startYear + 1 : startYear
        }
        if start.year == nil && end.year == nil, referenceDay != nil,
           let sm = start.month, let sd = start.day, let em = end.month, let ed = end.day,
           let endYear = inferYear(end.calendar, em, ed, weekday: nil) {
            end.year = endYear
            start.year = (sm, sd) > (em, ed) ? endYear - 1 : endYear
        }
        guard let first = resolveSingle(start, weekday: weekday), let last = resolveSingle(end, weekday: nil) else { return nil }
        if first.iso.isEmpty != last.iso.isEmpty { return nil }
        return (first, first.iso.isEmpty ? nil : last)
    }

    // MARK: Calendars

    private static func utc(_ identifier: Calendar.Identifier) -> Calendar {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    private static let persian = utc(.persian)
    private static let islamic = utc(.islamicUmmAlQura)

    /// Day number of a date in `calendar`, nil when it does not exist (31 June, 31 Esfand).
    static func dayNumber(_ calendar: DateCalendarKind, _ year: Int, _ month: Int, _ day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        switch calendar {
        case .gregorian:
            guard day <= CivilDay.daysInMonth(year: year, month: month) else { return nil }
            return CivilDay.days(year: year, month: month, day: day)
        case .persian, .islamic:
            guard day <= 31 else { return nil }
            let system = calendar == .persian ? persian : islamic
            guard let date = system.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
            let back = system.dateComponents([.year, .month, .day], from: date)
            guard back.year == year, back.month == month, back.day == day else { return nil }
            return CivilDay.days(of: date)
        }
    }

    /// The most days a month can have in any year of its calendar.
    static func longestMonth(_ calendar: DateCalendarKind, _ month: Int) -> Int {
        switch calendar {
        case .gregorian: return CivilDay.daysInMonth(year: nil, month: month)
        case .persian: return month <= 6 ? 31 : 30
        case .islamic: return 30
        }
    }

    /// The year, in `calendar`, of a day number.
    static func calendarYear(_ calendar: DateCalendarKind, of day: Int) -> Int {
        switch calendar {
        case .gregorian: return CivilDay.date(day).year
        case .persian: return persian.component(.year, from: CivilDay.moment(day))
        case .islamic: return islamic.component(.year, from: CivilDay.moment(day))
        }
    }
}

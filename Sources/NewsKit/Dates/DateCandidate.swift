/// The fields of one date as the text wrote them, before conversion to Gregorian.
struct DateParts: Sendable {
    var year: Int?
    var month: Int?
    var day: Int?
    var calendar: DateCalendarKind = .gregorian
    /// The month name or a cue ("هـ", "ه.ش") fixed the calendar; numbers alone did not.
    var calendarIsExplicit = false
    /// "this year", "العام الجاري", "سال جاری": the reference date's year.
    var currentYear = false
    /// A year written with two digits ("19.06.24").
    var twoDigitYear = false
    /// Buddhist Era year (Thai): 543 ahead of the Gregorian year.
    var buddhistEra = false
    /// A date without year said to come ("15 مارس المقبل", "next October": +1) or to be past
    /// ("last October": -1); 0 when the text does not say.
    var direction = 0
    /// A month named alone after a cue ("in October"): its year comes from the reference date.
    var monthAlone = false
}

/// A date expression located in the token stream, not yet resolved.
struct DateCandidate: Sendable {
    enum Shape: Sendable {
        /// A date or a range of dates written with numbers or month names.
        case explicit(start: DateParts, end: DateParts?)
        /// A relative word ("today", "اليوم"), possibly with a weekday ("اليوم الأحد").
        case relativeDay(offset: Int)
        /// A weekday alone; `direction` -1 for "last Thursday", +1 for "next Thursday".
        case weekday(direction: Int)
    }

    var firstToken: Int
    var endToken: Int
    var shape: Shape
    var weekday: Int?
}

/// The calendar a date was written in. Values are always converted to Gregorian.
enum DateCalendarKind: UInt8, Sendable {
    case gregorian, persian, islamic

    var name: String {
        switch self {
        case .gregorian: return "gregorian"
        case .persian: return "persian"
        case .islamic: return "islamic"
        }
    }
}

/// One meaning of a folded word in the date vocabulary ("mei" is May in Swahili, Dutch and
/// Indonesian: one sense with three languages).
struct DateSense: Sendable {
    enum Kind: UInt8, Sendable {
        case month, weekday, relative
        case yearCueBefore, yearCueAfter, currentYear, calendarCue
        case rangeStart, rangeTo, rangeAnd, filler, lead, ordinal
        case unitYear, unitMonth, unitDay
        case previous, next
    }

    /// Values of `value` for `.calendarCue`.
    enum CalendarCue: Int8 { case gregorian = 0, persian = 1, islamic = 2, hijri = 3 }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// An abbreviation: only trusted inside a full date.
        static let short = Flags(rawValue: 1)
        /// A common word when written in lower case ("may", "march").
        static let needsCapital = Flags(rawValue: 2)
        /// Only taken alone when the caller says the text is in this language ("leo", "jana").
        static let needsLang = Flags(rawValue: 8)
        /// A weekday that is also a common word: never taken alone without a language.
        static let notAlone = Flags(rawValue: 16)
        /// Known only to regional locales (ar_SY, fa_AF): treated like a foreign word.
        static let regional = Flags(rawValue: 32)
    }

    var kind: Kind
    var value: Int8
    var calendar: DateCalendarKind
    var flags: Flags
    /// How many locales (or the data file, counted high) give this meaning: breaks ties
    /// between meanings when no language is known.
    var weight: Int32
    /// Base language ids (see `DateVocabulary.languageId`).
    var languages: [UInt16]
}

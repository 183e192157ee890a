/// A date expression found in text: a date, a range of dates, or a relative day.
public struct DateMention: Sendable, Hashable {
    /// The date, or the first day of a range.
    public var start: PartialDate
    /// The last day of a range ("۱۰ تا ۱۲ مارس" gives --03-10 and --03-12).
    public var end: PartialDate?
    /// 0-based byte offsets of the matched text in the input string's UTF-8.
    public var utf8Range: Range<Int>
    /// The matched text.
    public var text: String
    /// The calendar the text used: "gregorian", "persian" or "islamic". Values are Gregorian.
    public var calendar: String
    /// 1 = Sunday ... 7 = Saturday, when the text named a weekday.
    public var weekday: Int?
    /// Came from a relative word (today, اليوم, leo, امروز, yesterday ...) or a bare weekday.
    public var relative: Bool

    /// `start.iso`, or "start/end" for a range.
    public var iso: String {
        guard let end else { return start.iso }
        return "\(start.iso)/\(end.iso)"
    }

    public init(
        start: PartialDate, end: PartialDate? = nil, utf8Range: Range<Int>, text: String,
        calendar: String = "gregorian", weekday: Int? = nil, relative: Bool = false
    ) {
        self.start = start
        self.end = end
        self.utf8Range = utf8Range
        self.text = text
        self.calendar = calendar
        self.weekday = weekday
        self.relative = relative
    }
}

import Foundation

/// Gathers the date vocabulary: month and weekday names of every locale ICU knows (Gregorian,
/// and the Persian and Islamic calendars' months; `CLDRDateNames`), then the press spellings and
/// glue words of `Resources/dates/date-words.json`.
enum DateVocabularySources {
    static func compiled() -> DateVocabulary.Compiled {
        var builder = DateVocabularyBuilder()
        addCLDR(to: &builder)
        if let words = loadWordsFile() { builder.add(words) }
        return builder.compiled()
    }

    // MARK: CLDR through Foundation

    /// The names of the bundled file (`CLDRDateNames`), asked of ICU only when it is missing.
    private static func addCLDR(to builder: inout DateVocabularyBuilder) {
        let names = CLDRDateNames.bundled() ?? CLDRDateNames.harvest()
        for locale in names.locales {
            let (language, regional) = parseIdentifier(locale.identifier)
            let origin = DateVocabularyBuilder.Origin(language: language, regional: regional, weight: 1)
            addNames(locale.months, kind: .month, short: false, origin: origin, into: &builder)
            addNames(locale.shortMonths, kind: .month, short: true, origin: origin, into: &builder)
            addNames(locale.weekdays, kind: .weekday, short: false, origin: origin, into: &builder)
            addNames(locale.shortWeekdays, kind: .weekday, short: true, origin: origin, into: &builder)
            addNames(locale.persianMonths, kind: .month, short: false, calendar: .persian, origin: origin, into: &builder)
            addNames(locale.islamicMonths, kind: .month, short: false, calendar: .islamic, origin: origin, into: &builder)
        }
    }

    private static func addNames(
        _ names: [String], kind: DateSense.Kind, short: Bool, calendar: DateCalendarKind = .gregorian,
        origin: DateVocabularyBuilder.Origin, into builder: inout DateVocabularyBuilder
    ) {
        let period = kind == .month ? 12 : 7
        for (index, name) in names.enumerated() {
            builder.addName(name, kind: kind, value: Int8(index % period + 1), calendar: calendar,
                            short: short, origin: origin, minimumScalars: short ? 3 : 2)
        }
    }

    /// Language code and whether the identifier names a region ("ar_SY", "es_419").
    static func parseIdentifier(_ identifier: String) -> (String, Bool) {
        let plain = identifier.split(separator: "@").first.map(String.init) ?? identifier
        let parts = plain.split(whereSeparator: { $0 == "_" || $0 == "-" })
        let language = parts.first.map { $0.lowercased() } ?? plain
        let regional = parts.dropFirst().contains { part in
            (part.count == 2 && part.allSatisfy(\.isUppercase)) || (part.count == 3 && part.allSatisfy(\.isNumber))
                || part.count > 4
        }
        return (language, regional)
    }

    // MARK: The data file

    struct WordsFile: Decodable {
        struct MonthList: Decodable { var lang: String; var calendar: String; var names: [[String]] }
        struct WeekdayList: Decodable { var lang: String; var names: [[String]] }
        struct RelativeList: Decodable { var lang: String; var days: [String: [String]]; var needsLang: [String]? }
        struct Modifiers: Decodable {
            var previousBefore: [String]
            var previousAfter: [String]
            var nextBefore: [String]
            var nextAfter: [String]
        }
        struct Units: Decodable { var year: [String]; var month: [String]; var day: [String] }

        var months: [MonthList]
        var persianMonthSuffix: String?
        var weekdays: [WeekdayList]
        var relative: [RelativeList]
        var weekdayModifiers: Modifiers
        var yearCuesBefore: [String: [String]]
        var yearCuesAfter: [String: [String]]
        var currentYear: [String: [String]]
        var calendarCues: [String: [String]]
        var rangeStarts: [String]
        var rangeTo: [String]
        var rangeAnd: [String]
        var fillers: [String]
        var leadWords: [String]
        var ordinalSuffixes: [String]
        var units: Units
        var needsCapital: [String: [String]]
        var needsYear: [String: [String]]
        var notAlone: [String]
        var commonLanguages: [String]
    }

    static func loadWordsFile() -> WordsFile? {
        guard let url = Bundle.module.url(forResource: "date-words", withExtension: "json", subdirectory: "Resources/dates"),
              let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(WordsFile.self, from: data)
    }
}

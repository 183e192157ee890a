import Foundation

/// Gathers the date vocabulary: month and weekday names of every locale ICU knows (Gregorian,
/// and the Persian and Islamic calendars' months), then the press spellings and glue words of
/// `Resources/dates/date-words.json`.
enum DateVocabularySources {
    static func compile() -> DateVocabulary {
        var builder = DateVocabularyBuilder()
        addCLDR(to: &builder)
        if let words = loadWordsFile() { builder.add(words) }
        return builder.build()
    }

    // MARK: CLDR through Foundation

    /// The names one locale gives, per calendar.
    private struct LocaleNames {
        var language = ""
        var regional = false
        var months: [String] = []
        var shortMonths: [String] = []
        var weekdays: [String] = []
        var shortWeekdays: [String] = []
        var persianMonths: [String] = []
        var islamicMonths: [String] = []
    }

    private final class HarvestSlot: @unchecked Sendable {
        var names: [LocaleNames] = []
    }

    private static func addCLDR(to builder: inout DateVocabularyBuilder) {
        let identifiers = Locale.availableIdentifiers.sorted()
        // ICU builds a formatter per locale (about half a millisecond each, three calendars,
        // a thousand locales): split the work across cores, then merge in identifier order.
        let chunks = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let slots = (0..<chunks).map { _ in HarvestSlot() }
        let chunkSize = (identifiers.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = min(identifiers.count, chunk * chunkSize)
            let upper = min(identifiers.count, lower + chunkSize)
            slots[chunk].names = harvest(identifiers[lower..<upper])
        }
        for slot in slots {
            for names in slot.names {
                let origin = DateVocabularyBuilder.Origin(language: names.language, regional: names.regional, weight: 1)
                addNames(names.months, kind: .month, short: false, origin: origin, into: &builder)
                addNames(names.shortMonths, kind: .month, short: true, origin: origin, into: &builder)
                addNames(names.weekdays, kind: .weekday, short: false, origin: origin, into: &builder)
                addNames(names.shortWeekdays, kind: .weekday, short: true, origin: origin, into: &builder)
                addNames(names.persianMonths, kind: .month, short: false, calendar: .persian, origin: origin, into: &builder)
                addNames(names.islamicMonths, kind: .month, short: false, calendar: .islamic, origin: origin, into: &builder)
            }
        }
    }

    private static func harvest(_ identifiers: ArraySlice<String>) -> [LocaleNames] {
        func formatter(_ identifier: Calendar.Identifier) -> DateFormatter {
            let formatter = DateFormatter()
            var calendar = Calendar(identifier: identifier)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            formatter.calendar = calendar
            return formatter
        }
        let gregorian = formatter(.gregorian), persian = formatter(.persian), islamic = formatter(.islamicUmmAlQura)
        var result = [LocaleNames]()
        result.reserveCapacity(identifiers.count)
        for identifier in identifiers {
            var names = LocaleNames()
            (names.language, names.regional) = parseIdentifier(identifier)
            let locale = Locale(identifier: identifier)
            gregorian.locale = locale
            names.months = gregorian.monthSymbols + gregorian.standaloneMonthSymbols
            names.shortMonths = gregorian.shortMonthSymbols + gregorian.shortStandaloneMonthSymbols
            names.weekdays = gregorian.weekdaySymbols + gregorian.standaloneWeekdaySymbols
            names.shortWeekdays = gregorian.shortWeekdaySymbols + gregorian.shortStandaloneWeekdaySymbols
            // Other calendars' month names: region variants repeat their language's names,
            // except where a region names them differently (Dari months in fa_AF).
            if !names.regional || names.language == "fa" || names.language == "ps" {
                persian.locale = locale
                islamic.locale = locale
                names.persianMonths = persian.monthSymbols + persian.standaloneMonthSymbols
                names.islamicMonths = islamic.monthSymbols + islamic.standaloneMonthSymbols
            }
            result.append(names)
        }
        return result
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

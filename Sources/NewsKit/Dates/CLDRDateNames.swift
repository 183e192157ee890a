import Foundation

/// The month and weekday names of every locale ICU knows (Gregorian, and the Persian and Islamic
/// calendars' months), as Foundation's CLDR data gives them.
///
/// Asking ICU costs a formatter per locale and calendar, about a CPU-second per process, which
/// every short run (one page, one Spark partition) paid before its first date. So the names are
/// read from `Resources/dates/cldr-names.tsv`, which `make cldr-names` writes from this machine's
/// ICU; `CLDRDateNamesTests` asks ICU again and fails when the file no longer matches it.
struct CLDRDateNames: Equatable {
    /// The names one locale gives, per calendar.
    struct Locale: Equatable {
        var identifier = ""
        var months: [String] = []
        var shortMonths: [String] = []
        var weekdays: [String] = []
        var shortWeekdays: [String] = []
        var persianMonths: [String] = []
        var islamicMonths: [String] = []

        fileprivate static var lists: [WritableKeyPath<Locale, [String]>] {
            [\.months, \.shortMonths, \.weekdays, \.shortWeekdays, \.persianMonths, \.islamicMonths]
        }
    }

    /// In identifier order.
    var locales: [Locale]

    // MARK: From ICU

    private final class HarvestSlot: @unchecked Sendable {
        var locales: [Locale] = []
    }

    /// Every locale's names, asked of ICU.
    static func harvest() -> CLDRDateNames {
        let identifiers = Foundation.Locale.availableIdentifiers.sorted()
        // ICU builds a formatter per locale (about half a millisecond each, three calendars,
        // a thousand locales): split the work across cores, then merge in identifier order.
        let chunks = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let slots = (0..<chunks).map { _ in HarvestSlot() }
        let chunkSize = (identifiers.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = min(identifiers.count, chunk * chunkSize)
            let upper = min(identifiers.count, lower + chunkSize)
            slots[chunk].locales = harvest(identifiers[lower..<upper])
        }
        return CLDRDateNames(locales: slots.flatMap(\.locales))
    }

    private static func harvest(_ identifiers: ArraySlice<String>) -> [Locale] {
        func formatter(_ identifier: Calendar.Identifier) -> DateFormatter {
            let formatter = DateFormatter()
            var calendar = Calendar(identifier: identifier)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            formatter.calendar = calendar
            return formatter
        }
        let gregorian = formatter(.gregorian), persian = formatter(.persian), islamic = formatter(.islamicUmmAlQura)
        var result = [Locale]()
        result.reserveCapacity(identifiers.count)
        for identifier in identifiers {
            var names = Locale(identifier: identifier)
            let locale = Foundation.Locale(identifier: identifier)
            gregorian.locale = locale
            names.months = gregorian.monthSymbols + gregorian.standaloneMonthSymbols
            names.shortMonths = gregorian.shortMonthSymbols + gregorian.shortStandaloneMonthSymbols
            names.weekdays = gregorian.weekdaySymbols + gregorian.standaloneWeekdaySymbols
            names.shortWeekdays = gregorian.shortWeekdaySymbols + gregorian.shortStandaloneWeekdaySymbols
            // Other calendars' month names: region variants repeat their language's names,
            // except where a region names them differently (Dari months in fa_AF).
            let (language, regional) = DateVocabularySources.parseIdentifier(identifier)
            if !regional || language == "fa" || language == "ps" {
                persian.locale = locale
                islamic.locale = locale
                names.persianMonths = persian.monthSymbols + persian.standaloneMonthSymbols
                names.islamicMonths = islamic.monthSymbols + islamic.standaloneMonthSymbols
            }
            result.append(names)
        }
        return result
    }

    // MARK: The bundled file

    /// The names of `Resources/dates/cldr-names.tsv`, or nil when the file is missing or damaged.
    static func bundled() -> CLDRDateNames? {
        guard let url = Bundle.module.url(forResource: "cldr-names", withExtension: "tsv", subdirectory: "Resources/dates"),
              let data = try? Data(contentsOf: url)
        else { return nil }
        return CLDRDateNames(tsv: data)
    }

    /// The file's form: each distinct list of names once (`L` lines, numbered from 0 in order, the
    /// names tab-separated), then one `@` line per locale: its identifier and the number of each
    /// of its six lists (months, short months, weekdays, short weekdays, Persian months, Islamic
    /// months; -1 for none). A thousand locales share a few thousand lists.
    var tsv: String {
        var numbers: [[String]: Int] = [:]
        var lists: [String] = []
        var locales: [String] = []
        for locale in self.locales {
            var fields = ["@", locale.identifier]
            for path in Locale.lists {
                let names = locale[keyPath: path]
                guard !names.isEmpty else { fields.append("-1"); continue }
                let number = numbers[names] ?? {
                    numbers[names] = lists.count
                    lists.append("L\t" + names.joined(separator: "\t"))
                    return lists.count - 1
                }()
                fields.append(String(number))
            }
            locales.append(fields.joined(separator: "\t"))
        }
        let header = [
            "# Month and weekday names of every locale of Foundation's ICU (CLDR data), written by `make cldr-names`;",
            "# do not edit: CLDRDateNamesTests compares it with ICU. Format: see CLDRDateNames.tsv.",
        ]
        return (header + lists + locales).joined(separator: "\n") + "\n"
    }

    init(locales: [Locale]) { self.locales = locales }

    init?(tsv data: Data) {
        var lists: [[String]] = []
        var locales: [Locale] = []
        for line in data.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            switch fields.first {
            case "L":
                lists.append(Array(fields.dropFirst()))
            case "@":
                guard fields.count == 2 + Locale.lists.count else { return nil }
                var locale = Locale(identifier: fields[1])
                for (path, field) in zip(Locale.lists, fields.dropFirst(2)) {
                    guard let number = Int(field), number < lists.count else { return nil }
                    if number >= 0 { locale[keyPath: path] = lists[number] }
                }
                locales.append(locale)
            default:
                return nil
            }
        }
        guard !locales.isEmpty else { return nil }
        self.locales = locales
    }
}

import Foundation
import LuaBridge
import NewsKit

/// `toolkit.date`: the multilingual date parser.
enum DateModule {
    static var module: APIModule {
        APIModule(
            "toolkit.date",
            doc: """
                The multilingual date parser. Options: `lang` (ISO 639-1, narrows ambiguous names) and \
                `reference` (`"YYYY-MM-DD"`: resolves missing years, relative words such as *today*, \
                اليوم, leo, امروز, and weekday names). Month and weekday names come from CLDR for every \
                locale, plus the press's own spellings (سپتامبر, أيلول, Julai); Solar Hijri (فروردین…) \
                and Hijri months are converted to Gregorian; Arabic-Indic and Persian digits are read; \
                numeric forms follow the language's order.

                A result is a table: `iso` (`2024-07-03`, `2024-07`, `2024`, `--09-15` without a year, \
                or `start/end` for a range; nil when a relative word has no reference), `precision` \
                (`day`, `month`, `year`, `day-month`), `year`, `month`, `day`, `start` and `end` (for \
                ranges), `text`, `first`/`last` (1-based byte offsets into the string), `calendar` \
                (`gregorian`, `persian`, `islamic`), `weekday` (1 = Sunday) and `relative`.
                """,
            functions: [parse, find])
    }

    static let options = [
        APIParameter("lang", "string", "ISO 639-1 code of the text's language"),
        APIParameter("reference", "string", "`YYYY-MM-DD`: the day relative words and missing years refer to"),
    ]

    static var parse: APIFunction {
        APIFunction(
            "toolkit.date.parse",
            parameters: [APIParameter("s", "string", "a date or date range, alone"),
                         .optional("options", "table", "`lang`, `reference`", options: options)],
            returns: [APIResult("table?", "date", "the date, or nil when `s` is not one")],
            doc: "Reads a whole string as a date or date range.",
            example: """
                local d = toolkit.date.parse("اليوم الخميس 15 سبتمبر", { lang = "ar", reference = "2022-10-01" })
                print(d.iso, d.precision, d.weekday)        --> 2022-09-15  day  5
                local r = toolkit.date.parse("۱۵ تا ۱۶ سپتامبر")
                print(r.start.iso, r["end"].iso)            --> --09-15  --09-16
                """
        ) { binding in
            { call in
                let (parser, lang) = try DateModule.parser(call, binding.options(call, 2))
                guard let mention = parser.parse(try call.string(1), lang: lang) else { return [.nil] }
                return [value(of: mention)]
            }
        }
    }

    static var find: APIFunction {
        APIFunction(
            "toolkit.date.find",
            parameters: [APIParameter("text", "string", "running text"),
                         .optional("options", "table", "`lang`, `reference`", options: options)],
            returns: [APIResult("table[]", "dates", "every date expression, in order")],
            doc: "Every date expression inside running text, in order.",
            example: """
                for _, m in ipairs(toolkit.date.find("3 Julai 2024China na Urusi", { lang = "sw" })) do
                  print(m.text, m.iso, m.first, m.last)     --> 3 Julai 2024  2024-07-03  1  12
                end
                """
        ) { binding in
            { call in
                let (parser, lang) = try DateModule.parser(call, binding.options(call, 2))
                return [.table(LuaTable(array: parser.find(in: try call.string(1), lang: lang).map(value(of:))))]
            }
        }
    }

    /// Options `{lang = "sw", reference = "2024-06-19"}`.
    static func parser(_ call: LuaCall, _ options: LuaTable?) throws -> (DateParser, String?) {
        let lang = try call.text(options, "lang")
        var reference: Date?
        if let text = try call.text(options, "reference") {
            guard let date = referenceDate(text) else {
                throw call.failure("reference must be a date like \"2024-06-19\" (got \"\(text)\")")
            }
            reference = date
        }
        return (DateParser(reference: reference), lang)
    }

    static func referenceDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == parts[2] else { return nil }
        return date
    }

    static func value(of date: PartialDate) -> LuaValue {
        var t = LuaTable(array: [])
        t["iso"] = date.iso.isEmpty ? .nil : LuaValue(date.iso)
        t["precision"] = LuaValue(date.precision.rawValue)
        t["year"] = date.year.map(LuaValue.init) ?? .nil
        t["month"] = date.month.map(LuaValue.init) ?? .nil
        t["day"] = date.day.map(LuaValue.init) ?? .nil
        return .table(t)
    }

    static func value(of mention: DateMention) -> LuaValue {
        guard case .table(var t) = value(of: mention.start) else { return .nil }
        t["iso"] = mention.iso.isEmpty ? .nil : LuaValue(mention.iso)
        t["start"] = value(of: mention.start)
        t["end"] = mention.end.map(value(of:)) ?? .nil
        t["text"] = LuaValue(mention.text)
        t["first"] = LuaValue(mention.utf8Range.lowerBound + 1)
        t["last"] = LuaValue(mention.utf8Range.upperBound)
        t["calendar"] = LuaValue(mention.calendar)
        t["weekday"] = mention.weekday.map(LuaValue.init) ?? .nil
        t["relative"] = .boolean(mention.relative)
        return .table(t)
    }
}

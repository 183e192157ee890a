import Foundation
import LuaBridge
import NewsKit

/// `toolkit.date`: the multilingual date parser.
enum DateModule {
    static func table() -> LuaTable {
        [
            "parse": .function(LuaFunction("parse") { call in
                let (parser, lang) = try parser(call, options: 2)
                guard let mention = parser.parse(try call.string(1), lang: lang) else { return [.nil] }
                return [value(of: mention)]
            }),
            "find": .function(LuaFunction("find") { call in
                let (parser, lang) = try parser(call, options: 2)
                return [.table(LuaTable(array: parser.find(in: try call.string(1), lang: lang).map(value(of:))))]
            }),
        ]
    }

    /// Options `{lang = "sw", reference = "2024-06-19"}`.
    static func parser(_ call: LuaCall, options position: Int) throws -> (DateParser, String?) {
        let options = try call.optionalTable(position)
        let lang = options?["lang"].stringValue
        var reference: Date?
        if let text = options?["reference"].stringValue {
            guard let date = referenceDate(text) else {
                throw LuaScriptError("toolkit.date: reference must be a date like \"2024-06-19\" (got \"\(text)\")")
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

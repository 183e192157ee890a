import LuaBridge

/// `toolkit.re`: ICU regular expressions over UTF-8, with byte offsets that `string.sub` takes.
enum RegexModule {
    static var module: APIModule {
        APIModule(
            "toolkit.re",
            doc: """
                ICU regular expressions (the syntax of ICU, Java and .NET: `\\p{Arabic}`, `\\b`, `(?i)`, \
                `\\d` for every script's digits, look-around, named groups). Lua's patterns work on bytes, \
                so `%a` never matches an Arabic letter; these work on characters. Positions are 1-based \
                inclusive byte offsets into the UTF-8 string, the same as `string.find` gives and \
                `string.sub` takes. Compiled patterns are kept for the run (the last 64), so calling \
                these in the article loop compiles each pattern once. An invalid pattern is an error \
                naming ICU's reason; a match that backtracks without end (`(a+)+$` on a long run of `a`) \
                stops with an error after a few seconds instead of hanging the run. In Lua source, \
                write patterns in long brackets (`[[\\d+]]`) or double the backslashes (`"\\\\d+"`).
                """,
            functions: [find, match, gmatch, gsub, spans, split])
    }

    static let subject = APIParameter("s", "string", "the text")
    static let pattern = APIParameter("pattern", "string", "an ICU regular expression")

    static var find: APIFunction {
        APIFunction(
            "toolkit.re.find",
            parameters: [subject, pattern, .optional("init", "integer", "byte position to start at (negative: from the end)")],
            returns: [APIResult("integer?", "first", "first byte of the match, nil when there is none"),
                      APIResult("integer?", "last", "last byte of the match"),
                      APIResult("string?", "...", "the groups")],
            doc: "Like `string.find`: where the first match is, then its groups.",
            example: """
                local s = "Rais Putin alikutana na 习近平 mjini Astana"
                local first, last = toolkit.re.find(s, [[\\p{Han}+]])
                print(first, last, s:sub(first, last))      --> 25  33  习近平
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let regex = try cache.regex(try call.string(2), call)
                guard let m = try regex.matches(in: bytes, from: try start(call, 3, bytes), limit: 1, call).first, let whole = m[0] else {
                    return [.nil]
                }
                return [LuaValue(whole.lowerBound + 1), LuaValue(whole.upperBound)] + m.dropFirst().map { text($0, bytes) }
            }
        }
    }

    static var match: APIFunction {
        APIFunction(
            "toolkit.re.match",
            parameters: [subject, pattern, .optional("init", "integer", "byte position to start at (negative: from the end)")],
            returns: [APIResult("string?", "...", "the groups of the first match, or the whole match when the pattern has none; nil when nothing matches")],
            doc: "Like `string.match`: the groups of the first match, or the match itself.",
            example: """
                print(toolkit.re.match("تاريخ ۱۴۰۳/۰۴/۱۳", [[(\\d+)/(\\d+)/(\\d+)]]))   --> ۱۴۰۳  ۰۴  ۱۳
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let regex = try cache.regex(try call.string(2), call)
                guard let m = try regex.matches(in: bytes, from: try start(call, 3, bytes), limit: 1, call).first else { return [.nil] }
                return captures(m, bytes)
            }
        }
    }

    static var gmatch: APIFunction {
        APIFunction(
            "toolkit.re.gmatch",
            parameters: [subject, pattern],
            returns: [APIResult("fun(): string?", "iterator", "each match's groups, or the match itself")],
            doc: "Like `string.gmatch`: an iterator over the matches, giving their groups (or the match itself).",
            example: """
                for word in toolkit.re.gmatch("Путин и Си Цзиньпин", [[\\p{Lu}\\p{Ll}+]]) do print(word) end
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let found = try cache.regex(try call.string(2), call).matches(in: bytes, call)
                var position = 0
                return [.function(LuaFunction("\(call.function) iterator") { _ in
                    guard position < found.count else { return [.nil] }
                    defer { position += 1 }
                    return captures(found[position], bytes)
                })]
            }
        }
    }

    static var gsub: APIFunction {
        APIFunction(
            "toolkit.re.gsub",
            parameters: [subject, pattern,
                         APIParameter("repl", "string|table|function", "a string where `%0` is the match, `%1`...`%9` its groups and `%%` a percent sign; a table looked up with the first group (or the match); or a function called with the groups (or the match). A table or function result of nil or false keeps the match."),
                         .optional("n", "integer", "replace at most this many matches")],
            returns: [APIResult("string", "result", "the new string"), APIResult("integer", "count", "how many matches were replaced")],
            doc: "Like `string.gsub`, with ICU patterns: every match (or the first `n`) replaced.",
            example: """
                print(toolkit.re.gsub("Rais  Putin  na   Xi", [[\\s+]], " "))        --> Rais Putin na Xi  3
                print(toolkit.re.gsub("Putin, Xi", [[(\\w+)]], { Putin = "بوتين" }))       --> بوتين, Xi  2
                print(toolkit.re.gsub("3 na 4", [[\\d]], function(d) return d * 2 end))  --> 6 na 8  2
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let regex = try cache.regex(try call.string(2), call)
                let repl = try call.value(3)
                switch repl {
                case .string, .table, .reference: break
                default: throw call.failure("repl must be a string, a table or a function (got \(repl.typeName))")
                }
                let limit = try call.optionalInteger(4)
                let found = try regex.matches(in: bytes, limit: limit.map { max(0, $0) }, call)
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                var done = 0
                for m in found {
                    guard let whole = m[0] else { continue }
                    out += bytes[done..<whole.lowerBound]
                    out += try replacement(for: m, in: bytes, repl, call)
                    done = whole.upperBound
                }
                out += bytes[done...]
                return [.string(LuaString(bytes: out)), LuaValue(found.count)]
            }
        }
    }

    static var spans: APIFunction {
        APIFunction(
            "toolkit.re.spans",
            parameters: [subject, pattern],
            returns: [APIResult("{first: integer, last: integer, text: string, groups: ({first: integer, last: integer, text: string}|false)[]}[]", "spans", "every match, in order")],
            doc: """
                Every match as a table: `first`, `last` (1-based inclusive byte offsets: `s:sub(m.first, \
                m.last) == m.text`), `text` and `groups`, a list with one table of the same shape per \
                group (`false` for a group that did not take part).
                """,
            example: """
                for article in toolkit.articles() do
                  for _, m in ipairs(toolkit.re.spans(article.text, [[\\p{Arabic}+\\s+\\p{Arabic}+]])) do
                    assert(article.text:sub(m.first, m.last) == m.text)
                  end
                end
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let found = try cache.regex(try call.string(2), call).matches(in: bytes, call)
                return [.table(LuaTable(array: found.map { m in
                    guard case .table(var t) = span(m[0], bytes) else { return .nil }
                    t["groups"] = .table(LuaTable(array: m.dropFirst().map { span($0, bytes) }))
                    return .table(t)
                }))]
            }
        }
    }

    static var split: APIFunction {
        APIFunction(
            "toolkit.re.split",
            parameters: [subject, pattern, .optional("max", "integer", "at most this many pieces (the last holds the rest)")],
            returns: [APIResult("string[]", "pieces", "the text between the matches (empty matches do not split)")],
            doc: "The pieces of a string between the matches of a pattern.",
            example: """
                for _, part in ipairs(toolkit.re.split("بوتين، شي؛ مودي", [[\\s*[،؛,;]\\s*]])) do print(part) end
                """
        ) { binding in
            let cache = RegexCache()
            return { call in
                let bytes = try call.bytes(1)
                let regex = try cache.regex(try call.string(2), call)
                let maximum = try call.optionalInteger(3)
                if let maximum, maximum < 1 { throw call.failure("max must be 1 or more (got \(maximum))") }
                var pieces: [LuaValue] = []
                var done = 0
                for m in try regex.matches(in: bytes, call) {
                    guard let whole = m[0], !whole.isEmpty else { continue }
                    if let maximum, pieces.count == maximum - 1 { break }
                    pieces.append(.string(LuaString(bytes: Array(bytes[done..<whole.lowerBound]))))
                    done = whole.upperBound
                }
                pieces.append(.string(LuaString(bytes: Array(bytes[done...]))))
                return [.table(LuaTable(array: pieces))]
            }
        }
    }

    // MARK: Helpers

    /// `init` as `string.find` reads it (negative counts from the end), as a 0-based byte offset on a
    /// character boundary.
    static func start(_ call: LuaCall, _ position: Int, _ bytes: [UInt8]) throws -> Int {
        guard let given = try call.optionalInteger(position) else { return 0 }
        var start = given > 0 ? given - 1 : given == 0 ? 0 : max(0, bytes.count + given)
        start = min(start, bytes.count)
        while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
        return start
    }

    static func text(_ range: Range<Int>?, _ bytes: [UInt8]) -> LuaValue {
        guard let range else { return .nil }
        return .string(LuaString(bytes: Array(bytes[range])))
    }

    static func span(_ range: Range<Int>?, _ bytes: [UInt8]) -> LuaValue {
        guard let range else { return .boolean(false) }
        return .table(["first": LuaValue(range.lowerBound + 1), "last": LuaValue(range.upperBound), "text": text(range, bytes)])
    }

    /// The groups of a match, or the whole match when the pattern has none.
    static func captures(_ m: ICURegex.Match, _ bytes: [UInt8]) -> [LuaValue] {
        m.count > 1 ? m.dropFirst().map { text($0, bytes) } : [text(m[0], bytes)]
    }

    static func replacement(for m: ICURegex.Match, in bytes: [UInt8], _ repl: LuaValue, _ call: LuaCall) throws -> [UInt8] {
        let original = Array(bytes[m[0]!])
        switch repl {
        case .string(let template):
            var out: [UInt8] = []
            var i = template.bytes.startIndex
            let t = template.bytes
            while i < t.count {
                let byte = t[i]
                guard byte == UInt8(ascii: "%"), i + 1 < t.count else {
                    out.append(byte)
                    i += 1
                    continue
                }
                let next = t[i + 1]
                if next == UInt8(ascii: "%") {
                    out.append(next)
                } else if (0x30...0x39).contains(next) {
                    let group = Int(next - 0x30)
                    guard group < m.count else { throw call.failure("invalid capture %\(group) in repl (the pattern has \(m.count - 1) group(s))") }
                    if let range = m[group] { out += bytes[range] }
                } else {
                    throw call.failure("invalid use of '%' in repl (write %% for a percent sign, %0-%9 for the match and its groups)")
                }
                i += 2
            }
            return out
        case .table(let table):
            return try replaced(table[captures(m, bytes)[0].stringValue ?? ""], original, call)
        case .reference(let function):
            return try replaced(call.call(function, captures(m, bytes)).first ?? .nil, original, call)
        default:
            return original
        }
    }

    private static func replaced(_ value: LuaValue, _ original: [UInt8], _ call: LuaCall) throws -> [UInt8] {
        switch value {
        case .nil, .boolean(false): return original
        case .string(let s): return s.bytes
        case .integer(let i): return Array(String(i).utf8)
        case .number(let d): return Array(String(d).utf8)
        default: throw call.failure("invalid replacement value (a \(value.typeName)); return a string, a number, nil or false")
        }
    }
}

/// The compiled patterns of one function in one run: the last 64 patterns stay compiled, so a
/// script that builds a fresh pattern per article cannot grow it without bound.
final class RegexCache {
    static let capacity = 64
    private var compiled: [String: ICURegex] = [:]

    func regex(_ pattern: String, _ call: LuaCall) throws -> ICURegex {
        if let regex = compiled[pattern] { return regex }
        let regex: ICURegex
        do {
            regex = try ICURegex(pattern)
        } catch {
            throw call.failure(error.message)
        }
        if compiled.count >= RegexCache.capacity { compiled.removeAll(keepingCapacity: true) }
        compiled[pattern] = regex
        return regex
    }
}

extension ICURegex {
    /// `matches`, with ICU's failure as the function's error.
    func matches(in bytes: [UInt8], from start: Int = 0, limit: Int? = nil, _ call: LuaCall) throws -> [Match] {
        do {
            return try matches(in: bytes, from: start, limit: limit)
        } catch {
            throw call.failure(error.message)
        }
    }
}

import Foundation
import LuaBridge

/// `toolkit.test`: the assertions of plugins' `tests/*.lua`. Each failing assertion raises an error
/// located at the line that called it; `toolkit.test.case` runs a named part of a test file and,
/// under `toolkit plugins test`, records it as passed or failed (with that location) and goes on.
/// Outside `plugins test` a failing case stops the script as any error does, so a test file run with
/// `toolkit run` is never quietly green.
enum TestModule {
    static var module: APIModule {
        APIModule(
            "toolkit.test",
            doc: """
                Assertions for a plugin's tests (`tests/*.lua`, run by `toolkit plugins test`). A failed \
                assertion raises an error naming the test file and line. Group assertions with \
                `toolkit.test.case(name, fn)`: under `toolkit plugins test` each case is counted as passed \
                or failed and the file goes on with the next case; a file that calls no case counts as \
                one test. Elsewhere (`toolkit run tests/x.lua`) a failing case stops the script like any \
                error.
                """,
            functions: [eq, ok, near, raises, testCase],
            examples: ["""
                local test = toolkit.test
                test.case("folding", function()
                  test.eq(toolkit.text.fold("Ṣalāḥ"), "salah")
                  test.eq({ 1, 2, x = { "a" } }, { 1, 2, x = { "a" } })
                  test.ok(#toolkit.text.words("one two") == 2, "two words")
                  test.near(0.1 + 0.2, 0.3, 1e-12)
                end)
                test.case("errors", function()
                  test.raises(function() toolkit.re.find("x", "(") end, "toolkit.re.find")
                end)
                """])
    }

    static var eq: APIFunction {
        APIFunction(
            "toolkit.test.eq",
            parameters: [APIParameter("actual", "any", "the value the code gave"), APIParameter("expected", "any", "the value it should be"),
                         .optional("message", "string", "said before the difference when they differ")],
            doc: """
                Passes when `actual` equals `expected`: numbers by value (`1 == 1.0`), strings by bytes, \
                tables key by key, deeply (functions and userdata by identity). A failure shows both \
                values and, for tables, the first key path where they differ (`at [2].name`).
                """,
            example: """
                toolkit.test.eq(toolkit.text.words("a b"), { "a", "b" })
                """
        ) { binding in
            { call in
                let actual = try call.value(1), expected = try call.value(2)
                if let difference = TestValues.difference(actual, expected, path: "") {
                    throw LuaScriptError("\(call.function): \(try prefix(call, 3))\(difference)")
                }
                return []
            }
        }
    }

    static var ok: APIFunction {
        APIFunction(
            "toolkit.test.ok",
            parameters: [APIParameter("value", "any", "passes unless nil or false"), .optional("message", "string", "what was expected")],
            returns: [APIResult("any", "value", "the value, when it passes")],
            doc: "Passes when `value` is neither nil nor false, as Lua's `assert` does, and returns it.",
            example: """
                local hits = toolkit.test.ok(toolkit.kb.lookup("Putin"), "a lookup gives a list")
                """
        ) { binding in
            { call in
                let value = try call.value(1)
                switch value {
                case .nil, .boolean(false):
                    throw LuaScriptError("\(call.function): \(try call.optionalString(2) ?? "expected a true value") (got \(TestValues.shown(value)))")
                default:
                    return [value]
                }
            }
        }
    }

    static var near: APIFunction {
        APIFunction(
            "toolkit.test.near",
            parameters: [APIParameter("actual", "number", "the number the code gave"), APIParameter("expected", "number", "the number it should be close to"),
                         .optional("tolerance", "number", "the largest difference allowed (default 1e-9)"),
                         .optional("message", "string", "said before the difference")],
            doc: "Passes when `|actual - expected| <= tolerance`: for scores, shares and other floats.",
            example: """
                toolkit.test.near(2 / 3, 0.667, 0.001)
                """
        ) { binding in
            { call in
                let actual = try call.number(1), expected = try call.number(2)
                let tolerance = try call.value(3).isNil ? 1e-9 : try call.number(3)
                guard tolerance >= 0 else { throw LuaScriptError("bad argument #3 to '\(call.function)' (the tolerance cannot be negative)") }
                if !(abs(actual - expected) <= tolerance) {
                    throw LuaScriptError("\(call.function): \(try prefix(call, 4))expected \(expected) within \(tolerance), got \(actual)")
                }
                return []
            }
        }
    }

    static var raises: APIFunction {
        APIFunction(
            "toolkit.test.raises",
            parameters: [APIParameter("fn", "function", "called with no arguments; it must raise an error"),
                         .optional("needle", "string", "text the error message must contain (plain text, not a pattern)")],
            returns: [APIResult("string", "message", "the error message, to check further")],
            doc: """
                Passes when calling `fn` raises an error (whose message contains `needle`, when given), \
                and returns the message. Limits (memory, instructions, time) are not errors it catches: \
                they end the test file.
                """,
            example: """
                local message = toolkit.test.raises(function() toolkit.json.decode("{") end, "toolkit.json.decode")
                print(message)
                """
        ) { binding in
            { call in
                let fn = try call.function(1)
                let needle = try call.optionalString(2)
                do {
                    try call.call(fn)
                } catch let error as LuaError where !TestValues.isLimit(error) {
                    if let needle, !error.message.contains(needle) {
                        throw LuaScriptError("\(call.function): the error does not mention \(TestValues.shown(LuaValue(needle))): \(error.message)")
                    }
                    return [LuaValue(error.message)]
                }
                throw LuaScriptError("\(call.function): expected an error, but the function returned")
            }
        }
    }

    static var testCase: APIFunction {
        APIFunction(
            "toolkit.test.case",
            parameters: [APIParameter("name", "string", "what the case checks, shown when it fails"),
                         APIParameter("fn", "function", "the case's code, called with no arguments")],
            doc: """
                Runs `fn` as one test. Under `toolkit plugins test` an error in it (a failed assertion or \
                any other) marks the case failed, is printed with its file and line, and the file goes \
                on with the next case. Elsewhere the error stops the script.
                """,
            example: """
                toolkit.test.case("the sample corpus has articles", function()
                  local n = 0
                  for _ in toolkit.articles() do n = n + 1 end
                  toolkit.test.ok(n > 0)
                end)
                """
        ) { binding in
            { [weak api = binding.api] call in
                let name = try call.string(1)
                let fn = try call.function(2)
                guard let recorder = api?.testRecorder else {
                    try call.call(fn)
                    return []
                }
                do {
                    try call.call(fn)
                    recorder.passed(name)
                } catch let error as LuaError where !TestValues.isLimit(error) {
                    recorder.failed(name, error.message, at: call.location)
                }
                return []
            }
        }
    }

    /// `message: ` when the optional message argument at `position` is given.
    private static func prefix(_ call: LuaCall, _ position: Int) throws -> String {
        guard let message = try call.optionalString(position) else { return "" }
        return message + ": "
    }
}

/// What `toolkit.test.case` counted in one test file.
final class PluginTestRecorder {
    struct Failure {
        var name: String
        /// The error, located where it was raised (`tests/x.lua:12: toolkit.test.eq: ...`).
        var message: String
        /// Where the case was declared, for errors that carry no location.
        var location: String?
    }

    private(set) var passedCount = 0
    private(set) var failures: [Failure] = []
    var cases: Int { passedCount + failures.count }

    func passed(_ name: String) { passedCount += 1 }
    func failed(_ name: String, _ message: String, at location: String?) {
        failures.append(Failure(name: name, message: message, location: location))
    }
}

/// Equality and display of Lua values for assertions.
enum TestValues {
    static func isLimit(_ error: LuaError) -> Bool {
        [.memory, .instructionLimit, .timeLimit, .interrupted].contains(error.kind)
    }

    /// Nil when equal; else what differs, with the key path for tables.
    static func difference(_ actual: LuaValue, _ expected: LuaValue, path: String) -> String? {
        let at = path.isEmpty ? "" : "at \(path): "
        switch (actual, expected) {
        case (.table(let a), .table(let b)):
            let left = entries(a), right = entries(b)
            for (key, value) in right {
                let other = left.first { $0.key == key }?.value ?? .nil
                if let difference = difference(other, value, path: path + step(key)) { return difference }
            }
            for (key, value) in left where !right.contains(where: { $0.key == key }) {
                return "at \(path + step(key)): expected nil, got \(shown(value))"
            }
            return nil
        case (.integer, .number), (.number, .integer), (.number, .number), (.integer, .integer):
            return actual.doubleValue == expected.doubleValue ? nil : "\(at)expected \(shown(expected)), got \(shown(actual))"
        default:
            return actual == expected ? nil : "\(at)expected \(shown(expected)), got \(shown(actual))"
        }
    }

    /// A table's keys and values with its list part numbered, for comparing regardless of how the
    /// table was built (`{1, 2}` and `{[1] = 1, [2] = 2}` are the same table).
    private static func entries(_ table: LuaTable) -> [(key: LuaValue, value: LuaValue)] {
        table.array.enumerated().map { (key: LuaValue.integer(Int64($0.offset + 1)), value: $0.element) }
            + table.fields.map { field in
                if case .number(let d) = field.key, let i = field.key.intValue, Double(i) == d { return (key: .integer(i), value: field.value) }
                return field
            }
    }

    private static func step(_ key: LuaValue) -> String {
        if let name = key.stringValue, name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil { return "." + name }
        return "[\(shown(key))]"
    }

    /// A value as a test failure shows it: strings quoted, tables in braces with sorted keys, cut at 200 characters.
    static func shown(_ value: LuaValue) -> String {
        let text = render(value, depth: 0)
        return text.count > 200 ? String(text.prefix(197)) + "..." : text
    }

    private static func render(_ value: LuaValue, depth: Int) -> String {
        switch value {
        case .nil: return "nil"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.rounded() == d && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
        case .string(let s):
            let escaped = s.string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\"\(escaped)\""
        case .table(let t):
            guard depth < 3 else { return "{...}" }
            var parts = t.array.map { render($0, depth: depth + 1) }
            let fields = t.fields.map { (key: render($0.key, depth: depth + 1), name: $0.key.stringValue, value: render($0.value, depth: depth + 1)) }
                .sorted { $0.key < $1.key }
            parts += fields.map { field in
                if let name = field.name, name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil {
                    return "\(name) = \(field.value)"
                }
                return "[\(field.key)] = \(field.value)"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        default: return value.typeName
        }
    }
}

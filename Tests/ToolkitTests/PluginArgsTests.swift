import Foundation
import XCTest
@testable import Toolkit

final class PluginArgsTests: XCTestCase {
    func argument(_ kind: PluginArgument.Kind) -> PluginArgument {
        PluginArgument(name: "x", kind: kind, defaultValue: nil, description: "")
    }

    func testValuesAreTypedByTheManifest() throws {
        XCTAssertEqual(try argument(.number).parse("20").get(), .integer(20))
        XCTAssertEqual(try argument(.number).parse("-0.5").get(), .number(-0.5))
        XCTAssertEqual(try argument(.string).parse("2001").get(), .string("2001"), "a string stays a string however it looks")
        XCTAssertEqual(try argument(.boolean).parse("yes").get(), .boolean(true))
        XCTAssertEqual(try argument(.boolean).parse("false").get(), .boolean(false))
        XCTAssertEqual(try argument(.list).parse("fa, ar ,sw").get(), .list(["fa", "ar", "sw"]))
        XCTAssertEqual(try argument(.list).parse("").get(), .list([]))
        for (kind, text, expected) in [(PluginArgument.Kind.number, "ten", "\"ten\" is not a number"), (.number, "inf", "is not a number"),
                                       (.boolean, "maybe", "\"maybe\" is not a boolean (true or false)")] {
            guard case .failure(let problem) = argument(kind).parse(text) else { return XCTFail("\(text) accepted as \(kind)") }
            XCTAssertTrue(problem.message.contains(expected), problem.message)
        }
    }

    func catalog() throws -> PluginCatalog {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-args-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        _ = try makePlugin(in: root, "sahel", manifest: """
            return { name = 'sahel', version = '1.0.0', toolkit = '>=0.1.0',
              args = { top = 10, since = { default = '2001', type = 'string' }, langs = { 'ar', 'fa' }, strict = { type = 'boolean' } } }
            """)
        _ = try makePlugin(in: root, "other", manifest: "return { name = 'other', version = '1.0.0', toolkit = '>=0.1.0', categories = {'extra'}, args = { top = 3 } }")
        var catalog = try PluginCatalog.survey(environment: ["TOOLKIT_PLUGINS": root.path, "HOME": root.path, "TOOLKIT_NO_BUNDLED_PLUGINS": "1"])
        // Only these plugins: the checkout's ./Plugins changes as plugins are added to it.
        catalog.available = catalog.available.filter { $0.origin == "$TOOLKIT_PLUGINS" }
        try catalog.select(nil)
        return catalog
    }

    func testDefaultsSettingsAndTheScriptsOwnKeys() throws {
        let args = try PluginArguments(settings: ["sahel.top": "5", "sahel.langs": "sw", "top": "20", "label": "x"], catalog: try catalog())
        XCTAssertEqual(args.script, ["top": "20", "label": "x"])
        XCTAssertEqual(args.plugins["sahel"], ["top": .integer(5), "since": .string("2001"), "langs": .list(["sw"])])
        XCTAssertNil(args.plugins["other"], "not selected")
        XCTAssertEqual(args.table(for: "sahel")["since"], .string("2001"))
        XCTAssertEqual(args.table(for: "sahel")["strict"], .nil, "no default, not set: absent")
    }

    func testEveryBadSettingIsReportedWithWhatIsKnown() throws {
        do {
            _ = try PluginArguments(settings: ["sahel.topp": "5", "sahel.top": "many", "nobody.x": "1", "other.top": "2"], catalog: try catalog())
            XCTFail("accepted")
        } catch {
            let lines = "\(error)".split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 4, "\(error)")
            XCTAssertTrue(lines.contains("--set nobody.x=1: no plugin named 'nobody' is loaded (loaded: sahel); a script's own keys have no dot, like --set top=20"), "\(lines)")
            XCTAssertTrue(lines.contains { $0.hasPrefix("--set other.top=2: plugin 'other' is not selected for this run") && $0.contains("--plugins \"default or other\"") }, "\(lines)")
            XCTAssertTrue(lines.contains("--set sahel.top=many: \"many\" is not a number (like 10 or 0.5); sahel.top is a number"), "\(lines)")
            XCTAssertTrue(lines.contains("--set sahel.topp=5: plugin 'sahel' has no argument 'topp'; it takes langs (list, default {\"ar\", \"fa\"}), since (string, default \"2001\"), strict (boolean), top (number, default 10)"), "\(lines)")
            XCTAssertEqual((error as? ToolkitError)?.exitCode, 2)
        }
    }
}

/// Each plugin's toolkit.args is its own, in its init and in its report callbacks on worker states.
final class PluginArgsRunTests: ToolkitProcessTestCase {
    func testTwoPluginsWithTheSameKeyKeepTheirOwnValues() throws {
        setenv("TOOLKIT_NO_BUNDLED_PLUGINS", "1", 1)
        addTeardownBlock { unsetenv("TOOLKIT_NO_BUNDLED_PLUGINS") }
        let root = try temporaryFolder()
        let plugins = root.appendingPathComponent("Plugins")
        for (name, top) in [("one", 1), ("two", 2)] {
            _ = try makePlugin(in: plugins, name, manifest: "return { name = '\(name)', version = '1.0.0', toolkit = '>=0.1.0', args = { top = \(top), tags = { default = {}, type = 'list' } } }",
                               files: ["init.lua": """
                                   print('\(name)', toolkit.args.top, math.type(toolkit.args.top), #toolkit.args.tags)
                                   toolkit.report { name = '\(name)-count',
                                     init = function() return { n = 0 } end,
                                     article = function(s) s.n = s.n + toolkit.args.top end,
                                     merge = function(a, b) a.n = a.n + b.n return a end,
                                     finish = function(s) print('\(name) report', s.n) end }
                                   """])
        }
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for i in 1...3 { try write("Title \(i)\n\nSome text of article \(i) about trade.\n", to: corpus.appendingPathComponent("\(i).txt")) }
        try write("print('script', toolkit.args.top)\n", to: root.appendingPathComponent("s.lua"))
        let result = try toolkit(["run", "s.lua", "corpus", "--out", "out", "--jobs", "2", "--set", "two.top=10", "--set", "two.tags=a,b", "--set", "top=7"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["two\t10\tinteger\t2", "one\t1\tinteger\t0", "script\t7"], "two loads first: later in ./Plugins")
        XCTAssertEqual(lines.dropFirst(3).sorted(), ["one report\t3", "two report\t30"], "workers see each plugin's own args")
        let unknown = try toolkit(["run", "s.lua", "corpus", "--out", "out", "--set", "two.depth=3"], in: root)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("plugin 'two' has no argument 'depth'; it takes tags (list, default {}), top (number, default 2)"), unknown.stderr)
    }
}

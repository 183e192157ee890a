import Foundation
import XCTest
@testable import Toolkit

final class PluginSelectionTests: XCTestCase {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-selection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func manifest(_ name: String, _ version: String = "1.0.0", categories: [String]? = nil, requires: String = "", toolkit: String = ">=0.1.0") -> String {
        let cats = categories.map { "categories = {" + $0.map { "'\($0)'" }.joined(separator: ",") + "}," } ?? ""
        return "return { name = '\(name)', version = '\(version)', toolkit = '\(toolkit)', \(cats) requires = { \(requires) } }"
    }

    /// Plugins found through $TOOLKIT_PLUGINS (not --plugin, which selects what it names), and no others.
    func catalog(_ plugins: [(String, String)]) throws -> PluginCatalog {
        let root = try folder()
        for (name, text) in plugins { _ = try makePlugin(in: root, name, manifest: text) }
        var catalog = try PluginCatalog.survey(environment: ["TOOLKIT_PLUGINS": root.path, "HOME": root.path, "TOOLKIT_NO_BUNDLED_PLUGINS": "1"])
        // Only these plugins: the checkout's ./Plugins changes as plugins are added to it.
        catalog.available = catalog.available.filter { $0.origin == "$TOOLKIT_PLUGINS" }
        return catalog
    }

    func selected(_ catalog: PluginCatalog, _ expression: String?, requires: [PluginRequirement] = []) throws -> [String] {
        var catalog = catalog
        try catalog.select(try expression.map { try PluginSelection(parsing: $0) }, scriptRequires: requires)
        return catalog.plugins.map(\.name)
    }

    func usageError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try body()
            XCTFail("no error", file: file, line: line)
            return ""
        } catch {
            XCTAssertEqual((error as? ToolkitError)?.exitCode, 2, "\(error)", file: file, line: line)
            return "\(error)"
        }
    }

    func testExpressionsMatchNamesAndCategories() throws {
        let e = try PluginSelection(parsing: "default and not experimental")
        XCTAssertTrue(e.matches(name: "a", categories: ["default"]))
        XCTAssertFalse(e.matches(name: "a", categories: ["default", "experimental"]))
        XCTAssertFalse(e.matches(name: "default-ish", categories: []))
        let p = try PluginSelection(parsing: "(sahel-* or world), not x")
        XCTAssertTrue(p.matches(name: "sahel-watch", categories: []))
        XCTAssertTrue(p.matches(name: "world", categories: []))
        XCTAssertTrue(p.matches(name: "other", categories: []), "a comma is 'or': not x holds")
        XCTAssertFalse(try PluginSelection(parsing: "not (a or b)").matches(name: "b", categories: []))
        XCTAssertTrue(try PluginSelection(parsing: "a or b and c").matches(name: "a", categories: []), "and binds tighter than or")
        XCTAssertTrue(PluginSelection.wildcard("*-kb*", matches: "sahel-kb-2"))
        XCTAssertFalse(PluginSelection.wildcard("s*z", matches: "sahel"))
    }

    func testBadExpressionsSayWhereAndHow() {
        let cases = [("", "empty expression"), ("a and", "at the end"), ("(a or b", "expected ')'"), ("a b", "unexpected 'b'"),
                     ("and a", "at 'and' (character 1)"), ("a )", "unexpected ')'"), ("a|b", "'a|b' is not a name or category")]
        for (text, expected) in cases {
            let message = usageError { _ = try PluginSelection(parsing: text) }
            XCTAssertTrue(message.contains(expected), "\(text) -> \(message)")
            XCTAssertTrue(message.hasPrefix("--plugins \"\(text)\": "), message)
        }
    }

    func testDefaultSelectionIsCategoryDefaultAndPluginsWithoutCategories() throws {
        let c = try catalog([("a", manifest("a", categories: ["default"])), ("b", manifest("b")),
                             ("c", manifest("c", categories: ["experimental"]))])
        XCTAssertEqual(try selected(c, nil), ["b", "a"], "load order: later search entries first")
        var copy = c
        try copy.select(nil)
        XCTAssertEqual(copy.reasons["a"], "in category default")
        XCTAssertEqual(copy.reasons["b"], "declares no category, so counts as default")
        XCTAssertTrue(copy.reasons["c"]!.hasPrefix("not selected"), copy.reasons["c"]!)
        XCTAssertEqual(try selected(c, "default and not b or experimental"), ["c", "a"], "load order: later search entries first")
        XCTAssertEqual(try selected(c, "*"), ["c", "b", "a"])
    }

    func testRequiresAreAddedAndLoadFirst() throws {
        let c = try catalog([("a", manifest("a", requires: "b = '^1.0.0'")), ("b", manifest("b", "1.4.0", categories: ["lib"]))])
        XCTAssertEqual(try selected(c, nil), ["b", "a"])
        var copy = c
        try copy.select(nil)
        XCTAssertEqual(copy.reasons["b"], "required by a (^1.0.0)")
        // A script's requirement pulls in a plugin outside the selection.
        XCTAssertEqual(try selected(try catalog([("b", manifest("b", categories: ["lib"]))]), nil,
                                    requires: [PluginRequirement(name: "b", range: VersionRange(">=1.0.0"))]), ["b"])
    }

    func testUnknownWordsAndEmptySelectionsAreErrorsListingWhatIsKnown() throws {
        let c = try catalog([("alpha", manifest("alpha", categories: ["default", "news"]))])
        let unknown = usageError { _ = try selected(c, "default and not experimentl") }
        XCTAssertTrue(unknown.contains("'experimentl' names no plugin or category"), unknown)
        XCTAssertTrue(unknown.hasSuffix("known plugins: alpha; categories: default, news"), unknown)
        let empty = usageError { _ = try selected(c, "alpha and not news") }
        XCTAssertTrue(empty.contains("selects no plugin"), empty)
    }

    func testMissingRequirementIsAnError() throws {
        let c = try catalog([("a", manifest("a", requires: "ghost = '>=1.0.0'"))])
        let message = usageError { _ = try selected(c, nil) }
        XCTAssertTrue(message.contains("plugin 'ghost' is required by a (>=1.0.0) but is not installed"), message)
    }

    func testUnmetRangeAndConflictAreErrors() throws {
        let unmet = try catalog([("a", manifest("a", requires: "b = '>=2.0.0'")), ("b", manifest("b", "1.4.0", categories: ["lib"]))])
        let message = usageError { _ = try selected(unmet, nil) }
        XCTAssertTrue(message.contains("plugin 'b' 1.4.0 ("), message)
        XCTAssertTrue(message.contains("does not satisfy a, which needs >=2.0.0"), message)
        let conflict = try catalog([("a", manifest("a", requires: "c = '^1.0.0'")), ("b", manifest("b", requires: "c = '^2.0.0'")),
                                    ("c", manifest("c", "1.1.0", categories: ["lib"]))])
        let both = usageError { _ = try selected(conflict, nil) }
        XCTAssertTrue(both.contains("does not satisfy b, which needs ^2.0.0 (a conflict: a accepts ^1.0.0)"), both)
        let script = usageError { _ = try selected(unmet, "b", requires: [PluginRequirement(name: "b", range: VersionRange("^2.0.0"))]) }
        XCTAssertTrue(script.contains("the script, which needs ^2.0.0"), script)
    }

    func testCycleIsAnError() throws {
        let c = try catalog([("a", manifest("a", requires: "b = '*'")), ("b", manifest("b", requires: "c = '*'")), ("c", manifest("c", requires: "a = '>=1.0.0'"))])
        let message = usageError { _ = try selected(c, "a") }
        XCTAssertTrue(message.contains("plugins require each other in a cycle: a -> b -> c -> a"), message)
        let own = usageError { _ = try selected(try catalog([("s", manifest("s", requires: "s = '*'"))]), nil) }
        XCTAssertTrue(own.contains("cycle: s -> s"), own)
    }

    func testAPluginForAnotherToolkitIsAnErrorOnlyWhenSelected() throws {
        let c = try catalog([("new", manifest("new", categories: ["future"], toolkit: ">=99.0.0")), ("a", manifest("a"))])
        XCTAssertEqual(try selected(c, nil), ["a"])
        let message = usageError { _ = try selected(c, "future") }
        XCTAssertTrue(message.contains("plugin.lua: plugin 'new' needs toolkit >=99.0.0, this is"), message)
    }

    func testScriptRequirementsComeFromItsLeadingComments() throws {
        let code = Array("#!/usr/bin/env toolkit\n-- People of the SCO\n-- requires: sco ^0.1.0, world\n\nlocal x = 1\n-- requires: late\n".utf8)
        let found = try PluginRequirement.declared(inScript: code, shownAs: "s.lua")
        XCTAssertEqual(found.map(\.description), ["sco ^0.1.0", "world"])
        XCTAssertThrowsError(try PluginRequirement.declared(inScript: Array("-- requires: sco soon\n".utf8), shownAs: "s.lua")) { error in
            XCTAssertTrue("\(error)".hasPrefix("s.lua:1: \"soon\" is not a version range for plugin 'sco'"), "\(error)")
        }
    }
}

/// What a selection and the plugins' environments mean for a run.
final class PluginSelectionRunTests: ToolkitProcessTestCase {
    override func setUp() {
        setenv("TOOLKIT_NO_BUNDLED_PLUGINS", "1", 1)
        addTeardownBlock { unsetenv("TOOLKIT_NO_BUNDLED_PLUGINS") }
    }

    func testPluginsKeepTheirGlobalsAndModulesToThemselves() throws {
        let root = try temporaryFolder()
        let plugins = root.appendingPathComponent("Plugins")
        _ = try makePlugin(in: plugins, "a", manifest: "return { name = 'a', version = '1.0.0', toolkit = '>=0.1.0', requires = { b = '^1.0.0' } }", files: [
            "init.lua": "helpers = require 'a.util.helpers'\nprint('a', helpers.twice(21), shared, require('a.util.helpers') == helpers)\n"
                + "local ok, err = pcall(require, 'b.secret')\nprint('a', ok, err)\n",
            "lua/util/helpers.lua": "local M = {}\nfunction M.twice(x) return 2 * x end\nreturn M\n",
        ])
        _ = try makePlugin(in: plugins, "b", manifest: "return { name = 'b', version = '1.1.0', toolkit = '>=0.1.0', categories = {'lib'} }", files: [
            "init.lua": "shared = 'from b'\nprint('b', helpers, shared)\n",
            "lua/secret.lua": "return 'secret'\n",
        ])
        try write("print('script', helpers, shared)\n", to: root.appendingPathComponent("s.lua"))
        let result = try toolkit(["run", "s.lua", "--out", "out"], stdin: nil, in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stdout)
        XCTAssertEqual(lines[0], "b\tnil\tfrom b", "b loads first: a requires it")
        XCTAssertEqual(lines[1], "a\t42\tnil\ttrue", "a's module, loaded once; b's global unseen")
        XCTAssertTrue(lines[2].hasPrefix("a\tfalse\t") && lines[2].contains("module 'b.secret' not found: plugin 'a' can require its own modules only"), lines[2])
        XCTAssertTrue(lines[2].contains("(it has: a.util.helpers)"), lines[2])
        XCTAssertEqual(lines[3], "script\tnil\tnil")
    }

    func testAFailedResolutionRunsNothing() throws {
        let root = try temporaryFolder()
        let plugins = root.appendingPathComponent("Plugins")
        _ = try makePlugin(in: plugins, "a", manifest: "return { name = 'a', version = '1.0.0', toolkit = '>=0.1.0', requires = { b = '>=2.0.0' } }",
                           files: ["init.lua": "print('a ran')\n"])
        _ = try makePlugin(in: plugins, "b", manifest: "return { name = 'b', version = '1.0.0', toolkit = '>=0.1.0' }",
                           files: ["init.lua": "print('b ran')\n"])
        try write("print('script ran')\n", to: root.appendingPathComponent("s.lua"))
        let result = try toolkit(["run", "s.lua", "--out", "out"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("plugin 'b' 1.0.0 (Plugins/b) does not satisfy a, which needs >=2.0.0"), result.stderr)
        // --plugins chooses: b alone runs.
        let only = try toolkit(["run", "s.lua", "--out", "out", "--plugins", "b"], in: root)
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertEqual(only.stdout, "b ran\nscript ran\n")
        let bad = try toolkit(["run", "s.lua", "--out", "out", "--plugins", "b and not"], in: root)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertTrue(bad.stderr.contains("--plugins \"b and not\": expected a name, a category, 'not' or '(' at the end"), bad.stderr)
    }

    func testAScriptRequirementLoadsAPluginOutsideTheDefault() throws {
        let root = try temporaryFolder()
        _ = try makePlugin(in: root.appendingPathComponent("Plugins"), "extra",
                           manifest: "return { name = 'extra', version = '0.2.0', toolkit = '>=0.1.0', categories = {'experimental'} }",
                           files: ["init.lua": "print('extra ran')\n"])
        try write("print('plain')\n", to: root.appendingPathComponent("plain.lua"))
        try write("-- requires: extra ^0.2.0\nprint('needs extra')\n", to: root.appendingPathComponent("needs.lua"))
        try write("-- requires: extra ^1.0.0\nprint('needs extra 1')\n", to: root.appendingPathComponent("newer.lua"))
        XCTAssertEqual(try toolkit(["run", "plain.lua", "--out", "out"], in: root).stdout, "plain\n")
        XCTAssertEqual(try toolkit(["run", "needs.lua", "--out", "out"], in: root).stdout, "extra ran\nneeds extra\n")
        let newer = try toolkit(["run", "newer.lua", "--out", "out"], in: root)
        XCTAssertEqual(newer.status, 2)
        XCTAssertTrue(newer.stderr.contains("does not satisfy the script, which needs ^1.0.0"), newer.stderr)
    }

    func testNamingAReportLoadsThePluginThatProvidesIt() throws {
        let root = try temporaryFolder()
        _ = try makePlugin(in: root.appendingPathComponent("Plugins"), "counter",
                           manifest: "return { name = 'counter', version = '1.0.0', toolkit = '>=0.1.0', categories = {'experimental'}, provides = { reports = {'counts'} } }",
                           files: ["init.lua": "toolkit.report { name = 'counts', init = function() return { n = 0 } end, article = function(s) s.n = s.n + 1 end, finish = function(s) print('articles', s.n) end }\n"])
        try write("Title\n\nSome text about trade.\n", to: root.appendingPathComponent("a.txt"))
        let report = try toolkit(["report", "counts", "a.txt", "--out", "out"], in: root)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(report.stdout, "articles\t1\n")
        try write("print('script')\n", to: root.appendingPathComponent("s.lua"))
        XCTAssertEqual(try toolkit(["run", "s.lua", "a.txt", "--out", "out"], in: root).stdout, "script\n", "a run does not load it")
    }

    func testAReusedKnowledgeBaseIdAddsSpellingsToTheProfileOfWhatItRequires() throws {
        unsetenv("TOOLKIT_NO_BUNDLED_PLUGINS")
        let root = try temporaryFolder()
        let plugin = try makePlugin(in: root, "hausa", manifest: "return { name = 'hausa', version = '0.1.0', toolkit = '>=0.1.0', requires = { world = '>=1.0.0' } }",
                                    files: ["kb/ru.tsv": "place/ru\tplace\tRasha (Hausa)\tha:Rasha|sw:Shirikisho la Urusi\thausa=yes;country=XX\n"])
        // From the checkout: ./Plugins/world loads before the plugin named with --plugin.
        let result = try toolkit(["kb", "lookup", "Rasha", "--plugin", plugin.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("place/ru\tplace\tRussia\n"), "world's name stays: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("country=RU;") || result.stdout.contains("country=RU\n"), "a key world has keeps its value: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("hausa=yes"), "a new key is added: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("  ha: Rasha"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Rasha (Hausa)"), "the reused id's name column is not a spelling: \(result.stdout)")
    }

    func testProvidesMustMatchWhatThePluginRegisters() throws {
        let root = try temporaryFolder()
        _ = try makePlugin(in: root.appendingPathComponent("Plugins"), "p",
                           manifest: "return { name = 'p', version = '1.0.0', toolkit = '>=0.1.0', provides = { reports = { 'counts', 'ghost' } } }",
                           files: ["init.lua": """
                               toolkit.report { name = 'counts', init = function() return {} end, article = function() end, finish = function() end }
                               toolkit.extractor { name = 'stray', kinds = { 'money' }, extract = function() end }
                               """])
        try write("print('script ran')\n", to: root.appendingPathComponent("s.lua"))
        let result = try toolkit(["run", "s.lua", "--out", "out"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("Plugins/p/plugin.lua: field 'provides.reports': declares report 'ghost', but init.lua does not register it (it registers: counts)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Plugins/p/plugin.lua: field 'provides.extractors': init.lua registers extractor 'stray', which is not declared"), result.stderr)
    }
}

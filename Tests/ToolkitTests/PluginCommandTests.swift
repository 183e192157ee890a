import Foundation
import XCTest

/// `toolkit plugins list`, `info` and `check` as a user runs them, in a folder of their own.
final class PluginCommandTests: ToolkitProcessTestCase {
    var root: URL!

    override func setUpWithError() throws {
        setenv("TOOLKIT_NO_BUNDLED_PLUGINS", "1", 1)
        addTeardownBlock { unsetenv("TOOLKIT_NO_BUNDLED_PLUGINS") }
        root = try temporaryFolder()
        let plugins = root.appendingPathComponent("Plugins")
        _ = try makePlugin(in: plugins, "sahel", manifest: """
            return { name = 'sahel', version = '1.2.0', toolkit = '>=0.1.0', license = 'CC-BY-4.0', homepage = 'https://example.org/sahel',
              description = 'Actors of the Sahel', categories = { 'default', 'africa' }, requires = { lib = '^0.3.0' },
              args = { top = { default = 10, type = 'number', description = 'how many rows' }, langs = { 'fr', 'ha' } },
              provides = { reports = { 'actors' }, kb = { 'person' } } }
            """, files: [
                "init.lua": "toolkit.report { name = 'actors', init = function() return {} end, article = function() end, finish = function() end }\n",
                "kb/people.tsv": "# id\tkind\tname\tvariants\tattrs\nperson/amina-odhiambo\tperson\tAmina Odhiambo\ten:Amina Odhiambo|en:Odhiambo*\tcountry=KE\n",
                "tests/basic.lua": "-- a test\n",
                "README.md": "# sahel\n",
            ])
        _ = try makePlugin(in: plugins, "lib", manifest: "return { name = 'lib', version = '0.3.1', toolkit = '>=0.1.0', categories = { 'library' } }",
                           files: ["README.md": "# lib\n", "tests/t.lua": "\n"])
        _ = try makePlugin(in: plugins, "draft", manifest: "return { name = 'draft', version = '0.0.1', toolkit = '>=0.1.0', categories = { 'experimental' } }")
    }

    func testListSaysWhereEachPluginComesFromAndWhetherItLoadsAndWhy() throws {
        let elsewhere = root.appendingPathComponent("elsewhere")
        _ = try makePlugin(in: elsewhere, "lib", manifest: "return { name = 'lib', version = '0.9.0', toolkit = '>=0.1.0' }")
        setenv("TOOLKIT_PLUGINS", elsewhere.path, 1)
        addTeardownBlock { unsetenv("TOOLKIT_PLUGINS") }
        let result = try toolkit(["plugins", "list"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\nsahel\t1.2.0\t./Plugins Plugins/sahel\t"), "tab-separated: \(result.stdout)")
        let rows = result.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: " ") }
        XCTAssertEqual(rows.first, "NAME VERSION FROM CATEGORIES LOADED")
        XCTAssertTrue(rows.contains("draft 0.0.1 ./Plugins Plugins/draft experimental no: not in category default (categories: experimental)"), "\(rows)")
        XCTAssertTrue(rows.contains("lib 0.3.1 ./Plugins Plugins/lib library yes: required by sahel (^0.3.0)"), "\(rows)")
        XCTAssertTrue(rows.contains("sahel 1.2.0 ./Plugins Plugins/sahel default,africa yes: in category default"), "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("lib 0.9.0 $TOOLKIT_PLUGINS ") && $0.hasSuffix("- no: shadowed by Plugins/lib") }, "\(rows)")

        let chosen = try toolkit(["plugins", "list", "--plugins", "experimental"], in: root)
        XCTAssertTrue(chosen.stdout.contains("yes: selected by --plugins \"experimental\""), chosen.stdout)
        let wrong = try toolkit(["plugins", "list", "--plugins", "experimentl"], in: root)
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stdout.contains("selection failed"), "the listing still shows what is there: \(wrong.stdout)")
        XCTAssertTrue(wrong.stderr.contains("'experimentl' names no plugin or category; known plugins: draft, lib, sahel; categories: africa, default, experimental, library"), wrong.stderr)
    }

    func testListShowsABrokenManifestAndRunsRefuseIt() throws {
        _ = try makePlugin(in: root.appendingPathComponent("Plugins"), "bad", manifest: "return { name = 'bad', version = '1.x', toolkit = 'soon' }")
        let list = try toolkit(["plugins", "list"], in: root)
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("no: broken manifest (see below)"), list.stdout)
        XCTAssertTrue(list.stderr.contains("Plugins/bad/plugin.lua: field 'version': \"1.x\" is not a SemVer version (like 1.2.0)\nPlugins/bad/plugin.lua: field 'toolkit': \"soon\" is not a version range"), list.stderr)
        try write("print(1)\n", to: root.appendingPathComponent("s.lua"))
        let run = try toolkit(["run", "s.lua", "--out", "out"], in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("Plugins/bad/plugin.lua: field 'version'"), run.stderr)
    }

    func testInfoShowsArgsProvidesAndLicence() throws {
        let result = try toolkit(["plugins", "info", "sahel"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        for line in ["version:\t1.2.0", "license:\tCC-BY-4.0", "homepage:\thttps://example.org/sahel", "loaded:\tyes: in category default",
                     "requires:\tlib ^0.3.0", "provides reports:\tactors", "provides kb kinds:\tperson",
                     "arg top:\tnumber, default 10: how many rows (--set sahel.top=...)",
                     "arg langs:\tlist, default {\"fr\", \"ha\"} (--set sahel.langs=...)", "kb files:\tpeople.tsv", "tests:\tbasic.lua"] {
            XCTAssertTrue(result.stdout.contains(line + "\n"), "missing \(line) in\n\(result.stdout)")
        }
        let missing = try toolkit(["plugins", "info", "sahle"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no plugin named 'sahle'; the plugins found are draft, lib, sahel"), missing.stderr)
    }

    func testCheckPassesHealthyPluginsAndWarnsOfMissingTests() throws {
        let result = try toolkit(["plugins", "check"], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("sahel 1.2.0 (Plugins/sahel)\n  ok: manifest"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  ok: requires: lib ^0.3.0 found in range\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  ok: kb: 1 file(s) parsed, kinds person\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  ok: init.lua: loads, registers actors\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("draft 0.0.1 (Plugins/draft)\n  ok: manifest: 0 arg(s), categories experimental\n  warning: tests: none (add tests/*.lua)\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("3 plugin(s) checked: 3 healthy, 0 with problems\n"), result.stdout)
    }

    func testCheckReportsDataErrorsWithFileAndLine() throws {
        let plugins = root.appendingPathComponent("Plugins")
        try write("# id\tkind\tname\tvariants\tattrs\nperson/amina-odhiambo\tperson\tAmina Odhiambo\ten:Amina Odhiambo\n\nperson/broken\n",
                  to: plugins.appendingPathComponent("sahel/kb/people.tsv"))
        try FileManager.default.createDirectory(at: plugins.appendingPathComponent("sahel/markers"), withIntermediateDirectories: true)
        try write("nonsense-kind\tRead more\tprefix\n", to: plugins.appendingPathComponent("sahel/markers/en.tsv"))
        let result = try toolkit(["plugins", "check", "sahel"], in: root)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("  error: Plugins/sahel/kb/people.tsv:4: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("  error: Plugins/sahel/markers/en.tsv") || result.stdout.contains("  error: en.tsv:1"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("1 plugin(s) checked: 0 healthy, 1 with problems\n"), result.stdout)
    }

    func testCheckReportsABrokenManifestAndAMissingMainFile() throws {
        let plugins = root.appendingPathComponent("Plugins")
        _ = try makePlugin(in: plugins, "bad", manifest: "return { name = 'bad', version = '1.x', toolkit = '>=0.1.0', args = { n = { type = 'int' } } }")
        _ = try makePlugin(in: plugins, "moved", manifest: "return { name = 'moved', version = '1.0.0', toolkit = '>=0.1.0', main = 'src/main.lua' }")
        let result = try toolkit(["plugins", "check"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("Plugins/bad\n  error: Plugins/bad/plugin.lua: field 'version': \"1.x\" is not a SemVer version (like 1.2.0)\n"
            + "  error: Plugins/bad/plugin.lua: field 'args.n.type': \"int\" is not a type (known: number, boolean, string, list)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  error: Plugins/moved/plugin.lua: field 'main': Plugins/moved/src/main.lua does not exist\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("5 plugin(s) checked: 3 healthy, 2 with problems\n"), result.stdout)
        let named = try toolkit(["plugins", "check", "bad"], in: root)
        XCTAssertEqual(named.status, 1, "a broken plugin is named by its folder")
    }

    func testCheckReportsUnmetRequirementsProvidesAndCodeErrors() throws {
        let plugins = root.appendingPathComponent("Plugins")
        try write("return { name = 'lib', version = '0.4.0', toolkit = '>=0.1.0', categories = { 'library' } }", to: plugins.appendingPathComponent("lib/plugin.lua"))
        try write("toolkit.report { name = 'other', init = function() return {} end, article = function() end, finish = function() end }\n",
                  to: plugins.appendingPathComponent("sahel/init.lua"))
        _ = try makePlugin(in: plugins, "crash", manifest: "return { name = 'crash', version = '1.0.0', toolkit = '>=0.1.0' }",
                           files: ["init.lua": "local x = nil\nprint(x.y)\n"])
        let result = try toolkit(["plugins", "check"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("  error: requires: plugin 'lib' 0.4.0 (Plugins/lib) does not satisfy sahel, which needs ^0.3.0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  error: init.lua: Plugins/crash/init.lua:2: attempt to index a nil value (local 'x')"), result.stdout)
        let sahel = try toolkit(["plugins", "check", "sahel"], in: root)
        XCTAssertFalse(sahel.stdout.contains("registers"), "the code is not run when what it requires is missing: \(sahel.stdout)")
        try write("return { name = 'lib', version = '0.3.5', toolkit = '>=0.1.0', categories = { 'library' } }", to: plugins.appendingPathComponent("lib/plugin.lua"))
        let provides = try toolkit(["plugins", "check", "sahel"], in: root)
        XCTAssertEqual(provides.status, 1)
        XCTAssertTrue(provides.stdout.contains("  error: Plugins/sahel/plugin.lua: field 'provides.reports': declares report 'actors', but init.lua does not register it (it registers: other)\n"), provides.stdout)
        XCTAssertTrue(provides.stdout.contains("  error: Plugins/sahel/plugin.lua: field 'provides.reports': init.lua registers report 'other', which is not declared"), provides.stdout)
        let unknown = try toolkit(["plugins", "check", "nothing"], in: root)
        XCTAssertEqual(unknown.status, 2)
    }
}

import Foundation
import XCTest
@testable import Toolkit

final class PluginTests: XCTestCase {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func plugin(in root: URL, _ name: String, manifest: String) throws -> URL {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("kb"), withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("plugin.lua"))
        return dir
    }

    func testSemanticVersionsOrderAndRanges() {
        let order = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0", "1.2.0", "10.0.0"]
        let versions = order.compactMap(SemanticVersion.init)
        XCTAssertEqual(versions.count, order.count)
        XCTAssertEqual(versions, versions.sorted())
        for bad in ["1.0", "1.0.0.0", "01.0.0", "a.b.c", "1.0.0-", ""] { XCTAssertNil(SemanticVersion(bad), bad) }
        XCTAssertTrue(VersionRange(">=0.1.0 <1.0.0")!.contains(SemanticVersion("0.5.2")!))
        XCTAssertFalse(VersionRange(">=0.1.0 <1.0.0")!.contains(SemanticVersion("1.0.0")!))
        XCTAssertTrue(VersionRange("^0.1.0")!.contains(SemanticVersion("0.1.9")!))
        XCTAssertFalse(VersionRange("^0.1.0")!.contains(SemanticVersion("0.2.0")!))
        XCTAssertTrue(VersionRange("^1.2.0")!.contains(SemanticVersion("1.9.0")!))
        XCTAssertNil(VersionRange(">=x"))
    }

    func testValidManifestAndDiscoveryOrder() throws {
        let first = try folder(), second = try folder()
        _ = try plugin(in: first, "alpha", manifest: "return { name = 'alpha', version = '1.0.0', toolkit = '>=0.1.0', args = { top = 10 }, languages = {'sw'} }")
        _ = try plugin(in: second, "alpha", manifest: "return { name = 'alpha', version = '2.0.0', toolkit = '>=0.1.0' }")
        _ = try plugin(in: second, "beta", manifest: "return { name = 'beta', version = '0.1.0', toolkit = '^0.1.0' }")
        let catalog = try PluginCatalog.discover(extra: [first.path], environment: ["TOOLKIT_PLUGINS": second.path, "HOME": first.path])
        let names = catalog.available.map { "\($0.manifest.name)@\($0.manifest.version)" }
        XCTAssertTrue(names.starts(with: ["alpha@1.0.0"]), "\(names)")
        XCTAssertTrue(names.contains("beta@0.1.0"))
        XCTAssertEqual(catalog.shadowed.filter { $0.plugin.name == "alpha" }.map(\.plugin.manifest.version.description), ["2.0.0"])
        XCTAssertEqual(catalog.available.first?.manifest.args.map(\.name), ["top"])
    }

    func testManifestProblemsAreOneLineNamingFileAndField() throws {
        let root = try folder()
        let cases: [(String, String)] = [
            ("return { version = '1.0.0', toolkit = '>=0.1.0' }", "field 'name': missing"),
            ("return { name = 'Bad Name', version = '1.0.0', toolkit = '>=0.1.0' }", "field 'name': \"Bad Name\" is not a plugin name"),
            ("return { name = 'x', version = '1.0', toolkit = '>=0.1.0' }", "field 'version': \"1.0\" is not a SemVer version (like 1.2.0)"),
            ("return { name = 'x', version = '1.0.0', toolkit = 'soon' }", "field 'toolkit': \"soon\" is not a version range"),
            ("return { name = 'x', version = '1.0.0', toolkit = '>=99.0.0' }", "needs toolkit >=99.0.0, this is"),
            ("return { name = 'x', version = '1.0.0', toolkit = '>=0.1.0', authors = 'me' }", "field 'authors': must be a list of strings"),
            ("return { name = 'x', version = '1.0.0', toolkit = '>=0.1.0', permissions = {'network'} }", "asks for 'network'"),
            ("return 42", "the manifest must return a table"),
            ("return {", "plugin.lua:1:"),
            ("while true do end", "instruction limit exceeded"),
            ("os.execute('true')", "attempt to index a nil value (global 'os')"),
        ]
        for (i, (manifest, expected)) in cases.enumerated() {
            let dir = try plugin(in: root, "p\(i)", manifest: manifest)
            XCTAssertThrowsError(try PluginCatalog.discover(extra: [dir.path], environment: ["HOME": root.path])) { error in
                let message = (error as? ToolkitError)?.description ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "\(manifest) -> \(message)")
                XCTAssertTrue(message.contains("plugin.lua"), message)
                XCTAssertFalse(message.contains("\n"), message)
                XCTAssertEqual((error as? ToolkitError)?.exitCode, 2)
            }
        }
    }

    func testMissingPluginFolderIsAUsageError() {
        XCTAssertThrowsError(try PluginCatalog.discover(extra: ["/no/such/plugin/dir"])) { error in
            XCTAssertTrue("\(error)".contains("--plugin /no/such/plugin/dir: no such folder"))
        }
    }
}

/// Plugins take part in runs: markers extend the parser, args give defaults, init.lua runs first.
final class PluginRunTests: ToolkitProcessTestCase {
    func testPluginMarkersArgsAndInitReachTheRun() throws {
        let root = try temporaryFolder()
        let plugin = root.appendingPathComponent("house-style")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("markers"), withIntermediateDirectories: true)
        try write("return { name = 'house-style', version = '0.1.0', toolkit = '>=0.1.0', args = { top = 2, tag = 'plugin' } }\n",
                  to: plugin.appendingPathComponent("plugin.lua"))
        try write("house = { greeting = 'from init.lua' }\nprint(house.greeting, toolkit.args.top, toolkit.args.tag)\n", to: plugin.appendingPathComponent("init.lua"))
        try write("boilerplate\tThis story first ran in the weekend Gazette\tline\n", to: plugin.appendingPathComponent("markers/en.tsv"))
        let article = root.appendingPathComponent("a.txt")
        try write("Ministers meet in Nairobi to discuss the new trade rules\n\nThe ministers of five countries met on Monday to agree on common rules for cross-border trade.\nThis story first ran in the weekend Gazette\nThey will meet again in March to sign the agreement.\n", to: article)
        let script = root.appendingPathComponent("s.lua")
        try write("""
            print("script", house, toolkit.args.top, toolkit.args.tag)
            for a in toolkit.articles() do
              for _, p in ipairs(a.paragraphs) do print(p:sub(1, 20)) end
            end
            """, to: script)
        let without = try toolkit(["run", script.path, article.path, "--out", root.path, "--plugin", root.path, "--set", "house-style.tag=cli", "--set", "tag=mine"])
        XCTAssertEqual(without.status, 0, without.stderr)
        let lines = without.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "from init.lua\t2\tcli", "the plugin's default for top, --set house-style.tag for tag")
        XCTAssertEqual(lines.dropFirst().first, "script\tnil\tnil\tmine", "the script sees neither the plugin's globals nor its args")
        XCTAssertFalse(lines.contains { $0.hasPrefix("This story first ran") }, "the plugin's marker makes the line boilerplate: \(lines)")

        func kind(of line: String, _ output: String) -> String? {
            output.split(separator: "\n").first { $0.hasSuffix(line) }.map { String($0.prefix { $0 != " " }) }
        }
        let parsed = try toolkit(["parse", article.path, "--plugin", plugin.path])
        XCTAssertEqual(kind(of: "This story first ran in the weekend Gazette", parsed.stdout), "boilerplate", parsed.stdout)
        // Without the plugin (run where no ./Plugins holds it) the same line is read as article text.
        let plain = try toolkit(["parse", article.path], in: plugin.appendingPathComponent("markers"))
        XCTAssertNotNil(kind(of: "This story first ran in the weekend Gazette", plain.stdout))
        XCTAssertNotEqual(kind(of: "This story first ran in the weekend Gazette", plain.stdout), "boilerplate", plain.stdout)
    }
}

/// The data formats docs/plugins.md documents, used as a plugin would.
final class PluginDataTests: ToolkitProcessTestCase {
    func testKnowledgeBaseTSVAndRulesFromAPluginChangeWhatIsFound() throws {
        // What this plugin alone adds: the binary's bundled world knowledge base (found from any
        // folder) already knows Tiani, so it is left out of the runs.
        setenv("TOOLKIT_NO_BUNDLED_PLUGINS", "1", 1)
        addTeardownBlock { unsetenv("TOOLKIT_NO_BUNDLED_PLUGINS") }
        let root = try temporaryFolder()
        let plugin = root.appendingPathComponent("sahel")
        for sub in ["kb", "rules"] {
            try FileManager.default.createDirectory(at: plugin.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try write("return { name = 'sahel', version = '0.1.0', toolkit = '>=0.1.0' }\n", to: plugin.appendingPathComponent("plugin.lua"))
        try write("# id\tkind\tname\tvariants\tattrs\nperson/amina-odhiambo\tperson\tAmina Odhiambo\ten:Amina Odhiambo|en:Odhiambo*|ar:أمينة أوديامبو\tcountry=KE;role=minister\n",
                  to: plugin.appendingPathComponent("kb/extra.tsv"))
        try write("fr\tchef de la junte\tbefore\thead-of-state\n", to: plugin.appendingPathComponent("rules/titles-sahel.tsv"))
        let article = root.appendingPathComponent("a.txt")
        try write("Le chef de la junte arrive a Niamey\n\nLe chef de la junte Abdourahamane Tiani a reçu hier la ministre Amina Odhiambo à Niamey pour des entretiens.\n", to: article)

        func people(_ extra: [String]) throws -> [String] {
            try peopleFound(in: article, from: root, extra).map { "\($0.id) \($0.extractor)" }
        }
        XCTAssertEqual(try people(["--plugin", plugin.path]), ["~person/abdourahamane-tiani title", "person/amina-odhiambo kb"])
        let without = try people([])
        XCTAssertFalse(without.contains { $0.contains("tiani") }, "\(without)")
        XCTAssertFalse(without.contains("person/amina-odhiambo kb"), "\(without)")
    }

    /// The people `toolkit entities` finds in `article` (CSV columns id, text and extractor).
    private func peopleFound(in article: URL, from root: URL, _ extra: [String]) throws -> [(id: String, text: String, extractor: String)] {
        let result = try toolkit(["entities", article.path, "--kind", "person", "--format", "csv"] + extra, in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\r\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells[2], cells[5], cells[12])
        }
    }

    /// A plugin's `words*.tsv` adds a Persian speech verb: the name opening a sentence before it is a speaker.
    func testASpeechVerbFromAPluginFindsTheSpeaker() throws {
        let root = try temporaryFolder()
        let plugin = root.appendingPathComponent("dari")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try write("return { name = 'dari', version = '0.1.0', toolkit = '>=0.1.0' }\n", to: plugin.appendingPathComponent("plugin.lua"))
        try write("fa\tspeech-after\tابراز داشت\n", to: plugin.appendingPathComponent("rules/words-dari.tsv"))
        let article = root.appendingPathComponent("a.txt")
        try write("نشست استانداران در کابل\n\nنشست استانداران امروز در کابل برگزار شد و درباره طرح‌های عمرانی گفت‌وگو کردند.\n\nکاظمی ابراز داشت: این طرح‌ها تا پایان سال به بهره‌برداری می‌رسد و مردم از آن بهره می‌برند.\n", to: article)
        func speakers(_ extra: [String]) throws -> [String] {
            try peopleFound(in: article, from: root, extra).filter { $0.extractor == "speaker" }.map(\.text)
        }
        XCTAssertEqual(try speakers(["--plugin", plugin.path]), ["کاظمی"])
        XCTAssertEqual(try speakers([]), [])
    }
}

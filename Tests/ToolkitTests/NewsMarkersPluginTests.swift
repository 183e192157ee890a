import Foundation
import XCTest

/// The parser's markers are the data of the bundled news-markers plugin: selected by default, left
/// out by a --plugins expression (and then said on stderr, never a quietly different parse), and
/// merged with other plugins' markers, whose `disable` lines remove its phrases.
final class NewsMarkersPluginTests: ToolkitProcessTestCase {
    private static let article = """
        {"id":"a","lang":"en","title":"Ministers agree on a grain corridor","text":"Ministers agree on a grain corridor\\nThe ministers of five countries agreed on Tuesday to open a corridor for grain shipments.\\nRead also: Port workers end their strike after two weeks\\nThe agreement still needs the approval of the parliaments, officials said."}

        """

    private func run(_ extra: [String], plugin: URL? = nil) throws -> Outcome {
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("x.lua")
        try write("""
            for a in toolkit.articles() do
              local kinds = {}
              for _, b in ipairs(a.blocks) do kinds[#kinds + 1] = b.kind end
              print(table.concat(kinds, " "))
            end
            """, to: script)
        let corpus = folder.appendingPathComponent("a.jsonl")
        try write(Self.article, to: corpus)
        return try toolkit(["run", script.path, corpus.path, "--out", folder.appendingPathComponent("out").path] + extra)
    }

    func testTheDefaultRunTypesLinesWithTheBundledMarkers() throws {
        let result = try run([])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "title lede related paragraph\n", "the read-also line is related, not body")
        XCTAssertFalse(result.stderr.contains("no markers loaded"), result.stderr)
    }

    func testLeavingThePluginOutIsSaidAndTheLineStaysBody() throws {
        let result = try run(["--plugins", "world"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "title lede heading paragraph\n", "without markers the read-also line is typed by its shape")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: no markers loaded"), result.stderr)
        XCTAssertTrue(result.stderr.contains("news-markers"), result.stderr)
    }

    func testAnotherPluginDisablesAPhraseOfNewsMarkers() throws {
        let plugin = try temporaryFolder().appendingPathComponent("no-read-also")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("markers"), withIntermediateDirectories: true)
        try write("""
            return { name = "no-read-also", version = "0.1.0", toolkit = ">=0.1.0", description = "test", categories = { "test" } }
            """, to: plugin.appendingPathComponent("plugin.lua"))
        try write("return {}\n", to: plugin.appendingPathComponent("init.lua"))
        try write("related\tRead also\tdisable\n", to: plugin.appendingPathComponent("markers/en.tsv"))
        let result = try run(["--plugin", plugin.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "title lede heading paragraph\n", "the disabled phrase no longer marks the line")
        XCTAssertFalse(result.stderr.contains("no markers loaded"), result.stderr)
    }
}

import Foundation
import XCTest

/// Issue 7: an article over one window with furniture between its paragraphs holds its input in
/// pieces (`Article.spliceRaw`). What users get from it is the input as read: `raw` in
/// `toolkit parse --format json` (written piece by piece) and `article.raw` in a script, with
/// every block at its offsets.
final class LongArticleOutputTests: ToolkitProcessTestCase {
    static let input: String = {
        let paragraphs = (0..<9_000).map { i in
            "Paragraph \(i + 1): the foreign ministers met in \"Mombasa\" to talk about the grain corridor again.\n"
                + "Read also: Port workers end strike number \(i + 1)"
        }
        return "Ministers meet again\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }()

    func testTheInputHeldInPiecesIsWhatJSONAndScriptsRead() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("long.txt")
        try write(Self.input, to: file)
        XCTAssertGreaterThan(Self.input.utf8.count, 1 << 20)

        let parsed = try toolkit(["parse", file.path, "--format", "json"])
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        let raw = try XCTUnwrap(object["raw"] as? String)
        XCTAssertEqual(raw, Self.input)
        let blocks = try XCTUnwrap(object["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.filter { $0["kind"] as? String == "related" }.count, 9_000)
        let bytes = Array(raw.utf8)
        for block in blocks {
            let first = try XCTUnwrap(block["first"] as? Int), last = try XCTUnwrap(block["last"] as? Int)
            let text = try XCTUnwrap(block["text"] as? String)
            XCTAssertTrue(String(decoding: bytes[(first - 1)..<last], as: UTF8.self).contains(text))
        }

        let script = folder.appendingPathComponent("raw.lua")
        try write("""
            for a in toolkit.articles() do
              local raw, bad = a.raw, 0
              for _, b in ipairs(a.blocks) do
                if not raw:sub(b.first, b.last):find(b.text, 1, true) then bad = bad + 1 end
              end
              print(#raw, bad, #a.related)
            end
            """, to: script)
        let run = try toolkit(["run", script.path, file.path, "--no-cache"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").last.map(String.init), "\(Self.input.utf8.count)\t0\t9000")
    }
}

import Foundation
import XCTest

/// `--input-format`: one reader for every input whatever its name, folders searched for every file,
/// standard input read without sniffing, and an unknown format refused in one line.
final class InputFormatTests: ToolkitProcessTestCase {
    private let page = """
        <!DOCTYPE html><html lang="sw"><head><meta charset="utf-8"><title>Putin azuru Beijing | Habari</title></head><body>
        <nav><ul><li><a href="/">Nyumbani</a></li><li><a href="/siasa">Siasa</a></li></ul></nav>
        <article><h1>Putin azuru Beijing</h1>
        <p>Rais wa Urusi Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping.</p>
        <p>Viongozi hao walizungumzia biashara, nishati na usalama wa kikanda katika Ukumbi Mkuu wa Watu.</p>
        </article></body></html>
        """

    private func titles(_ outcome: Outcome) -> [String] {
        outcome.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["title"] as? String
        }
    }

    func testPagesWithoutAnExtensionInAFolder() throws {
        let folder = try temporaryFolder()
        try write(page, to: folder.appendingPathComponent("article-1"))
        try write(page.replacingOccurrences(of: "Beijing", with: "Astana"), to: folder.appendingPathComponent("story.php"))
        // Without the option the folder holds nothing the names call for.
        let auto = try toolkit(["parse", folder.path, "--format", "json"])
        XCTAssertEqual(auto.status, 3, auto.stderr)
        XCTAssertTrue(auto.stderr.contains("folder has no *.txt, *.jsonl, *.html or *.warc files"), auto.stderr)

        let html = try toolkit(["parse", folder.path, "--format", "json", "--input-format", "html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertEqual(titles(html), ["Putin azuru Beijing", "Putin azuru Astana"])
    }

    func testAFileNamedAsAnotherFormat() throws {
        let folder = try temporaryFolder()
        // Markup named .txt reads as text by default (the tags are words), as a page when asked.
        try write(page, to: folder.appendingPathComponent("saved.txt"))
        let html = try toolkit(["parse", "saved.txt", "--format", "json", "--input-format", "html"], in: folder)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertEqual(titles(html), ["Putin azuru Beijing"])
        let text = try toolkit(["parse", "saved.txt", "--format", "json"], in: folder)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertNotEqual(titles(text), ["Putin azuru Beijing"])

        // JSON Lines named .json, through entities and run too.
        try write(#"{"text": "Rais Vladimir Putin alikutana na Xi Jinping mjini Beijing.", "title": "Mkutano"}"# + "\n",
                  to: folder.appendingPathComponent("items.json"))
        let entities = try toolkit(["entities", "items.json", "--format", "jsonl", "--input-format", "jsonl"], in: folder)
        XCTAssertEqual(entities.status, 0, entities.stderr)
        XCTAssertTrue(entities.stdout.contains("Putin"), entities.stdout)
        try write("for a in toolkit.articles() do print(a.title) end\n", to: folder.appendingPathComponent("titles.lua"))
        let run = try toolkit(["run", "titles.lua", "items.json", "--input-format", "jsonl", "--no-cache"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "Mkutano\n")
    }

    func testStandardInputIsReadAsTheFormatGiven() throws {
        // A page that does not start with markup would be read as text when sniffed.
        let stdin = "\n  Saved from the web\n" + page
        let outcome = try toolkit(["parse", "-", "--format", "json", "--input-format", "html"], stdin: stdin)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(titles(outcome), ["Putin azuru Beijing"])
    }

    func testAnUnknownFormatIsOneClearLine() throws {
        let outcome = try toolkit(["parse", "x.html", "--input-format", "pdf"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("unknown input format 'pdf'; give one of auto, txt, jsonl, html, warc"), outcome.stderr)
    }
}

import Foundation
import XCTest

/// `make run` runs scripts/overview.lua on the bundled sample articles: what it prints and the page
/// it writes must show what the toolkit is for (one person under one name across scripts).
final class OverviewScriptTests: ToolkitProcessTestCase {
    func testFirstRunShowsPeopleLinkedAcrossLanguagesAndWritesThePage() throws {
        let out = try temporaryFolder()
        // As `make run` runs it: no corpus, so the bundled samples.
        let result = try toolkit(["run", "scripts/overview.lua", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)

        // The cross-language line: the knowledge base's name, the languages, the spellings seen.
        let putin = try XCTUnwrap(lines.first { $0.contains("Vladimir Putin") && $0.contains(" = ") }, result.stdout)
        for spelling in ["بوتين", "پوتین", "Putin"] { XCTAssertTrue(putin.contains(spelling), putin) }
        for lang in ["ar", "fa", "sw"] { XCTAssertTrue(putin.contains(lang), putin) }

        // Per language: people, organisations, places, dates and amounts.
        for heading in ["Arabic (ar)", "Persian (fa)", "Swahili (sw)"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix(heading) }, "\(heading) missing:\n\(result.stdout)")
        }
        for row in ["people", "organisations", "places", "dates", "amounts"] {
            XCTAssertEqual(lines.filter { $0.hasPrefix("  " + row + " ") }.count, 3, "\(row) once per language:\n\(result.stdout)")
        }

        // The last line is the page's path; the page is self-contained and holds the sections.
        let path = try XCTUnwrap(lines.last)
        XCTAssertTrue(path.hasSuffix("overview.html"), path)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        for section in ["Named in more than one language", "Most named, all languages", "Arabic (ar): most named",
                        "Persian (fa): most named", "Swahili (sw): most named", "بوتين"] {
            XCTAssertTrue(page.contains(section), "page lacks \(section)")
        }
        XCTAssertFalse(page.contains("src=\"http"), "the page fetches nothing")

        let csv = try String(contentsOf: out.appendingPathComponent("overview.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("lang,kind,id,name,articles,mentions,spellings\r\n"), csv)
        XCTAssertTrue(csv.contains("person/vladimir-putin"), csv)
    }

    /// The report merges batch states: on any number of workers it prints the same.
    func testSameOverviewOnOneWorkerAndTwo() throws {
        let one = try toolkit(["run", "scripts/overview.lua", "seeds/", "--out", try temporaryFolder().path, "--jobs", "1"])
        let two = try toolkit(["run", "scripts/overview.lua", "seeds/", "--out", try temporaryFolder().path, "--jobs", "2"])
        XCTAssertEqual(one.status, 0, one.stderr)
        // All but the last line, the page's path, which names each run's folder.
        XCTAssertEqual(one.stdout.split(separator: "\n").dropLast(), two.stdout.split(separator: "\n").dropLast())
    }
}

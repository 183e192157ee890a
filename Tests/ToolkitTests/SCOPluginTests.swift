import Foundation
import XCTest

/// The bundled `sco` plugin as an analyst runs it: its own Lua tests through the binary, its health,
/// and the files its report writes.
final class SCOPluginTests: ToolkitProcessTestCase {
    let plugin = "Plugins/sco"

    func testTheLuaTestsOfThePluginPass() throws {
        let run = try toolkit(["plugins", "test", "sco", "--plugin", plugin])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("sco tests/meetings.lua: 5 passed, 0 failed"), run.stdout)
        XCTAssertTrue(run.stdout.contains("sco tests/membership.lua: 3 passed, 0 failed"), run.stdout)
        XCTAssertEqual(run.stdout.split(separator: "\n").last, "8 passed, 0 failed", run.stdout)
    }

    func testThePluginIsHealthy() throws {
        let check = try toolkit(["plugins", "check", "sco", "--plugin", plugin])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("kb: 2 file(s) parsed"), check.stdout)
    }

    func testTheReportWritesWhoMetWhomAsCSVAndHTML() throws {
        let out = try temporaryFolder()
        let run = try toolkit(["report", "sco-meetings", "seeds/", "--plugin", plugin, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let meetings = try String(contentsOf: out.appendingPathComponent("sco-meetings.csv"), encoding: .utf8)
        let lines = meetings.split(whereSeparator: \.isNewline)
        XCTAssertTrue(lines.first?.contains("date,date_from,lang,status,participants,place") ?? false, meetings)
        XCTAssertGreaterThanOrEqual(lines.count, 3, meetings)
        XCTAssertTrue(meetings.contains("Vladimir Putin | Xi Jinping"), meetings)
        let pairs = try String(contentsOf: out.appendingPathComponent("sco-meeting-pairs.csv"), encoding: .utf8)
        XCTAssertTrue(pairs.contains("person/vladimir-putin,person/xi-jinping"), pairs)
        let page = try String(contentsOf: out.appendingPathComponent("sco-meetings.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Who met whom"), String(page.prefix(500)))
        XCTAssertTrue(page.contains("<svg"), "the page has no chart")
    }

    func testTheExtractorIsOnlyLoadedWhenAsked() throws {
        let script = try temporaryFolder().appendingPathComponent("count.lua")
        try write("""
            local n = 0
            for article in toolkit.articles() do
              for _ in article:entities { kind = "person" } do n = n + 1 end
            end
            print(sco == nil and "no sco" or "sco", n)
            """, to: script)
        let plain = try toolkit(["run", script.path, "seeds/"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.hasPrefix("no sco"), plain.stdout)
    }
}

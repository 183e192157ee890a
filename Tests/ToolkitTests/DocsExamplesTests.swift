import Foundation
import XCTest

/// Every ```lua block of the user docs runs on the sample articles without error.
final class DocsExamplesTests: ToolkitProcessTestCase {
    func testLuaExamplesInDocsRun() throws {
        for doc in ["docs/lua-api.md", "docs/plugins.md", "README.md"] {
            let url = ToolkitProcessTestCase.repo.appendingPathComponent(doc)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let blocks = text.components(separatedBy: "```lua\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
            for (i, block) in blocks.enumerated() {
                let folder = try temporaryFolder()
                let script = folder.appendingPathComponent("example.lua")
                try write(block, to: script)
                let result = try toolkit(["run", script.path, "seeds/", "--out", folder.path, "--set", "top=3"])
                XCTAssertEqual(result.status, 0, "\(doc) example \(i + 1):\n\(block)\n\(result.stderr)")
            }
        }
    }
}

import Foundation
import XCTest

/// Examples/EmbedToolkit, the program docs/embedding.md walks through: it runs (articles from
/// memory, results back as Swift values) and the guide shows its code as it is.
final class EmbeddingExampleTests: ToolkitProcessTestCase {
    func testExampleRunsAndReadsResultsBack() throws {
        let example = binary.deletingLastPathComponent().appendingPathComponent("embed-toolkit")
        guard FileManager.default.isExecutableFile(atPath: example.path) else {
            throw XCTSkip("embed-toolkit is not built beside toolkit (swift build --build-tests builds it)")
        }
        let process = Process()
        process.executableURL = example
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        XCTAssertTrue(stdout.contains("Vladimir Putin: 3 articles, written "), stdout)
        XCTAssertTrue(stdout.contains("articles per language: ar 1, en 1, fa 1"), stdout)
    }

    func testGuideShowsTheExamplesCode() throws {
        let guide = try String(contentsOf: Self.repo.appendingPathComponent("docs/embedding.md"), encoding: .utf8)
        let code = try String(contentsOf: Self.repo.appendingPathComponent("Examples/EmbedToolkit/main.swift"), encoding: .utf8)
        let blocks = guide.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        XCTAssertGreaterThanOrEqual(blocks.count, 5)
        for block in blocks { XCTAssertTrue(code.contains(block), "docs/embedding.md shows code the example does not have:\n\(block)") }
    }
}

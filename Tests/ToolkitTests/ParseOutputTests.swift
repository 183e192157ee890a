import Foundation
import XCTest
@testable import Toolkit

/// `toolkit parse` makes each article's output on the parsing workers; what it prints must be
/// byte for byte what the consumer writes piece by piece, in input order, for articles small and
/// large (past `ArticleStream.renderLimit`, which the consumer writes itself) and in both formats.
final class ParseOutputTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testOutputMadeAheadIsTheOutputWrittenInPieces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parse-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paragraph = "Rais Samia Suluhu Hassan alisema: \"Tutaendelea na mazungumzo mjini Dodoma hadi tupate suluhu.\" Tarehe 3 Machi 2024.\n\n"
        let large = "Mazungumzo ya Dodoma\n\n" + String(repeating: paragraph, count: ArticleStream.renderLimit / paragraph.utf8.count + 10)
        try large.write(to: folder.appendingPathComponent("large.txt"), atomically: true, encoding: .utf8)
        let lines = [
            #"{"id": "j1", "lang": "en", "title": "Talks \"go on\"", "text": "TEHRAN – The talks went on.\nHe said: \"We stay.\"\tEnd", "tags": ["a"], "n": 3}"#,
            #"{"text": "Habari za leo\n\nRais alisema \u201cTutashinda\u201d jana.", "date": "Sun, 18 Feb 2018 21:35:43 +0400", "source": "BBC Swahili"}"#,
            #"{"text": "not read", "id": 5"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        let seeds = Self.repo.appendingPathComponent("seeds").path
        for format in ParseReport.Format.allCases {
            func output(renderAhead: Bool) throws -> (out: String, err: String) {
                let out = Capture(), err = Capture()
                let console = Console(out: { out.add($0) }, err: { err.add($0) })
                try ParseReport.run(corpus: [seeds, folder.path], format: format, pluginFolders: [], strict: false,
                                    console: console, renderAhead: renderAhead)
                return (out.text, err.text)
            }
            let ahead = try output(renderAhead: true)
            let pieces = try output(renderAhead: false)
            XCTAssertEqual(ahead.out, pieces.out, "\(format)")
            XCTAssertEqual(ahead.err, pieces.err, "\(format)")
            XCTAssertTrue(ahead.out.contains("large.txt"), "\(format)")
        }
    }

    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [String] = []
        func add(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
    }
}

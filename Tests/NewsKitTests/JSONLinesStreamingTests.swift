import XCTest
@testable import NewsKit

/// The JSON Lines reader reads files a chunk at a time and flat records without
/// `JSONSerialization`; both must give exactly what the whole-file, general path gives.
final class JSONLinesStreamingTests: XCTestCase {
    /// Lines the fast path reads, and lines it must leave to the general path.
    static let lines: [String] = [
        #"{"id": "a1", "lang": "sw", "title": "Rais \"Samia\"", "text": "Line one\nLine two\t\\ end \/ ok", "date": null, "category": "", "url": null}"#,
        #"{"text": "\u0627\u0644\u0631\u0626\u064a\u0633 \ud83d\ude00 \u00e9\u0000x", "source": "BBC"}"#,
        #"  {"text":"spaces around",  "author" : "X Y" }  "#,
        #"{"text": "numbers", "id": 17, "score": 1.5, "tags": ["a", "b"], "nested": {"b": 1, "a": null}}"#,
        #"{"text": "repeated key", "title": "one", "title": "two"}"#,
        #"{"text": "lone surrogate \ud800 here"}"#,
        #"{"text": "bad escape \x here"}"#,
        #"{"text": null}"#,
        #"{"title": "only a title"}"#,
        #"{"text": "   ", "title": ""}"#,
        #"{"text": "  ", "title": "Title only"}"#,
        #"[1, 2]"#,
        #"{"text": "unterminated}"#,
        #"{"text": "trailing"} x"#,
        #"{}"#,
        "{\"text\": \"raw\u{01}control\"}",
        "{\"text\": \"caf\u{E9} ok\", \"lang\": \"fr\"}",
        // A title that starts with a byte-order mark, as one of ../shared/corpus does.
        "{\"title\": \"\u{FEFF}Mukansanga\", \"text\": \"x \u{FEFF}y\", \"id\": \"\\ufeffz\"}",
    ]

    func testFlatRecordsReadAsTheGeneralPathReadsThem() {
        let reader = JSONLinesReader(origin: "t.jsonl")
        for line in Self.lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let fast = reader.record(buffer, line: 1)
                let general = reader.generalRecord(buffer, place: "t.jsonl:1")
                XCTAssertEqual(Self.describe(fast), Self.describe(general), line)
            }
        }
    }

    func testFlatObjectsAreReadInPlaceAndOthersAreLeftAlone() {
        func members(_ line: String) -> [(key: String, value: String?)]? {
            Array(line.utf8).withUnsafeBufferPointer { FlatJSONObject.members($0) }
        }
        XCTAssertEqual(members(Self.lines[0])?.map(\.key), ["id", "lang", "title", "text", "date", "category", "url"])
        XCTAssertEqual(members(Self.lines[1])?.first?.value, "الرئيس 😀 é\u{0}x")
        for refused in Self.lines[3...6] + [Self.lines[11], Self.lines[12], Self.lines[13]] {
            XCTAssertNil(members(refused), refused)
        }
    }

    /// The file read in chunks of a few bytes (lines cut anywhere, also inside a character) and
    /// whole give the same records and problems, with the same line numbers.
    func testChunkedFilesReadAsWholeFiles() throws {
        let body = Self.lines.joined(separator: "\n")
        let files: [(String, [UInt8])] = [
            ("lf.jsonl", Array((body + "\n").utf8)),
            ("no-final-newline.jsonl", Array(body.utf8)),
            ("crlf-and-blanks.jsonl", Array(("\n  \n" + Self.lines.joined(separator: "\r\n") + "\r\n\n").utf8)),
            ("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array((body + "\n").utf8)),
            ("utf16.jsonl", [0xFF, 0xFE] + Array((Self.lines[0] + "\n" + Self.lines[2] + "\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("empty.jsonl", []),
            ("blank.jsonl", Array(" \n\t\n".utf8)),
            ("gzip.jsonl", [0x1F, 0x8B, 0x08, 0x00, 0x00]),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let reader = JSONLinesReader(origin: name)
            var whole: [String] = []
            reader.read(file: Data(bytes), problems: { whole.append("problem " + $0.message) }) { whole.append(Self.describe(.success($0))) }
            XCTAssertFalse(whole.isEmpty, name)
            for chunkSize in [3, 7, 64, 4 << 20] {
                var chunked: [String] = []
                try reader.read(path: path, chunkSize: chunkSize, problems: { chunked.append("problem " + $0.message) }) {
                    chunked.append(Self.describe(.success($0)))
                }
                XCTAssertEqual(chunked, whole, "\(name) in chunks of \(chunkSize)")
            }
        }
    }

    func testAMissingFileIsOneProblem() throws {
        var problems: [InputProblem] = []
        try JSONLinesReader(origin: "gone.jsonl").read(path: "/nonexistent/gone.jsonl", problems: { problems.append($0) }) { _ in
            XCTFail("no record")
        }
        XCTAssertEqual(problems.map(\.kind), [.unreadable])
    }

    static func describe(_ result: Result<InputRecord, InputProblem>) -> String {
        switch result {
        case .failure(let problem):
            return "problem \(problem.message)"
        case .success(let r):
            let meta = r.meta.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return [r.document.origin, r.document.text, r.id, r.title, r.date, r.url, r.source, r.lang]
                .map { $0 ?? "nil" }.joined(separator: "|") + "|" + meta
        }
    }
}

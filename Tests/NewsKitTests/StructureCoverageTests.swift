import Foundation
import XCTest
@testable import NewsKit

/// Shared checks and fixture locations for the structure tests.
enum StructureTestSupport {
    /// Whitespace runs (NBSP included) as one space, for comparing lines with gold text.
    static func squeezed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The lines of a JSON Lines file (memchr keeps this fast in debug builds).
    static func jsonLines(_ url: URL) throws -> [Data] {
        let data = try Data(contentsOf: url)
        var lines: [Data] = []
        data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            guard let base = all.baseAddress else { return }
            var start = 0
            while start < all.count {
                let found = memchr(base + start, 0x0A, all.count - start)
                let end = found.map { $0 - UnsafeMutableRawPointer(mutating: base) } ?? all.count
                if end > start { lines.append(Data(bytes: base + start, count: end - start)) }
                start = end + 1
            }
        }
        return lines
    }

    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        if p.isWhitespace { return true }
        switch p.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned: return true
        default: return [0xFFFC, 0xFFFD, 0x034F].contains(s.value)
        }
    }

    /// Every byte of `raw` lies in exactly one block or is ignorable; spans are ordered, valid,
    /// start and end on character boundaries and contain the block's text.
    static func checkCoverage(_ raw: String, _ a: ArticleStructure, file: StaticString = #filePath,
                              line: UInt = #line) -> Bool {
        let bytes = Array(raw.utf8)
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousLast = 0
        for (i, b) in a.blocks.enumerated() {
            guard b.first >= 1, b.last <= bytes.count, b.first <= b.last, b.first > previousLast else {
                XCTFail("block \(i) has bad span \(b.first)...\(b.last)", file: file, line: line)
                return false
            }
            previousLast = b.last
            for k in (b.first - 1)..<b.last { covered[k] = true }
            guard let span = String(validating: bytes[(b.first - 1)..<b.last], as: UTF8.self) else {
                XCTFail("block \(i) does not start and end on characters", file: file, line: line)
                return false
            }
            if !b.text.isEmpty && !span.contains(b.text) {
                XCTFail("block \(i) text '\(b.text)' not inside its span '\(span)'", file: file, line: line)
                return false
            }
            if let d = b.duplicateOf, d >= i {
                XCTFail("block \(i) duplicates a later block", file: file, line: line)
                return false
            }
        }
        var k = 0
        while k < bytes.count {
            var end = k + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            if !covered[k] {
                let scalar = String(decoding: bytes[k..<end], as: UTF8.self).unicodeScalars.first!
                if !isIgnorable(scalar) {
                    XCTFail("byte \(k) ('\(scalar)') is in no block", file: file, line: line)
                    return false
                }
            }
            k = end
        }
        return true
    }
}

final class StructureCoverageTests: XCTestCase {
    static let splitOffRules: Set<String> = ["dateline-place", "boilerplate-tail"]
    static let leakPrefixes = ["اقرأ أيضاً:", "للمزيد:", "انتهای پیام", "Soma pia:", "Read more:", "بیشتر بخوانید:"]
        .map(StructureFolding.foldedString)

    func testEmptyAndBlankInputs() {
        let parser = ArticleParser()
        for raw in ["", "\n\n", " \u{00A0}\u{200C}\t\r\n", "\u{FEFF}"] {
            let a = parser.parse(raw)
            XCTAssertTrue(a.blocks.isEmpty)
            XCTAssertNil(a.title)
            XCTAssertEqual(a.text, "")
        }
    }

    func testOddBytesAreCoveredOrIgnorable() {
        let parser = ArticleParser()
        let raws = [
            "Title of a report\r\nFirst paragraph of the body, which is long enough.\rSecond line.\u{1A}\n",
            "«»\n—\n***\nA short line\n\u{200F}سطر عربي قصير\u{200F}\n",
            "x",
            String(repeating: "word ", count: 3000),
        ]
        for raw in raws {
            XCTAssertTrue(StructureTestSupport.checkCoverage(raw, parser.parse(raw)))
        }
    }

    /// The real articles of ../shared/corpus: no crash, full coverage, sane shares.
    func testCorpusSweep() throws {
        guard let folder = SharedTestData.corpus(),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
                  .filter({ $0.hasSuffix(".jsonl") }).sorted(), !files.isEmpty else {
            throw XCTSkip("../shared/corpus is absent")
        }
        let parser = ArticleParser()
        for name in files {
            let lines = try StructureTestSupport.jsonLines(folder.appendingPathComponent(name))
            // 100 articles spread over each file keep the debug run short; the release
            // benchmark parses them all.
            let step = max(1, lines.count / 100)
            var articles = 0, withOpening = 0, blocks = 0, emptyParagraphs = 0, inBody = 0, totalLines = 0
            for line in stride(from: 0, to: lines.count, by: step).map({ lines[$0] }) {
                guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                let a = parser.parse(text)
                articles += 1
                blocks += a.blocks.count
                if a.title != nil || a.lede != nil || !a.paragraphs.isEmpty { withOpening += 1 }
                emptyParagraphs += a.paragraphs.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
                inBody += a.blocks.filter { $0.kind == .paragraph || $0.kind == .lede }.count
                // A wire dateline ("TEHRAN –") or a licence notice split off a body line is part of
                // that line, not a line of its own.
                totalLines += a.blocks.filter { !Self.splitOffRules.contains($0.rule) }.count
                guard StructureTestSupport.checkCoverage(text, a) else {
                    XCTFail("coverage broken in \(name): \(object["id"] ?? "?")")
                    return
                }
                // Read-also links, end markers and rule lines never reach the body.
                for p in a.paragraphs {
                    let f = StructureFolding.foldedString(p)
                    XCTAssertFalse(Self.leakPrefixes.contains { f.hasPrefix($0) }, "\(name): '\(p.prefix(60))' in the body")
                    XCTAssertTrue(p.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil },
                                  "\(name): '\(p.prefix(60))' in the body")
                }
                let bytes = Array(a.text.utf8)
                for q in a.quotes {
                    XCTAssertEqual(String(decoding: bytes[(q.first - 1)..<q.last], as: UTF8.self), q.text)
                }
            }
            XCTAssertGreaterThan(articles, 0, name)
            XCTAssertGreaterThan(Double(withOpening) / Double(articles), 0.95, "\(name): articles with a title or body")
            XCTAssertEqual(emptyParagraphs, 0, name)
            // These are clean article bodies: nearly all of their lines must stay in the body.
            XCTAssertGreaterThan(Double(inBody) / Double(totalLines), 0.85, "\(name): share of lines kept as body")
        }
    }
}

import XCTest
@testable import NewsKit

/// Helpers shared by the extraction and amount tests.
enum ExtractionProbe {
    static let extractor = RuleExtractor.bundled

    static func people(_ text: String, _ lang: String) -> [Mention] {
        extractor.mentions(in: text, lang: lang).filter { $0.kind == "person" }
    }

    static func entities(_ text: String, _ lang: String, kind: String) -> [Mention] {
        extractor.mentions(in: text, lang: lang).filter { $0.kind == kind }
    }

    /// Every mention's text is the input's bytes at its range.
    static func assertOffsets(_ mentions: [Mention], in text: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        for mention in mentions {
            XCTAssertLessThanOrEqual(mention.utf8Range.upperBound, bytes.count, file: file, line: line)
            guard mention.utf8Range.upperBound <= bytes.count else { continue }
            XCTAssertEqual(String(decoding: bytes[mention.utf8Range], as: UTF8.self), mention.text,
                           "offsets of \(mention.name)", file: file, line: line)
        }
    }
}

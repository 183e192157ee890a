import XCTest
@testable import NewsKit

extension XCTestCase {
    /// Field by field, as a script sees them.
    func assertSameArticle(_ a: Article, _ b: Article, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.id, b.id, file: file, line: line)
        XCTAssertEqual(a.path, b.path, file: file, line: line)
        XCTAssertEqual(a.lang, b.lang, file: file, line: line)
        XCTAssertEqual(a.title, b.title, file: file, line: line)
        XCTAssertEqual(a.lede, b.lede, file: file, line: line)
        XCTAssertEqual(a.date, b.date, file: file, line: line)
        XCTAssertEqual(a.datePrecision, b.datePrecision, file: file, line: line)
        XCTAssertEqual(a.source, b.source, file: file, line: line)
        XCTAssertEqual(a.originalSource, b.originalSource, file: file, line: line)
        XCTAssertEqual(a.url, b.url, file: file, line: line)
        XCTAssertEqual(a.byline, b.byline, file: file, line: line)
        XCTAssertEqual(a.agencies, b.agencies, file: file, line: line)
        XCTAssertEqual(a.paragraphs, b.paragraphs, file: file, line: line)
        XCTAssertEqual(a.headings, b.headings, file: file, line: line)
        XCTAssertEqual(a.related, b.related, file: file, line: line)
        XCTAssertEqual(a.captions, b.captions, file: file, line: line)
        XCTAssertEqual(a.credits, b.credits, file: file, line: line)
        XCTAssertEqual(a.quotes, b.quotes, file: file, line: line)
        XCTAssertEqual(a.blocks, b.blocks, file: file, line: line)
        XCTAssertEqual(a.text, b.text, file: file, line: line)
        XCTAssertEqual(a.raw, b.raw, file: file, line: line)
        XCTAssertEqual(a.html, b.html, file: file, line: line)
        XCTAssertEqual(a.meta, b.meta, file: file, line: line)
        XCTAssertEqual(a.warnings, b.warnings, file: file, line: line)
    }
}

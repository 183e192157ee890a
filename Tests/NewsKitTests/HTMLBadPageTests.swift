import Foundation
import XCTest
@testable import NewsKit

/// Pages that give no article, or not all of one: each is one problem naming the file (and the
/// record's offset in a WARC), and reading goes on.
final class HTMLBadPageTests: XCTestCase {
    private let paragraph = "<p>Rais Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping kuzungumzia biashara.</p>"

    func testTruncatedMarkupIsReadAsFarAsItGoes() throws {
        let html = "<html><body><article>\(paragraph)<p>Viongozi hao walitia saini mikata"
        let (articles, problems) = HTMLTestSupport.articles(html: Array(html.utf8), origin: "cut.html")
        XCTAssertTrue(try XCTUnwrap(articles.first).raw.contains("walitia saini mikata"))
        XCTAssertEqual(problems.map(\.message), ["cut.html: the markup ends early (no </body> or </html>); read as far as it goes"])
        XCTAssertFalse(problems[0].kind.skipsInput)
    }

    func testNoBody() {
        let (articles, problems) = HTMLTestSupport.articles(html: Array("<html><head><title>Only a title</title></head></html>".utf8), origin: "head.html")
        XCTAssertTrue(articles.isEmpty)
        XCTAssertEqual(problems.map(\.message), ["head.html: no <body> and no visible text; skipped"])
    }

    func testScriptOnlyPage() {
        let html = "<!doctype html><html><head><script src=app.js></script></head><body><div id=root></div><noscript>Enable JavaScript</noscript><script>render()</script></body></html>"
        let (articles, problems) = HTMLTestSupport.articles(html: Array(html.utf8), origin: "app.html")
        XCTAssertTrue(articles.isEmpty)
        XCTAssertEqual(problems.map(\.message), ["app.html: a script-only page: no text without running its JavaScript; skipped"])
    }

    func testFrames() {
        let html = "<html><frameset cols=\"20%,80%\"><frame src=\"menu.html\"><frame src=\"story.html\"></frameset></html>"
        let (articles, problems) = HTMLTestSupport.articles(html: Array(html.utf8), origin: "frames.html")
        XCTAssertTrue(articles.isEmpty)
        XCTAssertEqual(problems.map(\.kind), [.noPageText])
        XCTAssertTrue(problems[0].message.hasPrefix("frames.html: a page of frames"), problems[0].message)
    }

    func testBinaryFileNamedHTML() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(repeating: 0xFF, count: 200)
        let (articles, problems) = HTMLTestSupport.articles(html: png, origin: "photo.html")
        XCTAssertTrue(articles.isEmpty)
        XCTAssertEqual(problems.map(\.message), ["photo.html: binary file (PNG image), not a web page; skipped"])
    }

    /// The page layer on 50 MB of markup: read, decoded, parsed and every block judged. (What the
    /// article parser then does with 40 MB of main text is LargeInputTests' concern.)
    func testFiftyMegabytePage() throws {
        var html = "<html><head><title>Big</title></head><body><article><h1>A very long page</h1>"
        let block = "<div class=\"item\">" + paragraph + "</div>\n"
        html.reserveCapacity(52_000_000)
        while html.utf8.count < 50_000_000 { html += block }
        html += "</article></body></html>"
        let start = Date()
        var problems: [InputProblem] = []
        var segments: [HTMLSegment] = []
        try HTMLInput.read(file: Data(html.utf8), origin: "big.html", problems: { problems.append($0) }) { record in
            problems += record.document.problems
            segments = HTMLExtraction(try XCTUnwrap(record.page)).segments
        }
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThan(segments.count, 300_000)
        XCTAssertGreaterThan(segments.filter(\.main).count, 300_000, "the items are the article")
        XCTAssertLessThan(Date().timeIntervalSince(start), 600, "minutes at most, even in a debug build on a busy machine")
    }

    func testWARCWithATruncatedRecord() throws {
        let page = Array("<html><body><article>\(paragraph)\(paragraph)</article></body></html>".utf8)
        let first = HTMLTestSupport.warcResponse(url: "https://example.org/one", contentType: "text/html; charset=utf-8", body: page)
        let second = HTMLTestSupport.warcResponse(url: "https://example.org/two", contentType: "text/html", body: page)
        let cut = first + second.prefix(second.count - 40)
        let (articles, problems) = HTMLTestSupport.warc(cut, origin: "crawl.warc")
        XCTAssertEqual(articles.map(\.url), ["https://example.org/one"])
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.hasPrefix("crawl.warc@\(first.count): WARC record cut short"), problems[0].message)
    }
}

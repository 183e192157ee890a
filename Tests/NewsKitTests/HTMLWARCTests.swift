import Foundation
import XCTest
@testable import NewsKit

/// WARC files: one article per HTML response, with the record's URL and date; other records
/// passed over; gzip members per record; chunked and gzip-encoded HTTP bodies.
final class HTMLWARCTests: XCTestCase {
    private func page(_ words: String) -> [UInt8] {
        Array("<html><head><title>\(words)</title></head><body><article><h1>\(words)</h1><p>Rais Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping kuzungumzia \(words).</p><p>Viongozi hao walitia saini mikataba kadhaa ya ushirikiano katika sekta za nishati na kilimo.</p></article></body></html>".utf8)
    }

    func testResponsesBecomeArticlesWithURLAndDate() throws {
        let warc = HTMLTestSupport.warcRequest(url: "https://example.org/a")
            + HTMLTestSupport.warcResponse(url: "https://example.org/a", date: "2024-05-16T10:00:00Z", contentType: "text/html", body: page("biashara"))
            + HTMLTestSupport.warcResponse(url: "https://example.org/logo.png", contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47])
            + HTMLTestSupport.warcResponse(url: "https://example.org/b", contentType: "text/html; charset=UTF-8", body: page("usalama"))
        let (articles, problems) = HTMLTestSupport.warc(warc)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles.map(\.url), ["https://example.org/a", "https://example.org/b"])
        XCTAssertEqual(articles.map(\.title), ["biashara", "usalama"])
        XCTAssertEqual(articles.first?.meta["warc_date"], "2024-05-16T10:00:00Z")
        XCTAssertTrue(articles[0].path.hasPrefix("crawl.warc@"), articles[0].path)
    }

    func testGzipMembersAndEncodedBodies() throws {
        let one = HTMLTestSupport.warcResponse(url: "https://example.org/a", contentType: "text/html", body: page("biashara"))
        let gzippedBody = try HTMLReaderTests.gzip(page("usalama"))
        var two = HTMLTestSupport.warcResponse(url: "https://example.org/b", contentType: "text/html", body: gzippedBody)
        // The HTTP header says how the body is encoded.
        let marker = Array("Content-Type: text/html\r\nContent-Length".utf8)
        if let at = two.firstRange(of: marker) {
            two.replaceSubrange(at, with: Array("Content-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length".utf8))
            two = Self.fixLength(two)
        }
        let warc = try HTMLReaderTests.gzip(one) + HTMLReaderTests.gzip(two)
        let (articles, problems) = HTMLTestSupport.warc(warc, origin: "crawl.warc.gz")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles.map(\.title), ["biashara", "usalama"])
        let secondOffset = try HTMLReaderTests.gzip(one).count
        XCTAssertEqual(articles.map(\.path), ["crawl.warc.gz@0", "crawl.warc.gz@\(secondOffset)"])

        let cut = Array(warc.prefix(warc.count - 10))
        let (kept, cutProblems) = HTMLTestSupport.warc(cut, origin: "crawl.warc.gz")
        XCTAssertEqual(kept.count, 1)
        XCTAssertEqual(cutProblems.map(\.message), ["crawl.warc.gz@\(secondOffset): gzip member cut short; the rest of the file is not read; record skipped"])
    }

    func testChunkedBody() throws {
        let body = page("nishati")
        let chunked = Array(String(body.count / 2, radix: 16).utf8) + [13, 10] + Array(body.prefix(body.count / 2)) + [13, 10]
            + Array(String(body.count - body.count / 2, radix: 16).utf8) + [13, 10] + Array(body.suffix(body.count - body.count / 2)) + [13, 10]
            + Array("0\r\n\r\n".utf8)
        var record = HTMLTestSupport.warcResponse(url: "https://example.org/c", contentType: "text/html", body: chunked)
        let marker = Array("Content-Type: text/html\r\nContent-Length".utf8)
        if let at = record.firstRange(of: marker) {
            record.replaceSubrange(at, with: Array("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Length".utf8))
            record = Self.fixLength(record)
        }
        let (articles, problems) = HTMLTestSupport.warc(record)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles.first?.title, "nishati")
    }

    /// The WARC Content-Length after the HTTP part was edited.
    static func fixLength(_ record: [UInt8]) -> [UInt8] {
        let text = String(decoding: record, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return record }
        let headerBytes = text[..<headerEnd.lowerBound].utf8.count + 4
        let contentLength = record.count - headerBytes - 4
        var header = String(text[..<headerEnd.lowerBound])
        if let line = header.range(of: #"\r\nContent-Length: \d+$"#, options: .regularExpression) {
            header.replaceSubrange(line, with: "\r\nContent-Length: \(contentLength)")
        }
        return Array((header + "\r\n\r\n").utf8) + record[headerBytes...]
    }
}

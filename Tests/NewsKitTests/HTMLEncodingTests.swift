import Foundation
import XCTest
@testable import NewsKit

/// A page's encoding: byte-order mark, the HTTP header's charset (WARC), `<meta charset>` or
/// `http-equiv`, then detection; valid UTF-8 is UTF-8 whatever the page declares.
final class HTMLEncodingTests: XCTestCase {
    private let arabic = "أعلن الرئيس الروسي فلاديمير بوتين اليوم عن زيارة رسمية إلى الصين لبحث التعاون الاقتصادي والأمني مع الرئيس شي جين بينغ."
    private let german = "Der russische Präsident Wladimir Putin ist zu einem zweitägigen Besuch in Peking eingetroffen, wo er Gespräche über Handel führt."

    private func page(_ body: String, head: String = "") -> String {
        "<html><head>\(head)<title>t</title></head><body><article><p>\(body)</p><p>\(body.reversed().split(separator: " ").joined(separator: " "))</p></article></body></html>"
    }

    func testMetaCharsetWindows1256() throws {
        let bytes = HTMLTestSupport.encoded(page(arabic, head: #"<meta charset="windows-1256">"#), as: "CP1256")
        let (articles, problems) = HTMLTestSupport.articles(html: bytes)
        XCTAssertTrue(try XCTUnwrap(articles.first).text.contains(arabic))
        XCTAssertEqual(problems.map(\.message), ["page.html: not UTF-8; read as windows-1256 (the page's <meta> charset)"])
        XCTAssertFalse(problems[0].isProblem, "the page said how to read it")
    }

    func testHTTPEquivDeclaration() throws {
        let head = #"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#
        let bytes = HTMLTestSupport.encoded(page(german, head: head), as: "CP1252")
        let article = try XCTUnwrap(HTMLTestSupport.articles(html: bytes).articles.first)
        XCTAssertTrue(article.text.contains(german), article.text)
    }

    func testUndeclaredLegacyBytesAreDetected() throws {
        for (text, codePage) in [(arabic, "CP1256"), (german, "CP1252")] {
            let (articles, problems) = HTMLTestSupport.articles(html: HTMLTestSupport.encoded(page(text), as: codePage))
            XCTAssertTrue(try XCTUnwrap(articles.first).text.contains(text), codePage)
            XCTAssertEqual(problems.first?.kind, .otherEncoding, codePage)
            XCTAssertTrue(problems.first?.message.contains("guessed") == true, "\(problems)")
        }
    }

    func testByteOrderMarks() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(page(arabic, head: #"<meta charset="windows-1252">"#).utf8)
        XCTAssertTrue(try XCTUnwrap(HTMLTestSupport.articles(html: utf8).articles.first).text.contains(arabic))
        let utf16 = [0xFF, 0xFE] + HTMLTestSupport.encoded(page(arabic), as: "UTF-16LE")
        XCTAssertTrue(try XCTUnwrap(HTMLTestSupport.articles(html: utf16).articles.first).text.contains(arabic))
    }

    func testValidUTF8WinsOverAWrongDeclaration() throws {
        let bytes = Array(page(german, head: #"<meta charset="iso-8859-1">"#).utf8)
        let (articles, problems) = HTMLTestSupport.articles(html: bytes)
        XCTAssertTrue(try XCTUnwrap(articles.first).text.contains(german))
        XCTAssertEqual(problems, [])
    }

    func testTheHTTPHeaderBeatsTheMetaDeclaration() throws {
        // The page claims Windows-1252, the server said Windows-1256, and the server is right.
        let body = HTMLTestSupport.encoded(page(arabic, head: #"<meta charset="windows-1252">"#), as: "CP1256")
        let warc = HTMLTestSupport.warcResponse(url: "https://example.org/a", contentType: "text/html; charset=windows-1256", body: body)
        let (articles, _) = HTMLTestSupport.warc(warc)
        XCTAssertTrue(try XCTUnwrap(articles.first).text.contains(arabic))
    }
}

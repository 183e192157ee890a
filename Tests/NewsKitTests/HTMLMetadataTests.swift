import Foundation
import XCTest
@testable import NewsKit

/// Title, date, author, source and language from each place a page states them, and the text's
/// own evidence when it states none.
final class HTMLMetadataTests: XCTestCase {
    private let body = "<article><p>Rais Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping kuzungumzia biashara na usalama.</p><p>Viongozi hao walitia saini mikataba kadhaa ya ushirikiano katika sekta za nishati, kilimo na teknolojia.</p></article>"

    private func metadata(_ head: String, body: String? = nil, lang: String = "") -> HTMLMetadata {
        HTMLExtraction(WebPage(html: "<html\(lang)><head>\(head)</head><body>\(body ?? self.body)</body></html>")).metadata
    }

    func testOpenGraphAndArticleTags() {
        let m = metadata("""
            <meta property="og:title" content="Putin in Beijing"><meta property="og:site_name" content="Daily">
            <meta property="article:published_time" content="2024-05-16T09:00:00Z"><meta property="article:author" content="Amina Juma">
            <meta property="og:locale" content="sw_TZ">
            """)
        XCTAssertEqual(m.title, "Putin in Beijing")
        XCTAssertEqual(m.source, "Daily")
        XCTAssertEqual(m.date, "2024-05-16T09:00:00Z")
        XCTAssertEqual(m.author, "Amina Juma")
        XCTAssertEqual(m.lang, "sw")
        XCTAssertEqual(m.origins["date"], "article:published_time")
    }

    func testJSONLDNewsArticleInAGraph() {
        let m = metadata("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
            {"@type":"NewsArticle","headline":"بوتين في بكين","datePublished":"2024-05-16","inLanguage":"ar",
             "author":[{"@type":"Person","name":"سارة علي"},{"@type":"Person","name":"Omar"}],
             "publisher":{"@type":"Organization","name":"الأخبار"}}]}</script>
            """)
        XCTAssertEqual(m.title, "بوتين في بكين")
        XCTAssertEqual(m.date, "2024-05-16")
        XCTAssertEqual(m.author, "سارة علي, Omar")
        XCTAssertEqual(m.source, "الأخبار")
        XCTAssertEqual(m.lang, "ar")
        XCTAssertEqual(m.origins["title"], "json-ld headline")
    }

    func testTimeElementHtmlLangAndTitle() {
        let m = metadata("<title>Putin azuru Beijing kwa mazungumzo | Habari Leo</title>",
                         body: "<p>Imechapishwa <time datetime=\"2024-05-17\">jana</time></p>" + body, lang: " lang=\"fa-IR\"")
        XCTAssertEqual(m.date, "2024-05-17")
        XCTAssertEqual(m.origins["date"], "<time>")
        XCTAssertEqual(m.lang, "fa")
        XCTAssertEqual(m.title, "Putin azuru Beijing kwa mazungumzo", "the site's name after the bar is left out")
    }

    func testH1BeatsTheTitleTag() {
        let m = metadata("<title>Home | Site</title>", body: "<h1>Xi meets Putin</h1>" + body)
        XCTAssertEqual(m.title, "Xi meets Putin")
    }

    func testTheTextSpeaksWhenTheMarkupIsSilent() throws {
        let html = "<html><body><article><h1>Putin ziarani China</h1><p>16 Mei 2024</p><p>Rais Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping.</p><p>Viongozi hao walitia saini mikataba kadhaa ya ushirikiano katika sekta za nishati na kilimo.</p></article></body></html>"
        let article = try XCTUnwrap(HTMLTestSupport.article(html))
        XCTAssertEqual(article.title, "Putin ziarani China")
        XCTAssertEqual(article.date, "2024-05-16", "\(article.blocks.map { ($0.kind, $0.text) })")
        XCTAssertEqual(article.lang, "sw")
    }
}

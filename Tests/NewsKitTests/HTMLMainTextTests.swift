import Foundation
import XCTest
@testable import NewsKit

/// Classes of extraction errors found on ../shared/html-dev, each as a small page.
final class HTMLMainTextTests: XCTestCase {
    private func kept(_ html: String) -> String {
        HTMLExtraction(WebPage(html: html)).mainText
    }

    private let paragraphs = [
        "Rais wa Urusi Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping.",
        "Viongozi hao walizungumzia biashara, nishati na usalama wa kikanda katika Ukumbi Mkuu wa Watu.",
        "Mikataba kadhaa ya ushirikiano ilitiwa saini, ikiwemo ya bomba jipya la gesi kutoka Siberia.",
    ]

    /// Responsive and CMS classes with "hidden" in them (`field--label-hidden` on Drupal's body
    /// field, `hidden-xs`) hide nothing on a desktop page: the text under them is the article.
    func testHiddenInAClassNameIsNoFurniture() {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined() + "<p class=\"note hidden-xs\">Tena, kwa ufupi: ziara ilikuwa ya mafanikio.</p>"
        let html = """
            <html><body><nav><a href="/">Nyumbani</a> <a href="/siasa">Siasa</a></nav>
            <article><h1>Putin azuru Beijing</h1>
            <div class="clearfix text-formatted field field--name-body field--label-hidden field__item">\(body)</div>
            </article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertTrue(text.contains("Tena, kwa ufupi"), text)
        XCTAssertFalse(text.contains("Nyumbani"), text)
    }

    /// A page of several short sections (no one box holds most of its prose) keeps them all, not
    /// the one box that scored best.
    func testSectionsOfALandingPageAreAllKept() {
        let sections = paragraphs.enumerated().map { i, p in
            "<div class=\"section-\(i)\"><div class=\"block-\(i)\"><h3>Sehemu \(i)</h3><p>\(p)</p></div></div>"
        }.joined()
        let html = """
            <html><body><div class="navbar"><a href="/">Nyumbani</a></div>
            <div class="page">\(sections)<div class="box"><p>\(paragraphs[2]) Zaidi, zaidi, na zaidi, kwa ufupi.</p></div></div>
            <footer><p>Haki zote zimehifadhiwa 2024</p></footer></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Haki zote"), text)
    }

    /// Short blocks that open with a site's furniture phrase, in any of several languages, are not
    /// main text even inside the article's column; longer text that happens to open so stays.
    func testBoilerplatePhrasesInsideTheColumn() {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1>\(body)
            <h3>Notas relacionadas</h3><p>À lire aussi</p><p>Mehr zum Thema:</p>
            <p>Lesen Sie auch die Stellungnahme der Regierung, die am Montag veröffentlicht wurde, mit allen Einzelheiten zum Besuch.</p>
            </article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        for phrase in ["Notas relacionadas", "À lire aussi", "Mehr zum Thema"] { XCTAssertFalse(text.contains(phrase), text) }
        XCTAssertTrue(text.contains("Lesen Sie auch die Stellungnahme"), text)
    }

    /// The page's own classes (`cookies-not-set`, `has-sidebar`) say nothing about its parts: a
    /// landing page of short sections under such a body keeps them all, as under a bare one.
    func testClassesOfTheBodyMakeNoFurniture() {
        let sections = paragraphs.enumerated().map { i, p in
            "<div class=\"section-\(i)\"><div class=\"block-\(i)\"><h3>Sehemu \(i)</h3><p>\(p)</p></div></div>"
        }.joined()
        let html = """
            <html><body class="page cookies-not-set has-sidebar"><div class="navbar"><a href="/">Nyumbani</a></div>
            <div class="page">\(sections)<div class="box"><p>\(paragraphs[2]) Zaidi, zaidi, na zaidi, kwa ufupi.</p></div></div>
            <footer><p>Haki zote zimehifadhiwa 2024</p></footer></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Haki zote"), text)
    }

    /// The standfirst sits in the page's header beside the title, above the column chosen as the
    /// body: it is kept; the menu in the same header and a short line of links are not.
    func testTheStandfirstBetweenTitleAndBodyIsKept() {
        let standfirst = "Ziara ya siku mbili inaonyesha uhusiano unaozidi kukua kati ya Moscow na Beijing tangu vita vya Ukraine."
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><header class="page-header"><nav><a href="/">Nyumbani</a> <a href="/siasa">Siasa</a></nav>
            <h1>Putin azuru Beijing</h1><p>\(standfirst)</p><p><a href="/siasa">Siasa</a> <a href="/dunia">Dunia</a></p></header>
            <main><div class="article-body">\(body)</div></main></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains(standfirst), text)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Nyumbani"), text)
        XCTAssertFalse(text.contains("Dunia"), text)
    }

    /// Text far below the title, outside the body, is no standfirst: a title that is the site's
    /// banner says nothing about the blocks between it and the article.
    func testProseFarBelowTheTitleIsNoStandfirst() {
        let teasers = (0..<18).map { "<div class=\"box\"><p>Habari fupi nambari \($0) kuhusu mambo mengine ya wiki hii mjini na katika mikoa ya pwani.</p></div>" }.joined()
        let body = (0..<5).flatMap { round in paragraphs.map { "<p>\($0) (\(round))</p>" } }.joined()
        let html = """
            <html><body><header><h1>Gazeti la Kila Siku</h1></header><div class="column"><div class="teasers">\(teasers)</div></div>
            <article><div class="article-body">\(body)</div></article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Habari fupi nambari 3"), text)
    }

    /// An article's own `<footer>` (where it was filed, its tags, the author's box) is furniture
    /// like the page's.
    func testTheArticlesFooterIsFurniture() {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1>\(body)
            <footer class="entry-meta"><p>Imechapishwa katika Siasa na Dunia, na mwandishi wetu wa Nairobi, Jumatatu.</p></footer>
            </article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Imechapishwa"), text)
    }

    /// A `<figcaption>` in the body is the picture's caption: the article keeps it among its
    /// captions, not in its text, whatever words it holds.
    func testAFigcaptionIsACaptionNotText() throws {
        let caption = "Viongozi wawili wakisalimiana katika Ukumbi Mkuu wa Watu mjini Beijing siku ya Jumanne."
        let rest = paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1><p>\(paragraphs[0])</p>
            <figure><img src="a.jpg"><figcaption>\(caption)</figcaption></figure>\(rest)</article></body></html>
            """
        let article = try XCTUnwrap(HTMLTestSupport.article(html))
        XCTAssertFalse(article.text.contains(caption), article.text)
        XCTAssertEqual(article.captions, [caption])
        XCTAssertTrue(article.blocks.contains { $0.kind == .caption && $0.text == caption })
        for paragraph in paragraphs { XCTAssertTrue(article.text.contains(paragraph), article.text) }
    }
}

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
}

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

    /// A sidebar's text widget (a list of places, full of commas) can outscore a short article;
    /// the body is chosen among candidates outside furniture that holds under half the page's text.
    func testASidebarBoxDoesNotOutscoreAShortArticle() {
        let body = paragraphs.prefix(2).map { "<p>\($0)</p>" }.joined()
        let places = (1...30).map { "Mji \($0)" }.joined(separator: ", ")
        let menu = (1...10).map { "<li><a href=\"/s\($0)\">Sehemu ya \($0)</a></li>" }.joined()
        let html = """
            <html><body><nav><ul>\(menu)</ul></nav><div class="main"><article><h1>Putin azuru Beijing</h1>\(body)</article></div>
            <div class="side"><aside><h3>Anwani</h3><div class="textwidget"><p>Anwani zetu: \(places).</p></div></aside></div></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs.prefix(2) { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Anwani zetu"), text)
    }

    /// Live commentary is marked up as comments (`live-comments`, `comment-body`); when the body
    /// holds nothing else, those comments are the article, not furniture around it.
    func testCommentsAreKeptWhenTheyAreAllTheBodyHolds() {
        let minutes = ["Mchezo umeanza hapa uwanjani, timu zote mbili zinatafutana kwa tahadhari kubwa sana.",
                       "Kona ya kwanza kwa wageni, lakini mpira unaokolewa na mlinzi wa kati bila shida yoyote.",
                       "Goli! Mshambuliaji anafunga kwa kichwa baada ya krosi nzuri kutoka upande wa kulia wa uwanja."]
        let comments = minutes.enumerated().map { i, m in
            "<div class=\"live-comment\"><span class=\"minute\">\(i * 20)'</span><div class=\"comment-body\">\(m)</div></div>"
        }.joined()
        let html = """
            <html><body><nav><a href="/">Nyumbani</a> <a href="/michezo">Michezo</a></nav>
            <main><h1>Simba dhidi ya Yanga: moja kwa moja</h1><div id="live-content" class="live-comments">\(comments)</div></main>
            <footer><p>Haki zote zimehifadhiwa 2024</p></footer></body></html>
            """
        let text = kept(html)
        for minute in minutes { XCTAssertTrue(text.contains(minute), text) }
        XCTAssertFalse(text.contains("Haki zote"), text)
    }

    /// A reference list (each entry full of commas) outscores the few paragraphs of a paper's
    /// abstract; a list chosen as the body widens to the `<article>` around it.
    func testAListBodyWidensToItsArticle() {
        let references = (1...8).map { "<li>Mwandishi A\($0), Mwandishi B, Mwandishi C. Jina la makala, Jarida la Sayansi, 2019, 12(\($0)), 3-4.</li>" }.joined()
        let html = """
            <html><body><div class="site"><article class="paper"><h1>Chanjo na wazee</h1>
            <div class="abstract"><h2>Muhtasari</h2><p>\(paragraphs[0])</p></div>
            <div class="refs"><h2>Marejeo</h2><ol class="references">\(references)</ol></div></article></div></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains("Muhtasari"), text)
        XCTAssertTrue(text.contains(paragraphs[0]), text)
        XCTAssertTrue(text.contains("Jina la makala"), text)
    }

    /// An unclosed element in a `<noscript>` (a `<div>` left open for browsers without scripts)
    /// makes libxml2 put the rest of the page inside it: a noscript with a page's worth of text is
    /// read as visible.
    func testAPageInsideAnUnclosedNoscriptIsRead() {
        let body = (paragraphs + paragraphs + paragraphs + paragraphs).map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><head><title>Putin azuru Beijing</title></head><body><noscript><div id="nojs"></noscript>
            <div id="page"><div class="content"><h1>Putin azuru Beijing</h1>\(body)</div></div>
            <div class="small"><p>Haki zote zimehifadhiwa 2024</p></div></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
    }

    /// A teaser of another story inside the article's column (a box of a linked headline and its
    /// summary) is furniture, though it sits between the article's paragraphs.
    func testATeaserBoxInsideTheColumnIsLeftOut() {
        let teaser = "Wanasayansi wanaeleza jinsi virusi vinavyoenea na namna ya kujikinga navyo."
        let html = """
            <html><body><article class="story"><h1>Putin azuru Beijing</h1><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <div class="box half"><div class="boxhead">Podikasti</div><div class="item"><h2><a href="/podikasti/virusi">Virusi: maswali na majibu</a></h2>
            <div class="summary"><p>\(teaser) <a href="/podikasti/virusi">zaidi</a></p></div></div></div>
            <p>\(paragraphs[2])</p></article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains(teaser), text)
    }

    /// A picture's caption in an element named for one (`wp-caption-text`, `legend`) is a caption
    /// like a `<figcaption>`: beside the article's text, not in it.
    func testAnElementNamedForACaptionIsACaption() throws {
        let caption = "Ndege aina ya korongo akiwa juu ya kiota chake karibu na ziwa, picha ya mwaka jana."
        let rest = paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article><h1>Ndege wa Afrika Mashariki</h1><p>\(paragraphs[0])</p>
            <div class="image right"><img src="a.jpg"><div class="legend"><div class="content">\(caption)</div></div></div>\(rest)</article></body></html>
            """
        let article = try XCTUnwrap(HTMLTestSupport.article(html))
        XCTAssertFalse(article.text.contains(caption), article.text)
        XCTAssertEqual(article.captions, [caption])
        for paragraph in paragraphs { XCTAssertTrue(article.text.contains(paragraph), article.text) }
    }

    /// A box of the article's tags (`post-tags`) is furniture like its sharing buttons, while a
    /// `tag-...` class names a post by its tags and leaves its text alone.
    func testABoxOfTagsIsFurniture() {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article class="post tag-siasa"><h1>Putin azuru Beijing</h1>\(body)
            <div class="post-tags">Mada: Urusi, China, nishati, gesi, biashara ya kimataifa</div></article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Mada: Urusi"), text)
    }

    /// Pages name parts of their text for printing (`tip-print-step`, `hide-for-print`): "print" in
    /// a name makes no furniture, as a print button is a link and goes as one.
    func testPrintInANameIsNoFurniture() {
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <div class="tip-print-step"><p>\(paragraphs[2])</p></div></article></body></html>
            """
        let text = kept(html)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
    }

    /// A heading's id is an anchor for a table of contents (`nav_mikataba__0`): the heading and
    /// the text under it stay in the body.
    func testAHeadingsAnchorIdMakesNoFurniture() {
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <h2 id="nav_mikataba_mipya__0">Mikataba mipya ya gesi</h2><p>\(paragraphs[2])</p></article></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains("Mikataba mipya ya gesi"), text)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
    }

    /// A subtitle set as an `<h2>` under the title, and a summary's bullet points beside it, are the
    /// standfirst like a `<p>` there.
    func testASubtitleHeadingAndSummaryPointsAreTheStandfirst() {
        let subtitle = "Ziara ya siku mbili inaonyesha uhusiano unaozidi kukua kati ya Moscow na Beijing tangu vita."
        let point = "Mikataba ya gesi, nishati na biashara ilitiwa saini na viongozi hao wawili mjini Beijing."
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><header class="head"><h1>Putin azuru Beijing</h1><h2>\(subtitle)</h2><ul><li>\(point)</li></ul></header>
            <main><div class="article-body">\(body)</div></main></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains(subtitle), text)
        XCTAssertTrue(text.contains(point), text)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
    }

    /// When the page's first `<h1>` is the logo's, far above the body, the heading nearest above the
    /// body is the article's title: it and the standfirst under it are kept.
    func testTheHeadingNearestAboveTheBodyIsTheTitle() {
        let standfirst = "Ziara ya siku mbili inaonyesha uhusiano unaozidi kukua kati ya Moscow na Beijing tangu vita."
        let menu = (1...20).map { "<li><a href=\"/s\($0)\">Sehemu ya \($0)</a></li>" }.joined()
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><header><h1><a href="/">Gazeti</a> la Kila Siku</h1><nav><ul>\(menu)</ul></nav></header>
            <div class="top"><h1>Putin azuru Beijing</h1><p>\(standfirst)</p></div>
            <div class="article-body">\(body)</div></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains("Putin azuru Beijing"), text)
        XCTAssertTrue(text.contains(standfirst), text)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
        XCTAssertFalse(text.contains("Sehemu ya 3"), text)
    }

    /// A table in the body whose first column links each row (products, downloads) keeps those
    /// cells; a list of links in the same body does not.
    func testLinkedCellsOfATableInTheBodyAreKept() {
        let rows = ["Kiti cha Mtoto A", "Kiti cha Mtoto B", "Kiti cha Mtoto C"].enumerated().map { i, name in
            "<tr><td><a href=\"/kiti/\(i)\">\(name)</a></td><td>\(100 + i) €</td></tr>"
        }.joined()
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><article><h1>Viti vya watoto</h1>\(body)<table>\(rows)</table>
            <ul><li><a href="/habari/1">Habari nyingine kuhusu usalama wa watoto barabarani</a></li></ul></article></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.contains("Kiti cha Mtoto B"), text)
        XCTAssertFalse(text.contains("Habari nyingine"), text)
    }

    /// A short label set as a paragraph ("Mada", "Makala zaidi:") above links left out heads no
    /// kept text and goes with them; a label above kept text, and a short sentence, stay.
    func testALabelAboveFurnitureIsLeftOut() {
        let html = """
            <html><body><article><h1>Putin azuru Beijing</h1><p>\(paragraphs[0])</p><p>Mikataba:</p><p>\(paragraphs[1])</p>
            <p>\(paragraphs[2])</p><p>Asante kwa kusoma.</p>
            <p>Makala zaidi</p><ul><li><a href="/a">Urusi na China zakubaliana</a></li><li><a href="/b">Gesi ya Siberia</a></li></ul>
            </article></body></html>
            """
        let text = kept(html)
        XCTAssertFalse(text.contains("Makala zaidi"), text)
        XCTAssertTrue(text.contains("Mikataba:"), text)
        XCTAssertTrue(text.contains("Asante kwa kusoma."), text)
        for paragraph in paragraphs { XCTAssertTrue(text.contains(paragraph), text) }
    }

    /// Text is composed (NFC): an "é" typed as "e" and a combining accent is kept as one letter, as
    /// other tools and readers spell it.
    func testTextIsComposed() {
        let html = """
            <html><body><article><h1>Viti vya watoto</h1><p>Kiti cha Jane\u{301} Koos kilipata alama nzuri katika majaribio yote, kwa usalama na starehe.</p>
            <p>\(paragraphs[0])</p><p>\(paragraphs[1])</p></article></body></html>
            """
        let text = kept(html)
        XCTAssertTrue(text.unicodeScalars.contains("\u{E9}"), text)
        XCTAssertFalse(text.unicodeScalars.contains("\u{301}"), text)
    }
}

import Foundation
@testable import NewsKit

/// Reads pages and WARC files the way a run does, collecting the problems it would print.
enum HTMLTestSupport {
    static let reader = ArticleReader()

    static func articles(html bytes: [UInt8], origin: String = "page.html") -> (articles: [Article], problems: [InputProblem]) {
        var problems: [InputProblem] = []
        var articles: [Article] = []
        HTMLInput.read(file: Data(bytes), origin: origin, problems: { problems.append($0) }) { record in
            problems += record.document.problems
            articles.append(reader.article(from: record))
        }
        return (articles, problems)
    }

    static func article(_ html: String, origin: String = "page.html") -> Article? {
        articles(html: Array(html.utf8), origin: origin).articles.first
    }

    static func warc(_ bytes: [UInt8], origin: String = "crawl.warc") -> (articles: [Article], problems: [InputProblem]) {
        var problems: [InputProblem] = []
        var articles: [Article] = []
        WARCReader(origin: origin).read(file: Data(bytes), problems: { problems.append($0) }) { record in
            problems += record.document.problems
            articles.append(reader.article(from: record))
        }
        return (articles, problems)
    }

    /// One WARC response record around an HTTP response, as a crawler writes it.
    static func warcResponse(url: String, date: String = "2024-06-19T08:30:00Z", contentType: String, body: [UInt8]) -> [UInt8] {
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(url)\r\nWARC-Date: \(date)\r\n"
            + "WARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\nContent-Type: application/http; msgtype=response\r\n"
            + "Content-Length: \(http.count)\r\n\r\n"
        return Array(header.utf8) + http + Array("\r\n\r\n".utf8)
    }

    static func warcRequest(url: String) -> [UInt8] {
        let http = Array("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8)
        let header = "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: \(url)\r\nContent-Type: application/http; msgtype=request\r\n"
            + "Content-Length: \(http.count)\r\n\r\n"
        return Array(header.utf8) + http + Array("\r\n\r\n".utf8)
    }

    /// The text in one of the legacy code pages iconv knows.
    static func encoded(_ text: String, as encoding: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { Iconv.convert($0, from: "UTF-8", to: encoding) } ?? []
    }

    /// A news page with the furniture pages carry: navigation, a comment thread, related links,
    /// a footer.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="sw"><head><meta charset="utf-8">
        <title>Putin azuru Beijing | Habari Leo</title>
        <meta property="og:title" content="Putin azuru Beijing kwa mazungumzo na Xi">
        <meta property="og:site_name" content="Habari Leo">
        <meta property="article:published_time" content="2024-05-16T09:00:00+03:00">
        <meta name="author" content="Amina Juma">
        </head><body>
        <nav class="main-nav"><ul><li><a href="/">Nyumbani</a></li><li><a href="/siasa">Siasa</a></li><li><a href="/michezo">Michezo</a></li></ul></nav>
        <div id="page"><article class="story">
        <h1>Putin azuru Beijing kwa mazungumzo na Xi</h1>
        <p class="lead">Rais wa Urusi Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, ya kwanza tangu aapishwe tena.</p>
        <div class="story-body">
        <p>Putin alipokelewa na Rais Xi Jinping katika Ukumbi Mkuu wa Watu, ambapo viongozi hao walizungumzia biashara, nishati na usalama wa kikanda.</p>
        <p>Wachambuzi wanasema ziara hiyo inaonyesha jinsi uhusiano wa nchi hizo mbili ulivyoimarika, hasa tangu kuanza kwa vita nchini Ukraine mwaka 2022.</p>
        <h2>Biashara na nishati</h2>
        <p>Biashara kati ya China na Urusi ilifikia rekodi mwaka jana, ikichangiwa na mauzo ya mafuta na gesi, kwa mujibu wa takwimu za forodha za China.</p>
        <blockquote><p>"Uhusiano wetu uko katika kiwango cha juu kabisa katika historia," Putin alisema.</p></blockquote>
        <figure><figcaption>Putin na Xi mjini Beijing, Mei 16, 2024.</figcaption></figure>
        </div>
        <div class="share-buttons"><a href="#">Shiriki Facebook</a> <a href="#">Shiriki X</a></div>
        </article>
        <aside class="related"><h3>Habari zinazohusiana</h3><ul>
        <li><a href="/a">Xi akutana na viongozi wa SCO mjini Astana</a></li>
        <li><a href="/b">Urusi na China zasaini mikataba mipya ya nishati</a></li></ul></aside>
        <section id="comments" class="comments"><h3>Maoni 2</h3>
        <div class="comment"><p>Ziara hii ni muhimu sana kwa uchumi wa dunia nzima, nadhani itabadilisha mambo mengi.</p></div></section>
        </div>
        <footer><p>© 2024 Habari Leo. Haki zote zimehifadhiwa.</p></footer>
        <script>var tracking = "Hii si maandishi ya makala";</script>
        </body></html>
        """
}

import Foundation
import XCTest
@testable import NewsKit

/// Web pages become the same typed blocks as raw text: the main text through the article parser,
/// the furniture typed, nothing visible dropped, offsets into the visible text.
final class HTMLReaderTests: XCTestCase {
    private let page = HTMLTestSupport.newsPage

    func testMainTextIsTheArticleAndFurnitureIsTyped() throws {
        let article = try XCTUnwrap(HTMLTestSupport.article(page))
        XCTAssertTrue(article.text.contains("Putin alipokelewa na Rais Xi Jinping"), article.text)
        XCTAssertTrue(article.text.contains("Biashara kati ya China na Urusi"), article.text)
        XCTAssertTrue(article.text.contains("amewasili Beijing"), "the lede is in the text: \(article.text)")
        for furniture in ["Nyumbani", "Shiriki Facebook", "Ziara hii ni muhimu", "Haki zote", "mikataba mipya"] {
            XCTAssertFalse(article.text.contains(furniture), "\(furniture) is furniture: \(article.text)")
        }
        XCTAssertFalse(article.raw.contains("Hii si maandishi"), "a script is no visible text")
        let kinds = Dictionary(article.blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(kinds["Nyumbani"], .boilerplate)
        XCTAssertEqual(kinds["Xi akutana na viongozi wa SCO mjini Astana"], .related)
        XCTAssertEqual(kinds["Ziara hii ni muhimu sana kwa uchumi wa dunia nzima, nadhani itabadilisha mambo mengi."], .boilerplate)
        XCTAssertTrue(article.blocks.contains { $0.kind == .heading && $0.text == "Biashara na nishati" }, "\(article.blocks.map { ($0.kind, $0.text) })")
    }

    func testNothingVisibleIsDroppedAndOffsetsPointIntoTheVisibleText() throws {
        let article = try XCTUnwrap(HTMLTestSupport.article(page))
        let raw = Array(article.raw.utf8)
        for block in article.blocks {
            XCTAssertTrue(block.first >= 1 && block.last <= raw.count && block.first <= block.last, "\(block)")
            let span = String(decoding: raw[(block.first - 1)..<block.last], as: UTF8.self)
            XCTAssertTrue(span.contains(block.text) || block.marker != nil, "block \(block.kind) \(block.text) is not at \(block.first)-\(block.last): \(span)")
        }
        // Every line of the visible text is inside some block.
        for line in article.raw.split(separator: "\n") where !line.isEmpty {
            XCTAssertTrue(article.blocks.contains { $0.text.contains(line) || line.contains($0.text) }, "dropped: \(line)")
        }
        XCTAssertEqual(article.blocks.map(\.first), article.blocks.map(\.first).sorted())
        XCTAssertEqual(article.html, page)
    }

    func testEachBlockSaysWhyWithItsDOMPath() throws {
        let article = try XCTUnwrap(HTMLTestSupport.article(page))
        let nav = try XCTUnwrap(article.blocks.first { $0.text == "Nyumbani" })
        XCTAssertTrue(nav.rule.contains("outside article.story, in furniture: <nav>"), nav.rule)
        XCTAssertTrue(nav.rule.contains("[body>nav.main-nav>ul>li]"), nav.rule)
        let body = try XCTUnwrap(article.blocks.first { $0.text.hasPrefix("Putin alipokelewa") })
        XCTAssertTrue(body.rule.contains("html: in "), body.rule)
        XCTAssertTrue(body.rule.contains("article.story>div.story-body>p]"), body.rule)
    }

    func testMetadataWinsOverTheText() throws {
        let article = try XCTUnwrap(HTMLTestSupport.article(page))
        XCTAssertEqual(article.title, "Putin azuru Beijing kwa mazungumzo na Xi")
        XCTAssertEqual(article.date, "2024-05-16")
        XCTAssertEqual(article.source, "Habari Leo")
        XCTAssertEqual(article.byline, "Amina Juma")
        XCTAssertEqual(article.lang, "sw")
    }

    func testAPageWithoutAnArticleContainerStillGivesItsText() throws {
        let html = "<html><body><p>Rais Samia Suluhu Hassan amesema leo kuwa serikali itaendelea kushirikiana na China katika miradi ya miundombinu, ikiwemo reli ya kisasa.</p><p>Alizungumza hayo jijini Dodoma wakati wa mkutano na waandishi wa habari, akieleza mafanikio ya ziara yake ya hivi karibuni.</p></body></html>"
        let article = try XCTUnwrap(HTMLTestSupport.article(html))
        XCTAssertTrue(article.text.contains("serikali itaendelea"), article.text)
        XCTAssertTrue(article.text.contains("jijini Dodoma"), article.text)
    }

    func testGzippedPageReadsAsThePage() throws {
        let gzip = try Self.gzip(Array(page.utf8))
        let (articles, problems) = HTMLTestSupport.articles(html: gzip, origin: "page.html.gz")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles.first?.title, "Putin azuru Beijing kwa mazungumzo na Xi")
        let cut = Array(gzip.prefix(gzip.count / 2))
        let (none, cutProblems) = HTMLTestSupport.articles(html: cut, origin: "cut.html.gz")
        XCTAssertTrue(none.isEmpty)
        XCTAssertEqual(cutProblems.map(\.message), ["cut.html.gz: gzip stream cut short; skipped"])
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// The seed articles against ../shared/gold/seeds.json (what a careful analyst reads out of them).
final class GoldSeedsTests: XCTestCase {
    struct GoldQuote: Decodable { var text: String; var speaker: String? }
    struct GoldArticle: Decodable {
        var title: String?
        var lede: String?
        var date: String?
        var source: String?
        var original_source: String?
        var agencies: [String]
        var related: [String]
        var captions: [String]
        var credits: [String]
        var headings: [String]
        var paragraphs: Int
        var not_body: [String]
        var quotes: [GoldQuote]
    }
    struct Gold: Decodable { var articles: [String: GoldArticle] }

    /// How each gold speaker (a knowledge-base name) may be written in the seeds; the entity
    /// linker maps these surfaces to the entity later.
    static let surfaces: [String: [String]] = [
        "Xi Jinping": ["Xi", "شي"],
        "Vladimir Putin": ["Putin", "بوتين", "پوتین"],
        "Kim Jong Un": ["Kim"],
        "Kassym-Jomart Tokayev": ["Tokayev", "توكاييف"],
    ]

    func loadGold() throws -> (Gold, URL) {
        guard let goldURL = SharedTestData.shared("gold/seeds.json") else {
            throw XCTSkip("../shared/gold/seeds.json is absent")
        }
        guard let seeds = SharedTestData.seeds() else { throw XCTSkip("no seeds folder") }
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: goldURL))
        return (gold, seeds)
    }

    func testSeedsAgreeWithGold() throws {
        let (gold, seeds) = try loadGold()
        let parser = ArticleParser()
        XCTAssertFalse(gold.articles.isEmpty)
        for (name, g) in gold.articles.sorted(by: { $0.key < $1.key }) {
            let url = seeds.appendingPathComponent(name)
            guard let raw = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("seed \(name) missing"); continue
            }
            let a = parser.parse(raw)
            XCTAssertTrue(StructureTestSupport.checkCoverage(raw, a), name)
            XCTAssertEqual(a.title, g.title, "\(name) title")
            XCTAssertEqual(a.lede, g.lede, "\(name) lede")
            // Without a reference date a weekday cannot pick the year: "--09-15" stays partial.
            XCTAssertEqual(a.date?.start.iso, g.date, "\(name) date")
            XCTAssertEqual(a.source, g.source, "\(name) source")
            XCTAssertEqual(a.originalSource, g.original_source, "\(name) original source")
            XCTAssertEqual(a.agencies, g.agencies, "\(name) agencies")
            XCTAssertEqual(a.related, g.related, "\(name) related")
            XCTAssertEqual(a.captions, g.captions, "\(name) captions")
            XCTAssertEqual(a.credits, g.credits, "\(name) credits")
            XCTAssertEqual(a.headings, g.headings, "\(name) headings")
            XCTAssertLessThanOrEqual(abs(a.paragraphs.count - g.paragraphs), 1,
                                     "\(name) paragraphs \(a.paragraphs.count) vs \(g.paragraphs)")
            for line in g.not_body {
                let needle = StructureTestSupport.squeezed(line)
                let squeeze = StructureTestSupport.squeezed
                XCTAssertFalse(a.title.map(squeeze)?.contains(needle) ?? false, "\(name): '\(line)' in the title")
                XCTAssertFalse(a.lede.map(squeeze)?.contains(needle) ?? false, "\(name): '\(line)' in the lede")
                for p in a.paragraphs {
                    XCTAssertFalse(squeeze(p).contains(needle), "\(name): '\(line)' in the body")
                }
            }
            for q in g.quotes {
                guard let found = a.quotes.first(where: { $0.text == q.text }) else {
                    XCTFail("\(name): quote not found: \(q.text)"); continue
                }
                let bytes = Array(a.text.utf8)
                XCTAssertEqual(String(decoding: bytes[(found.first - 1)..<found.last], as: UTF8.self), q.text)
                if let speaker = q.speaker {
                    let forms = Self.surfaces[speaker] ?? [String(speaker.split(separator: " ").last!)]
                    let said = found.speaker ?? ""
                    XCTAssertTrue(forms.contains { said.contains($0) },
                                  "\(name): speaker '\(said)' for '\(q.text.prefix(30))', gold \(speaker)")
                }
            }
            // Quoted names and scare quotes are not speech.
            if g.quotes.isEmpty { XCTAssertEqual(a.quotes.count, 0, "\(name) quotes") }
        }
    }

    /// With a reference date, the weekday in "اليوم الخميس 15 سبتمبر" may resolve the year.
    func testSeedDateWithReference() throws {
        let (gold, seeds) = try loadGold()
        guard let name = gold.articles.keys.sorted().first(where: { $0.hasPrefix("001") }) else {
            throw XCTSkip("seed 001 absent")
        }
        let raw = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let reference = utc.date(from: DateComponents(year: 2022, month: 9, day: 20))!
        let a = ArticleParser(dates: DateParser(reference: reference)).parse(raw)
        XCTAssertTrue(["2022-09-15", "--09-15"].contains(a.date?.start.iso ?? "nil"), a.date?.start.iso ?? "nil")
    }

    /// Every line the gold lists as not body is typed as something else, with its bytes kept.
    func testNotBodyLinesAreTypedBlocks() throws {
        let (gold, seeds) = try loadGold()
        let parser = ArticleParser()
        for (name, g) in gold.articles {
            let raw = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let a = parser.parse(raw)
            for line in g.not_body {
                let needle = StructureTestSupport.squeezed(line)
                let holders = a.blocks.filter { b in
                    let span = StructureTestSupport.squeezed(
                        String(decoding: Array(raw.utf8)[(b.first - 1)..<b.last], as: UTF8.self))
                    return span.contains(needle) || needle.contains(span)
                }
                XCTAssertFalse(holders.isEmpty, "\(name): no block holds '\(line)'")
                for b in holders {
                    XCTAssertFalse([.paragraph, .lede, .title].contains(b.kind), "\(name): '\(line)' is \(b.kind)")
                }
            }
        }
    }
}

import XCTest
@testable import NewsKit

/// Texts of many megabytes through every stage. Language identification summed n-gram weights
/// in 32-bit cells and trapped (arithmetic overflow) on English text of about 8 MB; the sizes
/// here are the smallest that reached that overflow with margin (12 MB), or, for the stages
/// that work window by window, just over two windows (`TextWindows.size`, 1 MiB), which is
/// where their cutting and offset shifting happen. Debug builds are slow, so nothing bigger.
final class LargeInputTests: XCTestCase {
    static let sentence = "The president met the minister in Moscow on 3 March 2024. "

    /// 12 MB on one line: no line, paragraph or window break but spaces.
    static let longLine: String = String(repeating: sentence, count: 12_000_000 / sentence.utf8.count)

    /// Paragraphs, each with a quote, a named person and a date; numbered, as the parser marks
    /// repeated paragraphs as duplicates. 13,500 of them make 2.2 MB: three windows.
    static let paragraphCount = 13_500
    static let longArticle: String = {
        let paragraphs = (0..<paragraphCount).map { i in
            "Minister Amina Odhiambo said: \"The talks in Moscow will go on for as long as they must, "
                + "and we will stay.\" She arrived in Moscow on 3 March 2024 with \(i + 1) delegates."
        }
        return "Talks go on in Moscow\n\n" + paragraphs.joined(separator: "\n\n")
    }()

    func testLanguageOfTwelveMegabytesIsIdentifiedWithoutOverflow() {
        let guess = LanguageIdentifier.shared.identify(Self.longLine)
        XCTAssertEqual(guess.code, "en")
        XCTAssertEqual(LanguageIdentifier.shared.ranked(Self.longLine, limit: 2).first?.code, "en")
    }

    func testFoldingMapsTheEndOfTwelveMegabytesBack() {
        let folded = TextFolder.foldWithMap(Self.longLine)
        XCTAssertEqual(folded.bytes.count, Self.longLine.utf8.count)
        let last = folded.bytes.count - 1
        XCTAssertEqual(folded.originalRange(ofFolded: last..<(last + 1)), last..<(last + 1))
    }

    func testMatcherFindsEveryMentionInTwelveMegabytes() {
        let knowledgeBase = KnowledgeBase(profiles: [
            EntityProfile(id: "place/moscow", kind: "place", name: "Moscow", variants: [EntityVariant(text: "Moscow", lang: "en")]),
        ])
        let matches = EntityMatcher(knowledgeBase: knowledgeBase).matches(in: Self.longLine, language: "en")
        XCTAssertEqual(matches.count, 12_000_000 / Self.sentence.utf8.count)
        let bytes = Array(Self.longLine.utf8)
        if let last = matches.last {
            XCTAssertEqual(String(decoding: bytes[last.utf8Range], as: UTF8.self), "Moscow")
        }
    }

    func testDatesOfTwelveMegabytesMapBack() {
        let dates = DateParser().find(in: Self.longLine, lang: "en")
        XCTAssertEqual(dates.count, 12_000_000 / Self.sentence.utf8.count)
        XCTAssertEqual(dates.last?.iso, "2024-03-03")
        XCTAssertEqual(dates.last?.text, "3 March 2024")
    }

    func testParserReadsATwelveMegabyteLine() {
        var record = InputRecord(document: Document(origin: "long.txt", text: "Talks in Moscow\n\n" + Self.longLine))
        record.lang = nil
        let article = ArticleReader().article(from: record)
        XCTAssertEqual(article.lang, "en")
        XCTAssertEqual(article.title, "Talks in Moscow")
        XCTAssertEqual(article.text.utf8.count, Self.longLine.utf8.count - 1)  // the trailing space is trimmed
        XCTAssertEqual(article.blocks.last?.last, article.raw.utf8.count - 1)
        // Cut into lines of at most a window for folding, the line is still one block.
        XCTAssertEqual(article.blocks.count, 2)
        XCTAssertEqual(article.paragraphSlices.count + (article.ledeSlice == nil ? 0 : 1), 1)
    }

    /// The blocks, paragraphs and lede of a parsed article are slices of its raw text, not
    /// copies: each copy is one more time the size of a 100 MB article in memory.
    func testBlocksShareTheStorageOfTheRawText() {
        var record = InputRecord(document: Document(origin: "long.txt", text: Self.longArticle))
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        var raw = article.raw
        let base = raw.withUTF8 { $0.baseAddress }
        func storage(_ text: Substring) -> UnsafePointer<UInt8>? {
            var string = text.base
            return string.withUTF8 { $0.baseAddress }
        }
        XCTAssertGreaterThan(article.blocks.count, Self.paragraphCount)
        XCTAssertTrue(article.blocks.allSatisfy { storage($0.textSlice) == base })
        XCTAssertTrue(article.paragraphSlices.allSatisfy { storage($0) == base })
        if let lede = article.ledeSlice { XCTAssertEqual(storage(lede), base) }
        // Its paragraphs lie in raw a blank line apart, as the text joins them: the text is raw's too.
        XCTAssertEqual(storage(article.textSlice), base)
        XCTAssertEqual(article.text, ([article.lede].compactMap { $0 } + article.paragraphs).joined(separator: "\n\n"))
    }

    func testWindowsCoverTheTextAndCutAtParagraphs() {
        var text = Self.longArticle
        let windows = text.withUTF8 { TextWindows.windows($0) }
        XCTAssertGreaterThan(windows.count, 2)
        XCTAssertEqual(windows.first?.lowerBound, 0)
        XCTAssertEqual(windows.last?.upperBound, text.utf8.count)
        let bytes = Array(text.utf8)
        for (a, b) in zip(windows, windows.dropFirst()) {
            XCTAssertEqual(a.upperBound, b.lowerBound)
            XCTAssertLessThanOrEqual(a.count, TextWindows.size)
            XCTAssertEqual(Array(bytes[(a.upperBound - 2)..<a.upperBound]), [0x0A, 0x0A])
        }
        // No break at all: cut at a character boundary, never inside a character.
        var arabic = String(repeating: "س", count: 1_500_000)
        let cuts = arabic.withUTF8 { TextWindows.windows($0) }
        XCTAssertEqual(cuts.count, 3)
        XCTAssertTrue(cuts.allSatisfy { $0.lowerBound % 2 == 0 })
    }

    /// Quotes, rule-based people, amounts, dates and knowledge-base places of a text that is
    /// read in several windows keep offsets into the whole text, in text order.
    func testAnnotationOfAnArticleLongerThanAWindowMapsBack() {
        var record = InputRecord(document: Document(origin: "long.txt", text: Self.longArticle))
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        XCTAssertGreaterThan(article.text.utf8.count, 2 * TextWindows.size)
        XCTAssertEqual(article.quotes.count, Self.paragraphCount)
        let text = Array(article.text.utf8)
        for quote in [article.quotes.first, article.quotes.last].compactMap({ $0 }) {
            XCTAssertTrue(String(decoding: text[(quote.first - 1)..<quote.last], as: UTF8.self).hasPrefix("The talks"))
        }
        let knowledgeBase = KnowledgeBase(profiles: [
            EntityProfile(id: "place/moscow", kind: "place", name: "Moscow", variants: [EntityVariant(text: "Moscow", lang: "en")]),
        ])
        // Issue 7: the annotation comes window by window (`annotate` joins the parts), so that a
        // consumer that keeps only the quotes holds one window's mentions at a time.
        var parts: [ArticleAnnotation] = []
        EntityAnnotator(knowledgeBase: knowledgeBase).annotateByWindow(article) { parts.append($0) }
        var textSlice = article.textSlice
        XCTAssertEqual(parts.count, textSlice.withUTF8 { TextWindows.windows($0).count })
        let mentions = parts.flatMap(\.mentions)
        let quotes = parts.flatMap(\.quotes)
        var kinds: [String: Int] = [:]
        for m in mentions {
            kinds[m.kind, default: 0] += 1
            guard let first = m.first, let last = m.last else { continue }
            XCTAssertEqual(String(decoding: text[(first - 1)..<last], as: UTF8.self), m.text)
            XCTAssertNotNil(m.block)
        }
        XCTAssertEqual(kinds["place"], 2 * Self.paragraphCount + 1)  // twice per paragraph, and once in the title
        XCTAssertEqual(kinds["date"], Self.paragraphCount)
        XCTAssertGreaterThanOrEqual(kinds["person"] ?? 0, Self.paragraphCount)
        XCTAssertEqual(mentions.last?.first, nil, "the title's mention comes after the text's")
        XCTAssertEqual(mentions.filter { $0.first == nil }.count, 1)
        let positions = mentions.compactMap(\.first)
        XCTAssertEqual(positions, positions.sorted(), "in text order across windows")
        // Every quote of every window linked to the speaker its window names.
        XCTAssertEqual(quotes.map(\.quote), article.quotes)
        XCTAssertEqual(Set(quotes.map(\.speakerName)), ["Amina Odhiambo"])
        XCTAssertFalse(parts.contains { $0.quotes.isEmpty }, "each window has its quotes")
    }
}

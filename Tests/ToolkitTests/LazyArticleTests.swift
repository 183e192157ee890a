import Foundation
import NewsKit
import XCTest
@testable import Toolkit

/// A script that reads only what the records give (title, id, language of JSON Lines records)
/// never parses an article; the first field that needs parsing parses it, once.
final class LazyArticleTests: XCTestCase {
    final class Counter: @unchecked Sendable { var parses = 0 }

    private func object(title: String?, lang: String?, counter: Counter) -> ArticleObject {
        var record = InputRecord(document: Document(origin: "a.jsonl:1", bytes: Array("Rais Samia Suluhu Hassan alikutana na Xi Jinping.\n\nMkutano ulifanyika Beijing.".utf8)))
        record.title = title
        record.lang = lang
        let reader = ArticleReader()
        let item = ArticleStream.Item(article: reader.unparsed(record), annotation: nil, record: record)
        let entities = EntityContext(knowledgeBase: { throw LuaFilterError("no knowledge base in this test") },
                                     rules: { throw LuaFilterError("no rules in this test") })
        return ArticleObject(item, entities: entities, parse: { counter.parses += 1; return reader.article(from: $0) })
    }

    func testFieldsTheRecordGivesNeedNoParsing() {
        let counter = Counter()
        let article = object(title: "Samia na Xi", lang: "sw", counter: counter)
        XCTAssertEqual(article.title, "Samia na Xi")
        XCTAssertEqual(article.lang, "sw")
        XCTAssertEqual(article.unparsed.path, "a.jsonl:1")
        XCTAssertFalse(article.unparsed.id.isEmpty)
        XCTAssertEqual(counter.parses, 0)
        XCTAssertTrue(article.article.text.contains("Mkutano ulifanyika Beijing."))
        XCTAssertEqual(counter.parses, 1, "parsed once, on the first field that needs it")
    }

    func testWithoutATitleInTheRecordTheTitleComesFromParsing() {
        let counter = Counter()
        let article = object(title: nil, lang: nil, counter: counter)
        _ = article.title
        XCTAssertEqual(counter.parses, 1)
        _ = article.lang
        XCTAssertEqual(counter.parses, 1)
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// Issue 11, point 6: lines repeated across many articles of one source are boilerplate, learnt
/// over the run. Lines from ../shared/corpus (BBC Arabic's app notice on 86 of its 474 articles,
/// Al Arabiya's opinion disclaimer on 52 of 822), embedded; the articles around them are made up
/// of distinct sentences so that each counts as its own story.
final class SourceBoilerplateTests: XCTestCase {
    static let appNotice = "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول."
    /// BB-culture-292-20180906, first paragraph: a story's own line.
    static let storyLine = "قالت نجمة تليفزيون الواقع الأمريكية ،كيم كارداشيان، إنها \"تحارب\" من أجل إطلاق سراح سجين يقضي حكما بالسجن مدى الحياة بسبب حيازته المخدرات."

    func record(_ text: String, source: String?, url: String? = nil, id: Int) -> InputRecord {
        var record = InputRecord(text: text, name: "t.jsonl", id: "a\(id)", title: "عنوان \(id)", lang: "ar", source: source, url: url)
        record.lang = "ar"
        return record
    }

    /// `count` articles of BBC, each with a sentence of its own; those with `withNotice` also carry the notice.
    func bbc(_ count: Int, withNotice: Int, noticeLine: String = appNotice) -> [InputRecord] {
        (0..<count).map { i in
            let own = "وقال المتحدث إن الاجتماع رقم \(i) انتهى دون اتفاق بين الأطراف المشاركة في المفاوضات."
            return record(i < withNotice ? own + "\n" + noticeLine : own, source: "BBC", id: i)
        }
    }

    func learnt(_ records: [InputRecord]) -> SourceBoilerplate {
        var counts = SourceLineCounts()
        for record in records { counts.count(record) }
        return counts.learnt()
    }

    func testLineOnManyArticlesOfOneSourceIsBoilerplate() {
        let records = bbc(100, withNotice: 10)
        let table = learnt(records)
        var tagged = records[3]
        tagged.repeatedLines = table.repeatedLines(of: tagged)
        XCTAssertEqual(tagged.repeatedLines.count, 1)
        let article = ArticleReader().article(from: tagged)
        let notice = article.blocks.first { $0.text == Self.appNotice }
        XCTAssertEqual(notice?.kind, .boilerplate)
        XCTAssertEqual(notice?.rule, "source-repeated")
        XCTAssertFalse(article.text.contains("تطبيق بي بي سي"))
        XCTAssertTrue(article.text.contains("الاجتماع رقم 3"))
        // Without the learnt line, the same record keeps the notice in its text (no marker knows it).
        XCTAssertTrue(ArticleReader().article(from: records[3]).text.contains("تطبيق بي بي سي"))
    }

    /// White space and ASCII case do not make another line; the source is the field, else the URL's host.
    func testLineKeysAndSourceKeys() {
        XCTAssertEqual(SourceBoilerplate.lineKey("  ** جميع المقالات  المنشورة تمثل رأي كتابها فقط. "),
                       SourceBoilerplate.lineKey("** جميع المقالات المنشورة تمثل رأي كتابها فقط."))
        XCTAssertEqual(SourceBoilerplate.lineKey("All Content by Mehr News Agency"), SourceBoilerplate.lineKey("all content by MEHR news agency"))
        XCTAssertNil(SourceBoilerplate.lineKey(" \t "))
        XCTAssertEqual(SourceBoilerplate.sourceKey(of: record("x", source: nil, url: "http://www.bbc.co.uk/arabic/art-and-culture-45429235", id: 1)), "bbc.co.uk")
        XCTAssertEqual(SourceBoilerplate.sourceKey(of: record("x", source: "Tehran Times", id: 1)), "tehran times")
        XCTAssertNil(SourceBoilerplate.sourceKey(of: InputRecord(text: "x", name: "a.txt")))
    }

    /// A paragraph a few follow-up stories repeat (CNN Arabic quotes one in 4 of 444 articles) is
    /// not furniture: under 2% of the source, and under 5 articles of a small source.
    func testParagraphRepeatedByAFewStoriesIsKept() {
        let quoted = Self.storyLine
        XCTAssertTrue(learnt(bbc(444, withNotice: 4, noticeLine: quoted)).isEmpty)
        XCTAssertTrue(learnt(bbc(444, withNotice: 8, noticeLine: quoted)).isEmpty, "8 of 444 is under 2%")
        XCTAssertTrue(learnt(bbc(20, withNotice: 4, noticeLine: quoted)).isEmpty, "fewer than 5 articles")
        XCTAssertFalse(learnt(bbc(20, withNotice: 5, noticeLine: quoted)).isEmpty)
    }

    /// The same story twice in a corpus counts once; another source's articles do not count.
    func testDuplicatesAndOtherSourcesDoNotCount() {
        let story = "وقال المتحدث إن الاجتماع انتهى دون اتفاق.\n" + Self.appNotice
        let copies = (0..<10).map { record(story, source: "BBC", id: $0) }
        XCTAssertTrue(learnt(copies).isEmpty)
        var mixed = bbc(100, withNotice: 4)
        mixed += (0..<10).map { i in record("خبر رقم \(i) من مصدر آخر.\n" + Self.appNotice, source: "CNN", id: 1000 + i) }
        let table = learnt(mixed)
        XCTAssertNil(table.lines["bbc"], "4 BBC articles: under the threshold whatever CNN does")
        XCTAssertEqual(table.lines["cnn"]?.count, 1)
        XCTAssertTrue(table.repeatedLines(of: mixed[0]).isEmpty)
    }

    /// Long lines are never counted: a paragraph is not furniture however often it recurs.
    func testLongLinesAreNotCounted() {
        let long = String(repeating: "وقال المتحدث إن الاجتماع انتهى دون اتفاق بين الأطراف. ", count: 8)
        XCTAssertGreaterThan(long.utf8.count, SourceBoilerplate.maximumLineBytes)
        XCTAssertTrue(learnt(bbc(50, withNotice: 50, noticeLine: long)).isEmpty)
    }
}

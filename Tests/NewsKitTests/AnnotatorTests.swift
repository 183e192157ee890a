import Foundation
import XCTest
@testable import NewsKit

final class AnnotatorTests: XCTestCase {
    static let knowledgeBase = KnowledgeBase(profiles: [
        EntityProfile(id: "person/amina-odhiambo", kind: "person", name: "Amina Odhiambo", variants: [
            EntityVariant(text: "Amina Odhiambo", lang: "en"), EntityVariant(text: "Odhiambo", lang: "en", short: true),
            EntityVariant(text: "أمينة أوديامبو", lang: "ar"), EntityVariant(text: "أوديامبو", lang: "ar"),
        ]),
        EntityProfile(id: "place/ke", kind: "place", name: "Kenya", variants: [
            EntityVariant(text: "Kenya", lang: "en"), EntityVariant(text: "كينيا", lang: "ar"),
        ]),
        EntityProfile(id: "org/tradebloc", kind: "org", name: "East Lakes Trade Bloc", variants: [
            EntityVariant(text: "East Lakes Trade Bloc", lang: "en"), EntityVariant(text: "ELTB", lang: "en"),
        ]),
    ])

    func article(_ raw: String, lang: String = "en") -> Article {
        var record = InputRecord(document: Document(origin: "t.txt", text: raw))
        record.lang = lang
        return ArticleReader().article(from: record)
    }

    func testMentionsInTextAndOutsideItMapBackExactly() {
        let a = article("""
            Odhiambo heads to Kenya for the bloc summit

            Foreign minister Amina Odhiambo arrived in Kenya on 3 March 2025 for talks with the East Lakes Trade Bloc.
            The ELTB has met twice this year, and Odhiambo said she expected an agreement before the rains.
            Source: Lakeside Wire
            """)
        let found = EntityAnnotator(knowledgeBase: Self.knowledgeBase).annotate(a).mentions
        let text = Array(a.text.utf8), raw = Array(a.raw.utf8)
        for m in found {
            if let first = m.first, let last = m.last {
                XCTAssertEqual(String(decoding: text[(first - 1)..<last], as: UTF8.self), m.text)
                XCTAssertEqual(m.section, "text")
                XCTAssertNotNil(m.block)
                XCTAssertTrue([.lede, .paragraph].contains(a.blocks[m.block! - 1].kind))
            } else {
                let first = try! XCTUnwrap(m.rawFirst), last = try! XCTUnwrap(m.rawLast)
                XCTAssertEqual(String(decoding: raw[(first - 1)..<last], as: UTF8.self), m.text)
                XCTAssertEqual(m.section, a.blocks[m.block! - 1].kind.rawValue)
            }
        }
        let people = found.filter { $0.kind == "person" }
        XCTAssertEqual(Set(people.map(\.id)), ["person/amina-odhiambo"])
        // The surname alone counts in the body after the full name, and in the title because the
        // body names her in full.
        XCTAssertTrue(people.contains { $0.text == "Odhiambo" && $0.section == "text" })
        XCTAssertTrue(people.contains { $0.text == "Odhiambo" && $0.section == "title" })
        XCTAssertEqual(found.filter { $0.id == "org/tradebloc" }.count, 2)
        XCTAssertTrue(found.contains { $0.kind == "date" && $0.value == "2025-03-03" && $0.text == "3 March 2025" })
    }

    func testSpeakersOfQuotesAreLinkedThroughTheArticlesPeople() {
        let a = article("""
            وزيرة الخارجية أمينة أوديامبو تزور كينيا

            وصلت وزيرة الخارجية أمينة أوديامبو إلى كينيا صباح الاثنين لإجراء محادثات تجارية مع جيرانها.
            وقالت أوديامبو: "نريد سوقاً واحدة لكل شعوب البحيرات قبل نهاية العام".
            """, lang: "ar")
        let annotation = EntityAnnotator(knowledgeBase: Self.knowledgeBase).annotate(a)
        XCTAssertTrue(annotation.mentions.contains { $0.id == "place/ke" && $0.text == "كينيا" })
        let quote = try! XCTUnwrap(annotation.quotes.first)
        XCTAssertEqual(quote.speakerID, "person/amina-odhiambo")
        XCTAssertEqual(quote.speakerName, "Amina Odhiambo")
    }
}

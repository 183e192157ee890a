import Foundation
import XCTest
@testable import NewsKit

/// Issue 11, point 2: one id per person in an article. Sentences from ../shared/corpus (Tehran
/// Times, Al Arabiya, BBC Swahili), embedded so the tests run without it; the profiles are
/// those of the world knowledge base, cut down to what the sentences need.
final class PersonCoreferenceTests: XCTestCase {
    static let knowledgeBase = KnowledgeBase(profiles: [
        EntityProfile(id: "person/donald-trump", kind: "person", name: "Donald Trump", variants: [
            EntityVariant(text: "Donald Trump", lang: "en"), EntityVariant(text: "دونالد ترامب", lang: "ar"),
            EntityVariant(text: "دونالد ترمب", lang: "ar"), EntityVariant(text: "ترمب", lang: "ar"),
        ]),
        EntityProfile(id: "person/abdullah-ii", kind: "person", name: "Abdullah II of Jordan", variants: [
            EntityVariant(text: "Abdullah II", lang: "en"), EntityVariant(text: "King Abdullah II", lang: "en"),
        ]),
        EntityProfile(id: "place/jordan", kind: "place", name: "Jordan", variants: [EntityVariant(text: "Jordan", lang: "en")]),
    ])

    func annotate(_ text: String, lang: String) -> [EntityMention] {
        var record = InputRecord(document: Document(origin: "t.txt", text: text))
        record.lang = lang
        let article = ArticleReader().article(from: record)
        return EntityAnnotator(knowledgeBase: Self.knowledgeBase).annotate(article).mentions.filter { $0.kind == "person" }
    }

    /// tt-402406: the surname alone, after the full name, even where the knowledge base lists no
    /// short alias, and with a possessive.
    func testEnglishSurnameAfterTheFullNameIsFoundAndLinked() {
        let people = annotate("""
            Republican presumptive nominee Donald Trump, whose last remaining competitors exited the race after \
            Trump's victory in Indiana last week, also won in West Virginia on Tuesday, easily. Trump also rolled \
            to victory in Nebraska, where 36 delegates are at stake.
            """, lang: "en")
        XCTAssertEqual(people.filter { $0.text.hasPrefix("Trump") }.count, 2, "\(people.map(\.text))")
        XCTAssertEqual(Set(people.map(\.id)), ["person/donald-trump"])
    }

    /// A book-length text is resolved window by window: a full name licenses a partial one in its
    /// own window, offsets stay the text's, and surnames found in a later window point into the text.
    func testLongTextsAreResolvedWindowByWindowWithTheTextsOffsets() throws {
        let first = "Jennifer Nkosi Maaba said so. Nkosi left.\n\n"
        let second = "Donald Trump met Nkosi there. Then Trump spoke.\n\n"
        let text = first + second
        func at(_ word: String, after: Int = 0) throws -> Int {
            let bytes = Array(text.utf8), needle = Array(word.utf8)
            let i = try XCTUnwrap((after...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
            return i + 1
        }
        func mention(_ id: String, _ name: String, _ surface: String, _ start: Int, _ extractor: String = "title") -> EntityMention {
            EntityMention(id: id, kind: "person", name: name, text: surface, first: start, last: start + surface.utf8.count - 1,
                          extractor: extractor, score: 0.7)
        }
        let secondStart = first.utf8.count
        let mentions = [
            mention("~person/jennifer-nkosi-maaba", "Jennifer Nkosi Maaba", "Jennifer Nkosi Maaba", 1),
            mention("~person/nkosi", "Nkosi", "Nkosi", try at("Nkosi left")),
            mention("person/donald-trump", "Donald Trump", "Donald Trump", secondStart + 1, "kb"),
            mention("~person/nkosi", "Nkosi", "Nkosi", try at("Nkosi there")),
        ]
        let size = secondStart + 8  // the cut falls at the paragraph break between the two parts
        let resolved = PersonCoreference().resolveByWindow(mentions, text: Substring(text), lang: "en", windowSize: size)
        func find(_ start: Int) -> EntityMention? { resolved.first { $0.first == start } }
        XCTAssertEqual(find(try at("Nkosi left"))?.id, "~person/jennifer-nkosi-maaba", "the full name in the same window")
        XCTAssertEqual(find(try at("Nkosi there"))?.id, "~person/nkosi", "no full name in this window")
        let trump = try XCTUnwrap(find(try at("Trump spoke")), "the surname alone, found in the second window")
        XCTAssertEqual(trump.id, "person/donald-trump")
        XCTAssertEqual(trump.last, try at("Trump spoke") + 4)
        XCTAssertEqual(resolved.count, 5)
        // One window: exactly what resolve gives.
        let whole = PersonCoreference().resolveByWindow(mentions, text: Substring(text), lang: "en")
        XCTAssertEqual(whole.map(\.id), PersonCoreference().resolve(mentions, text: Substring(text), lang: "en").map(\.id))
    }

    /// A partial name takes the id of the full name: no unlinked look-alike beside it.
    func testPartialAndLookAlikeNamesTakeTheFullNamesID() {
        let resolver = PersonCoreference()
        var full = EntityMention(id: "person/donald-trump", kind: "person", name: "Donald Trump", text: "Donald Trump",
                                 first: 1, last: 12, extractor: "kb", score: 1)
        full.section = "text"
        let lookAlike = EntityMention(id: "~person/donald-trump", kind: "person", name: "Donald Trump", text: "Donald Trump",
                                      first: 40, last: 51, extractor: "tagger", score: 0.6)
        let surname = EntityMention(id: "~person/trump", kind: "person", name: "Trump", text: "Trump",
                                    first: 70, last: 74, extractor: "tagger", score: 0.6)
        let other = EntityMention(id: "~person/ivanka-trump", kind: "person", name: "Ivanka Trump", text: "Ivanka Trump",
                                  first: 90, last: 101, extractor: "tagger", score: 0.6)
        let text = String(repeating: " ", count: 120)
        let resolved = resolver.resolve([full, lookAlike, surname, other], text: Substring(text), lang: "en")
        XCTAssertEqual(resolved[1].id, "person/donald-trump")
        XCTAssertEqual(resolved[2].id, "person/donald-trump", "the knowledge-base person wins over an unlinked one")
        XCTAssertEqual(resolved[3].id, "~person/ivanka-trump", "a fuller name of someone else stays")
    }

    /// tt-419834 and the knowledge base's "King Abdullah II": the title with the name but without
    /// the regnal number is the same king.
    func testTitleWithoutRegnalNumberIsTheSamePerson() {
        let people = annotate("""
            Jordan's King Abdullah II met the delegation in Amman. King Abdullah spared no time in arresting \
            both his brothers and cousin.
            """, lang: "en")
        let abdullah = people.filter { $0.text.contains("Abdullah") }
        XCTAssertEqual(abdullah.count, 2, "\(people.map { ($0.text, $0.id) })")
        XCTAssertEqual(Set(abdullah.map(\.id)), ["person/abdullah-ii"])
    }

    /// Al Arabiya writes ترمب (AL-economy, 2018): a spelling of Donald Trump.
    func testArabicSpellingTarmabIsTrump() {
        let people = annotate("قال الرئيس الأميركي دونالد ترمب إن بلاده ستفرض رسوما على واردات الصلب، وأضاف ترمب أن القرار نهائي.", lang: "ar")
        XCTAssertEqual(people.filter { $0.id == "person/donald-trump" }.count, 2, "\(people.map { ($0.text, $0.id) })")
    }

    /// Swahili (BBC): a surname after the full name of someone outside the knowledge base keeps
    /// the full name's id.
    func testSurnameOfAnUnlinkedPersonTakesTheFullNamesID() {
        let resolver = PersonCoreference()
        let full = EntityMention(id: "~person/jair-bolsonaro", kind: "person", name: "جائير بولسونارو", text: "جائير بولسونارو",
                                 first: 1, last: 29, extractor: "tagger", score: 0.7)
        let surname = EntityMention(id: "~person/وبولسونارو", kind: "person", name: "وبولسونارو", text: "وبولسونارو",
                                    first: 60, last: 79, extractor: "tagger", score: 0.6)
        let resolved = resolver.resolve([full, surname], text: Substring(String(repeating: " ", count: 90)), lang: "ar")
        XCTAssertEqual(resolved[1].id, "~person/jair-bolsonaro")
    }

    /// fars-04b6304900af: "احمدي نژاد" typed with a space is the knowledge base's "احمدی‌نژاد".
    func testNameTypedWithASpaceForTheZWNJ() {
        var full = EntityMention(id: "person/mahmoud-ahmadinejad", kind: "person", name: "Mahmoud Ahmadinejad",
                                 text: "محمود احمدی‌نژاد", first: 1, last: 29, extractor: "kb", score: 1)
        full.section = "text"
        let spaced = EntityMention(id: "~person/احمدي-نژاد", kind: "person", name: "احمدي نژاد", text: "احمدي نژاد",
                                   first: 60, last: 78, extractor: "tagger", score: 0.6)
        let resolved = PersonCoreference().resolve([full, spaced], text: Substring(String(repeating: " ", count: 90)), lang: "fa")
        XCTAssertEqual(resolved[1].id, "person/mahmoud-ahmadinejad")
    }

    /// "Trump Tower" and "Ivanka Trump" are not Donald Trump.
    func testSurnameInsideAnotherNameIsNotTaken() {
        let people = annotate("""
            US President Donald Trump spoke on Monday. Ivanka Trump later visited Trump Tower in New York.
            """, lang: "en")
        XCTAssertEqual(people.filter { $0.id == "person/donald-trump" }.count, 1, "\(people.map { ($0.text, $0.id, $0.extractor, $0.first ?? 0) })")
    }
}

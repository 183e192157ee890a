import XCTest
@testable import NewsKit

/// Issue 11: Persian writes a compound name's parts apart or joined by a ZWNJ, which folding
/// drops: "سنت‌پترزبورگ" was not found under the knowledge base's "سنت پترزبورگ", nor
/// "تخت‌جمشید" under "تخت جمشید". A Persian spelling of several words is also known joined;
/// spellings of other languages, and parts of one letter, are not.
final class PersianJoinedSpellingTests: XCTestCase {
    static let kb = KnowledgeBase(profiles: [
        EntityProfile(id: "place/saint-petersburg", kind: "place", name: "Saint Petersburg", variants: [
            EntityVariant(text: "سنت پترزبورگ", lang: "fa"), EntityVariant(text: "سان بطرسبرغ", lang: "ar"),
        ]),
        EntityProfile(id: "place/persepolis", kind: "place", name: "Persepolis", variants: [EntityVariant(text: "تخت جمشید", lang: "fa")]),
        EntityProfile(id: "person/x", kind: "person", name: "X", variants: [EntityVariant(text: "ب علی", lang: "fa")]),
    ])

    func ids(_ text: String, lang: String) -> [String] {
        EntityMatcher(knowledgeBase: Self.kb).matches(in: text, language: lang).map(\.profileID)
    }

    func testAPersianNameJoinedByAZWNJIsFound() {
        // Real sentences of Persian news (Fars, Arman corpus).
        XCTAssertEqual(ids("تیم زنیت سنت‌پترزبورگ دیشب به پیروزی رسید.", lang: "fa"), ["place/saint-petersburg"])
        XCTAssertEqual(ids("بازدید گردشگران از تخت‌جمشید افزایش یافت.", lang: "fa"), ["place/persepolis"])
        XCTAssertEqual(ids("بازدید گردشگران از تخت جمشید افزایش یافت.", lang: "fa"), ["place/persepolis"])
        XCTAssertEqual(Self.kb.exactLookup("سنت‌پترزبورگ").map(\.id), ["place/saint-petersburg"])
    }

    func testOtherSpellingsAreNotJoined() {
        // Arabic writes its parts apart: سانبطرسبرغ is no spelling of it.
        XCTAssertEqual(ids("وصل إلى سانبطرسبرغ أمس.", lang: "ar"), [])
        XCTAssertTrue(Self.kb.exactLookup("سانبطرسبرغ").isEmpty)
        // A part of one letter joined would make a new word (بعلی).
        XCTAssertEqual(ids("او بعلی را دید.", lang: "fa"), [])
        XCTAssertNil(KnowledgeBase.joinedSpelling(of: EntityVariant(text: "Saint Petersburg", lang: "fa"), folded: "saint petersburg"))
    }
}

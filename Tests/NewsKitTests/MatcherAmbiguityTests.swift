import XCTest
@testable import NewsKit

/// Short aliases (Xi, شي, Kim) count only after the full name or next to a title.
final class MatcherAmbiguityTests: XCTestCase {
    private let kb = MatcherTests.fixture

    private func found(_ text: String, titles: TitleWords = .standard,
                       policy: EntityMatcher.ShortAliases = .afterFullNameOrTitle) -> [String] {
        EntityMatcher(knowledgeBase: kb, titles: titles, shortAliases: policy)
            .matches(in: text).map { "\($0.profileID)=\($0.surface)" }
    }

    func testShortAliasAloneIsDropped() {
        XCTAssertEqual(found("Xi alisema jambo"), [])
        XCTAssertEqual(found("قال شي إن"), [])
        XCTAssertEqual(found("Kim arrived"), [])
    }

    func testShortAliasAfterTheFullName() {
        XCTAssertEqual(found("Xi Jinping arrived. Later Xi said"),
                       ["person/xi-jinping=Xi Jinping", "person/xi-jinping=Xi"])
        XCTAssertEqual(found("التقى شي جين بينغ بوتين، وقال شي"),
                       ["person/xi-jinping=شي جين بينغ", "person/vladimir-putin=بوتين", "person/xi-jinping=شي"])
        XCTAssertEqual(found("Xi said, then Xi Jinping left"), ["person/xi-jinping=Xi Jinping"],
                       "the full name must come first")
    }

    func testShortAliasNextToATitle() {
        XCTAssertEqual(found("Rais Xi alisema"), ["person/xi-jinping=Xi"])
        XCTAssertEqual(found("President Xi said"), ["person/xi-jinping=Xi"])
        XCTAssertEqual(found("Mr. Xi said"), ["person/xi-jinping=Xi"])
        XCTAssertEqual(found("Bw. Xi alisema"), ["person/xi-jinping=Xi"])
        XCTAssertEqual(found("قال الرئيس شي"), ["person/xi-jinping=شي"])
        XCTAssertEqual(found("والرئيس شي"), ["person/xi-jinping=شي"])
        XCTAssertEqual(found("Waziri Mkuu Kim"), ["person/kim-jong-un=Kim"])
    }

    func testTitleWithNationalityAdjectiveBetween() {
        XCTAssertEqual(found("التقى الرئيس الصيني شي"), ["place/china=الصيني", "person/xi-jinping=شي"])
        XCTAssertEqual(found("the Chinese President Xi"), ["place/china=Chinese", "person/xi-jinping=Xi"])
    }

    func testScoresTellHowAMatchWasLicensed() {
        let matcher = EntityMatcher(knowledgeBase: kb)
        let scores = matcher.matches(in: "Xi Jinping spoke. Xi smiled. Rais Xi").map(\.score)
        XCTAssertEqual(scores, [1.0, 0.85, 0.85])
        XCTAssertEqual(matcher.matches(in: "Rais Xi").map(\.score), [0.75])
        XCTAssertEqual(matcher.matches(in: "Rais Xi").first?.short, true)
    }

    func testAmbiguousAliasGoesToTheEntityAlreadyNamed() {
        XCTAssertEqual(found("Kim Yo Jong spoke; Kim added"),
                       ["person/kim-yo-jong=Kim Yo Jong", "person/kim-yo-jong=Kim"])
        XCTAssertEqual(found("Kim Jong Un spoke; Kim added"),
                       ["person/kim-jong-un=Kim Jong Un", "person/kim-jong-un=Kim"])
    }

    func testTinyTokensAreShortEvenWhenNotMarked() {
        let kb = KnowledgeBase(profiles: [
            EntityProfile(id: "person/li-qiang", kind: "person", name: "Li Qiang",
                          variants: [EntityVariant(text: "Li Qiang"), EntityVariant(text: "Li")]),
        ])
        let matcher = EntityMatcher(knowledgeBase: kb)
        XCTAssertEqual(matcher.matches(in: "Li said").count, 0)
        XCTAssertEqual(matcher.matches(in: "Li Qiang said; Li added").count, 2)
    }

    func testTitlesArePluggable() {
        XCTAssertEqual(found("Rais Xi", titles: TitleWords()), [])
        XCTAssertEqual(found("Comrade Xi", titles: TitleWords()), [])
        XCTAssertEqual(found("Kamanda Xi", titles: TitleWords().adding(["Kamanda"])), ["person/xi-jinping=Xi"])
        XCTAssertTrue(TitleWords.standard.contains("رئیس‌جمهور"))
        XCTAssertTrue(TitleWords.standard.contains("RAIS"))
        XCTAssertFalse(TitleWords.standard.contains("mkutano"))
    }

    func testPolicies() {
        XCTAssertEqual(found("Xi said, then Xi Jinping left", policy: .withFullNameAnywhereOrTitle),
                       ["person/xi-jinping=Xi", "person/xi-jinping=Xi Jinping"])
        XCTAssertEqual(found("Xi alone", policy: .always), ["person/xi-jinping=Xi"])
    }

    func testShortAcronymsMustBeCapitals() {
        XCTAssertEqual(found("the UN and SCO"), ["org/united-nations=UN", "org/shanghai-cooperation-organisation=SCO"])
        XCTAssertEqual(found("un accord de paix"), [], "French 'un'")
        XCTAssertEqual(found("Un sco"), [])
    }

    func testCapitalisedNamesNeedCapitals() {
        let kb = KnowledgeBase(profiles: [
            EntityProfile(id: "place/mali", kind: "place", name: "Mali", variants: [
                EntityVariant(text: "Mali", lang: "en"), EntityVariant(text: "Mali", lang: "sw", short: true)]),
            EntityProfile(id: "org/sana", kind: "org", name: "Syrian Arab News Agency", variants: [EntityVariant(text: "SANA")]),
            EntityProfile(id: "person/bashar-al-assad", kind: "person", name: "Bashar al-Assad",
                          variants: [EntityVariant(text: "al-Assad")]),
        ])
        let matcher = EntityMatcher(knowledgeBase: kb)
        XCTAssertEqual(matcher.matches(in: "troops in Mali").map(\.surface), ["Mali"])
        XCTAssertEqual(matcher.matches(in: "MALI AND SANA").map(\.surface), ["MALI", "SANA"])
        XCTAssertEqual(matcher.matches(in: "mali yake ni nzuri sana").map(\.surface), [])
        XCTAssertEqual(matcher.matches(in: "Al-Assad and al-Assad").map(\.surface), ["Al-Assad", "al-Assad"])
        XCTAssertEqual(EntityMatcher(knowledgeBase: kb, respectsCapitals: false).matches(in: "in mali").map(\.surface), ["mali"])
        // The variant of the text's language decides: in Swahili, "Mali" alone is ambiguous.
        XCTAssertEqual(matcher.matches(in: "Nchi ya Mali", language: "sw").map(\.surface), [])
        XCTAssertEqual(matcher.matches(in: "Nchi ya Mali", language: "en").map(\.surface), ["Mali"])
    }

    func testAdjectivesDoNotLicenseShortAliases() {
        XCTAssertEqual(found("Chinese officials; Xi"), ["place/china=Chinese"])
    }
}

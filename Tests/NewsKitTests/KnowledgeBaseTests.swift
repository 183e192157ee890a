import Foundation
import XCTest
@testable import NewsKit

final class KnowledgeBaseTests: XCTestCase {
    private let kb = MatcherTests.fixture

    func testLookupAcrossScriptsAndSpellings() {
        for spelling in ["بوتين", "پوتین", "PUTIN", "Путин", "普京", "vladimir putin", "بُوتِين"] {
            XCTAssertEqual(kb.lookup(spelling).map(\.id), ["person/vladimir-putin"], spelling)
        }
        XCTAssertEqual(kb.lookup("ایران").map(\.id), ["place/iran"])
        XCTAssertEqual(kb.lookup("إيران").map(\.id), ["place/iran"])
        XCTAssertEqual(kb.lookup("Kassym Jomart Tokayev").map(\.id), ["person/kassym-jomart-tokayev"])
    }

    func testLookupFindsANameInsideClitics() {
        XCTAssertEqual(kb.lookup("وبوتين").map(\.id), ["person/vladimir-putin"])
        XCTAssertEqual(kb.lookup("للأمم المتحدة").map(\.id), ["org/united-nations"])
    }

    func testLookupByFirstWords() {
        XCTAssertEqual(kb.lookup("Vladimir").map(\.id), ["person/vladimir-putin"])
        XCTAssertEqual(Set(kb.lookup("Kim").map(\.id)), ["person/kim-jong-un", "person/kim-yo-jong"])
        XCTAssertEqual(kb.lookup("nobody at all"), [])
        XCTAssertEqual(kb.lookup(""), [])
    }

    func testLookupRanksFullNamesAndLanguage() {
        let kb = KnowledgeBase(profiles: [
            EntityProfile(id: "a", kind: "person", name: "A", variants: [EntityVariant(text: "Sam", short: true)]),
            EntityProfile(id: "b", kind: "place", name: "B", variants: [EntityVariant(text: "Sam", lang: "fr")]),
            EntityProfile(id: "c", kind: "org", name: "C", variants: [EntityVariant(text: "Sam", lang: "de")]),
        ])
        XCTAssertEqual(kb.lookup("sam").map(\.id), ["b", "c", "a"])
        XCTAssertEqual(kb.lookup("sam", lang: "de").map(\.id), ["c", "b", "a"])
    }

    func testProfileByIDAndCounts() {
        XCTAssertEqual(kb.profile(id: "place/russia")?.name, "Russia")
        XCTAssertNil(kb.profile(id: "place/atlantis"))
        let small = KnowledgeBase(profiles: [
            EntityProfile(id: "p", kind: "place", name: "Tashkent", variants: [EntityVariant(text: "طشقند", lang: "ar")]),
        ])
        XCTAssertEqual(small.variantCount, 2, "the name counts when no variant spells it")
        XCTAssertEqual(small.lookup("Tashkent").map(\.id), ["p"])
    }

    func testAddingMergesByIDAndLeavesTheOriginalAlone() {
        let extra = EntityProfile(id: "place/russia", kind: "place", name: "Russia",
                                  variants: [EntityVariant(text: "Rusia", lang: "es")], attrs: ["country": "RU"])
        let bigger = kb.adding([extra, EntityProfile(id: "place/tashkent", kind: "place", name: "Tashkent")])
        XCTAssertEqual(bigger.profiles.count, kb.profiles.count + 1)
        XCTAssertEqual(bigger.lookup("Rusia").map(\.id), ["place/russia"])
        XCTAssertEqual(bigger.profile(id: "place/russia")?.attrs["country"], "RU")
        XCTAssertEqual(kb.lookup("Rusia"), [])
        XCTAssertTrue(bigger.profile(id: "place/russia")!.variants.contains { $0.text == "Urusi" })
    }

    func testScriptIsDerived() {
        XCTAssertEqual(EntityVariant(text: "بوتين").script, "Arab")
        XCTAssertEqual(EntityVariant(text: "پوتین").script, "Arab")
        XCTAssertEqual(EntityVariant(text: "Путин").script, "Cyrl")
        XCTAssertEqual(EntityVariant(text: "习近平").script, "Hani")
        XCTAssertEqual(EntityVariant(text: "Erdoğan").script, "Latn")
        XCTAssertEqual(EntityVariant(text: "김정은").script, "Hang")
        XCTAssertEqual(EntityVariant(text: "G20").script, "Latn")
        XCTAssertEqual(EntityVariant(text: "123").script, "Zyyy")
        XCTAssertEqual(EntityVariant(text: "Putin", script: "Latf").script, "Latf", "given scripts are kept")
    }

    func testCodableRoundTrip() throws {
        let line = #"{"id":"person/vladimir-putin","kind":"person","name":"Vladimir Putin","variants":[{"text":"Vladimir Putin","lang":"en"},{"text":"Putin","lang":"en","short":true},{"text":"بوتين","lang":"ar"},{"text":"الروسي","lang":"ar","form":"adjective"}],"attrs":{"country":"RU","wikidata":"Q7747"}}"#
        let profile = try JSONDecoder().decode(EntityProfile.self, from: Data(line.utf8))
        XCTAssertEqual(profile.variants.count, 4)
        XCTAssertTrue(profile.variants[1].short)
        XCTAssertEqual(profile.variants[2].script, "Arab")
        XCTAssertEqual(profile.variants[3].form, "adjective")
        XCTAssertTrue(profile.variants[3].isAdjectival)
        let again = try JSONDecoder().decode(EntityProfile.self, from: try JSONEncoder().encode(profile))
        XCTAssertEqual(again, profile)
    }

    func testConcurrentMatchersShareOneCompilation() {
        let kb = MatcherTests.fixture.adding([])
        let results = UnsafeSendableBox([Int](repeating: 0, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let count = EntityMatcher(knowledgeBase: kb).matches(in: "Vladimir Putin na Xi Jinping").count
            results.lock.lock()
            results.value[index] = count
            results.lock.unlock()
        }
        XCTAssertEqual(results.value, Array(repeating: 2, count: 8))
    }
}

private final class UnsafeSendableBox<T>: @unchecked Sendable {
    var value: T
    let lock = NSLock()
    init(_ value: T) { self.value = value }
}

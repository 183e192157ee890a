import XCTest
@testable import NewsKit

/// Rule 2: capitalised name runs in Latin script, emitted only with a person cue.
final class ExtractionCapitalisedTests: XCTestCase {
    func testSpeechVerbBeforeName() {
        let text = "\"Tutaendelea kupigania haki,\" alisema Peter Wanjala baada ya hukumu."
        let found = ExtractionProbe.people(text, "sw")
        XCTAssertEqual(found.map(\.name), ["Peter Wanjala"])
        XCTAssertEqual(found.first?.extractor, "capitalised")
        XCTAssertEqual(found.first?.score ?? 0, 0.6, accuracy: 0.001)
        XCTAssertNil(found.first?.role)
        ExtractionProbe.assertOffsets(found, in: text)
    }

    func testSpeechVerbAfterName() {
        XCTAssertEqual(ExtractionProbe.people("Mwanahabari huyo Grace Atieno alisema kuwa uchaguzi ulikuwa huru.", "sw").map(\.name),
                       ["Grace Atieno"])
        XCTAssertEqual(ExtractionProbe.people("At the hearing Charles Okafor said the evidence was weak.", "en").map(\.name),
                       ["Charles Okafor"])
    }

    func testGivenNameIsACue() {
        XCTAssertEqual(ExtractionProbe.people("Mkutano huo ulihudhuriwa na Mohammed Dewji na wafanyabiashara wengine.", "sw")
                        .map(\.name), ["Mohammed Dewji"])
    }

    func testNoCueNoPerson() {
        XCTAssertEqual(ExtractionProbe.people("Walitembelea Kariakoo Market na Kivukoni Front siku hiyo.", "sw").map(\.name), [])
    }

    func testSentenceInitialWordsAreNotNames() {
        XCTAssertEqual(ExtractionProbe.people("Hata hivyo Serikali ilisema Kombe la Dunia litaanza Jumapili.", "sw").map(\.name), [])
        XCTAssertEqual(ExtractionProbe.people("Yesterday Parliament voted on the new law.", "en").map(\.name), [])
    }

    func testPlacesOrganisationsAndAcronymsAreNotPeople() {
        let text = "Tehran Times reported that Mehr News Agency and U.S. officials said Hong Kong was calm."
        XCTAssertEqual(ExtractionProbe.people(text, "en").map(\.name), [])
        XCTAssertEqual(ExtractionProbe.people("Saudi Arabia said the talks would resume.", "en").map(\.name), [])
    }

    func testLaterMentionsOfAFoundPerson() {
        let text = "Rais Hakainde Hichilema alihutubia taifa. Baadaye Hichilema alikutana na wakulima, na Hakainde Hichilema aliondoka."
        let found = ExtractionProbe.people(text, "sw")
        XCTAssertEqual(found.map(\.text), ["Hakainde Hichilema", "Hichilema", "Hakainde Hichilema"])
        XCTAssertEqual(Set(found.map(\.id)), ["~person/hakainde-hichilema"], "a surname alone gets the full name's id")
        XCTAssertEqual(Set(found.map(\.name)), ["Hakainde Hichilema"])
        ExtractionProbe.assertOffsets(found, in: text)
    }
}

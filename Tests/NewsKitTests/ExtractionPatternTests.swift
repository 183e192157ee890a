import XCTest
@testable import NewsKit

/// Rule 3: organisations and places named by a head word.
final class ExtractionPatternTests: XCTestCase {
    private func names(_ text: String, _ lang: String, _ kind: String) -> [String] {
        let found = ExtractionProbe.entities(text, lang, kind: kind)
        ExtractionProbe.assertOffsets(found, in: text)
        XCTAssertTrue(found.allSatisfy { $0.extractor == "pattern" && $0.id.hasPrefix("~" + kind + "/") })
        return found.map(\.name)
    }

    func testSwahiliOrganisationsAndPlaces() {
        let text = "Shirika la Afya Duniani limeonya kuhusu homa ya dengue katika mji wa Mombasa."
        XCTAssertEqual(names(text, "sw", "org"), ["Shirika la Afya Duniani"])
        XCTAssertEqual(names(text, "sw", "place"), ["Mombasa"])
        XCTAssertEqual(names("Chama cha Mapinduzi kilifanya mkutano katika Chuo Kikuu cha Dar es Salaam jana.", "sw", "org"),
                       ["Chama cha Mapinduzi", "Chuo Kikuu cha Dar es Salaam"])
    }

    func testSwahiliHeadWithoutCapitalisedNameIsNothing() {
        XCTAssertEqual(names("Shirika la ndege liliongeza safari.", "sw", "org"), [])
    }

    func testArabicOrganisationsAndPlaces() {
        let text = "أعلنت منظمة الصحة العالمية أن وزارة الخارجية الأمريكية في بيان لها رحبت بالقرار في مدينة حلب."
        XCTAssertEqual(names(text, "ar", "org"), ["منظمة الصحة العالمية", "وزارة الخارجية الأمريكية"])
        XCTAssertEqual(names(text, "ar", "place"), ["حلب"])
    }

    func testArabicIndefiniteAdjectiveIsNoName() {
        XCTAssertEqual(names("صنفت الحكومة الجماعة منظمة إرهابية الأسبوع الماضي.", "ar", "org"), [])
    }

    func testArabicHeadWithProcliticStartsAfterIt() {
        let text = "وقال مصدر في لوزارة الدفاع الفرنسية إن التدريبات انتهت."
        let found = ExtractionProbe.entities(text, "ar", kind: "org")
        XCTAssertEqual(found.map(\.text), ["وزارة الدفاع الفرنسية"])
        ExtractionProbe.assertOffsets(found, in: text)
    }

    func testPersianOrganisationsAndPlaces() {
        let text = "سازمان ملل متحد در گزارشی از وضعیت شهر اصفهان خبر داد و این سازمان در پایان هشدار داد."
        XCTAssertEqual(names(text, "fa", "org"), ["سازمان ملل متحد"])
        XCTAssertEqual(names(text, "fa", "place"), ["اصفهان"])
    }

    func testEnglishOrganisationsAndPlaces() {
        let text = "The Ministry of Foreign Affairs and the Communist Party met at the University of Tehran in the City of London."
        XCTAssertEqual(names(text, "en", "org"), ["Ministry of Foreign Affairs", "Communist Party", "University of Tehran"])
        XCTAssertEqual(names(text, "en", "place"), ["London"])
        XCTAssertEqual(names("The party met again.", "en", "org"), [])
    }
}

import XCTest
@testable import NewsKit

final class MatcherTests: XCTestCase {
    /// A small knowledge base of real entities, written for these tests.
    static let fixture: KnowledgeBase = {
        func v(_ text: String, _ lang: String, short: Bool = false, form: String? = nil) -> EntityVariant {
            EntityVariant(text: text, lang: lang, short: short, form: form)
        }
        return KnowledgeBase(profiles: [
            EntityProfile(id: "person/vladimir-putin", kind: "person", name: "Vladimir Putin", variants: [
                v("Vladimir Putin", "en"), v("Putin", "en"), v("فلاديمير بوتين", "ar"), v("بوتين", "ar"),
                v("ولادیمیر پوتین", "fa"), v("پوتین", "fa"), v("Путин", "ru"), v("普京", "zh"),
            ], attrs: ["country": "RU", "wikidata": "Q7747"]),
            EntityProfile(id: "person/xi-jinping", kind: "person", name: "Xi Jinping", variants: [
                v("Xi Jinping", "en"), v("Xi", "en", short: true), v("شي جين بينغ", "ar"), v("شي جين بينج", "ar"),
                v("شي", "ar", short: true), v("شی جین‌پینگ", "fa"), v("习近平", "zh"),
            ]),
            EntityProfile(id: "person/kim-jong-un", kind: "person", name: "Kim Jong Un", variants: [
                v("Kim Jong Un", "en"), v("Kim Jong-un", "en"), v("Kim", "en", short: true),
            ]),
            EntityProfile(id: "person/kim-yo-jong", kind: "person", name: "Kim Yo Jong", variants: [
                v("Kim Yo Jong", "en"), v("Kim", "en", short: true),
            ]),
            EntityProfile(id: "person/kassym-jomart-tokayev", kind: "person", name: "Kassym-Jomart Tokayev", variants: [
                v("Kassym-Jomart Tokayev", "en"), v("قاسم جومرت توكاييف", "ar"),
            ]),
            EntityProfile(id: "person/recep-tayyip-erdogan", kind: "person", name: "Recep Tayyip Erdoğan", variants: [
                v("Recep Tayyip Erdoğan", "tr"), v("Erdogan", "en"), v("أردوغان", "ar"), v("اردوغان", "fa"),
            ]),
            EntityProfile(id: "place/russia", kind: "place", name: "Russia", variants: [
                v("Russia", "en"), v("Urusi", "sw"), v("روسيا", "ar"), v("روسیه", "fa"), v("Россия", "ru"),
                v("Russian", "en", form: "adjective"), v("Kirusi", "sw", form: "adjective"),
                v("الروسي", "ar", form: "adjective"), v("الروسية", "ar", form: "adjective"),
                v("روسی", "fa", form: "adjective"),
            ]),
            EntityProfile(id: "place/china", kind: "place", name: "China", variants: [
                v("China", "en"), v("الصين", "ar"), v("چین", "fa"), v("Chinese", "en", form: "adjective"),
                v("الصيني", "ar", form: "adjective"), v("中国", "zh"),
            ]),
            EntityProfile(id: "place/iran", kind: "place", name: "Iran", variants: [
                v("Iran", "en"), v("إيران", "ar"), v("ایران", "fa"), v("Iranian", "en", form: "adjective"),
                v("ایرانی", "fa", form: "adjective"),
            ]),
            EntityProfile(id: "place/canada", kind: "place", name: "Canada", variants: [
                v("Canada", "en"), v("كندا", "ar"), v("کانادا", "fa"), v("Canadian", "en", form: "adjective"),
                v("كندي", "ar", form: "adjective"), v("الكندي", "ar", form: "adjective"),
            ]),
            EntityProfile(id: "place/oman", kind: "place", name: "Oman", variants: [v("Oman", "en"), v("عمان", "ar")]),
            EntityProfile(id: "place/egypt", kind: "place", name: "Egypt", variants: [v("Egypt", "en"), v("مصر", "ar")]),
            EntityProfile(id: "place/libya", kind: "place", name: "Libya", variants: [
                v("Libya", "en"), v("ليبيا", "ar"), v("الليبية", "ar", form: "adjective"),
            ]),
            EntityProfile(id: "place/korea", kind: "place", name: "Korea", variants: [v("Korea", "en"), v("Korea", "sw")]),
            EntityProfile(id: "place/north-korea", kind: "place", name: "North Korea", variants: [
                v("North Korea", "en"), v("Korea Kaskazini", "sw"), v("كوريا الشمالية", "ar"),
            ]),
            EntityProfile(id: "place/samarkand", kind: "place", name: "Samarkand", variants: [
                v("Samarkand", "en"), v("سمرقند", "ar"),
            ]),
            EntityProfile(id: "place/new-administrative-capital", kind: "place", name: "New Administrative Capital",
                          variants: [v("العاصمة الإدارية", "ar")]),
            EntityProfile(id: "place/beijing", kind: "place", name: "Beijing", variants: [
                v("Beijing", "en"), v("بكين", "ar"), v("پکن", "fa"), v("北京", "zh"),
            ]),
            EntityProfile(id: "org/united-nations", kind: "org", name: "United Nations", variants: [
                v("United Nations", "en"), v("UN", "en"), v("الأمم المتحدة", "ar"), v("سازمان ملل", "fa"),
                v("Umoja wa Mataifa", "sw"),
            ]),
            EntityProfile(id: "org/shanghai-cooperation-organisation", kind: "org", name: "Shanghai Cooperation Organisation",
                          variants: [v("Shanghai Cooperation Organisation", "en"), v("SCO", "en"),
                                     v("منظمة شنغهاي للتعاون", "ar"), v("سازمان همکاری شانگهای", "fa"),
                                     v("Jumuiya ya Ushirikiano ya Shanghai", "sw")]),
        ])
    }()

    private let matcher = EntityMatcher(knowledgeBase: MatcherTests.fixture)

    /// (profile id, surface) of every match.
    private func found(_ text: String, language: String? = nil) -> [String] {
        let original = Array(text.utf8)
        return matcher.matches(in: text, language: language).map { match in
            XCTAssertEqual(String(decoding: original[match.utf8Range], as: UTF8.self), match.surface)
            return "\(match.profileID)=\(match.surface)"
        }
    }

    func testEnglishAndSwahili() {
        XCTAssertEqual(found("Vladimir Putin met Xi Jinping in Samarkand."),
                       ["person/vladimir-putin=Vladimir Putin", "person/xi-jinping=Xi Jinping", "place/samarkand=Samarkand"])
        XCTAssertEqual(found("Rais wa Urusi alihudhuria mkutano wa Umoja wa Mataifa."),
                       ["place/russia=Urusi", "org/united-nations=Umoja wa Mataifa"])
    }

    func testCaseAndDiacriticsInText() {
        XCTAssertEqual(found("VLADIMIR PUTIN and ERDOĞAN"), ["person/vladimir-putin=VLADIMIR PUTIN", "person/recep-tayyip-erdogan=ERDOĞAN"])
        XCTAssertEqual(found("Recep Tayyip Erdogan"), ["person/recep-tayyip-erdogan=Recep Tayyip Erdogan"])
    }

    func testHyphenOrSpace() {
        XCTAssertEqual(found("Kassym-Jomart Tokayev"), ["person/kassym-jomart-tokayev=Kassym-Jomart Tokayev"])
        XCTAssertEqual(found("Kassym Jomart Tokayev"), ["person/kassym-jomart-tokayev=Kassym Jomart Tokayev"])
        XCTAssertEqual(found("Kassym\u{2011}Jomart Tokayev"), ["person/kassym-jomart-tokayev=Kassym\u{2011}Jomart Tokayev"])
    }

    func testArabicProcliticsAreLeftOut() {
        XCTAssertEqual(found("وصل الرئيس بسمرقند"), ["place/samarkand=سمرقند"])
        XCTAssertEqual(found("التقى وبوتين"), ["person/vladimir-putin=بوتين"])
        XCTAssertEqual(found("قال فبوتين ولبوتين كبوتين"), Array(repeating: "person/vladimir-putin=بوتين", count: 3))
        XCTAssertEqual(found("رحلة بالعاصمة الإدارية"), ["place/new-administrative-capital=العاصمة الإدارية"])
        XCTAssertEqual(found("وبالصين ثم للصين"), ["place/china=الصين", "place/china=لصين"])
        XCTAssertEqual(found("بروسيا"), ["place/russia=روسيا"])
    }

    func testLamPlusArticleMerges() {
        // ل + الأمم is written للأمم; the proclitic is the first lam.
        XCTAssertEqual(found("رسالة للأمم المتحدة"), ["org/united-nations=لأمم المتحدة"])
        XCTAssertEqual(found("وللأمم المتحدة"), ["org/united-nations=لأمم المتحدة"])
        XCTAssertEqual(found("الأمم المتحدة"), ["org/united-nations=الأمم المتحدة"])
        XCTAssertEqual(found("بللأمم المتحدة"), [], "only a conjunction may stand before لل")
    }

    func testArabicWordsThatMerelyContainANameDoNotMatch() {
        XCTAssertEqual(found("مبوتين"), [], "م is not a proclitic")
        XCTAssertEqual(found("بوتينات"), [], "Arabic has no suffix rule")
        XCTAssertEqual(found("الليبية"), ["place/libya=الليبية"], "the adjective variant, not ليبيا inside it")
        XCTAssertEqual(found("المصري", language: "ar"), [])
        XCTAssertEqual(found("المصري"), [], "no Persian letters: Arabic")
    }

    func testTashkeelAndTatweelInText() {
        XCTAssertEqual(found("قال بُوتِينُ"), ["person/vladimir-putin=بُوتِينُ"])
        XCTAssertEqual(found("قال بوتـــين"), ["person/vladimir-putin=بوتـــين"])
    }

    func testPersianSuffixesWithAndWithoutZWNJ() {
        XCTAssertEqual(found("پوتین‌ها و پوتینها"), ["person/vladimir-putin=پوتین", "person/vladimir-putin=پوتین"])
        XCTAssertEqual(found("سازمان همکاری شانگهای و سازمان ملل"),
                       ["org/shanghai-cooperation-organisation=سازمان همکاری شانگهای", "org/united-nations=سازمان ملل"])
        XCTAssertEqual(found("دیدار با پوتینی که"), ["person/vladimir-putin=پوتین"])
        XCTAssertEqual(found("رئیس‌جمهور روسیه‌ای"), ["place/russia=روسیه"])
        XCTAssertEqual(found("مردم ایرانی"), ["place/iran=ایرانی"], "the adjective variant is longer than the country")
        XCTAssertEqual(found("مصری", language: "fa"), ["place/egypt=مصر"])
        XCTAssertEqual(found("پوتینستان"), [], "not a suffix")
    }

    func testLatinWordBoundaries() {
        XCTAssertEqual(found("the Iranian side"), ["place/iran=Iranian"])
        XCTAssertEqual(found("Iran's oil"), ["place/iran=Iran"])
        XCTAssertEqual(found("an Omani ship"), [], "Omani is not Oman")
        XCTAssertEqual(found("Russians and Russia"), ["place/russia=Russia"])
        XCTAssertEqual(found("Putinism"), [])
        XCTAssertEqual(found("(Putin)"), ["person/vladimir-putin=Putin"])
        XCTAssertEqual(found("Putin2024"), [], "digits are word characters")
    }

    func testScriptsWithoutSpacesMatchAnywhere() {
        XCTAssertEqual(found("普京和习近平在北京会谈"),
                       ["person/vladimir-putin=普京", "person/xi-jinping=习近平", "place/beijing=北京"])
    }

    func testLeftmostLongest() {
        XCTAssertEqual(found("Korea Kaskazini na Korea"), ["place/north-korea=Korea Kaskazini", "place/korea=Korea"])
        XCTAssertEqual(found("North Korea"), ["place/north-korea=North Korea"])
        XCTAssertEqual(found("كوريا الشمالية"), ["place/north-korea=كوريا الشمالية"])
        XCTAssertEqual(found("Kim Jong Un"), ["person/kim-jong-un=Kim Jong Un"])
    }

    func testCyrillic() {
        XCTAssertEqual(found("Путин и Россия"), ["person/vladimir-putin=Путин", "place/russia=Россия"])
    }

    func testAdjectivesAreReportedAsSuch() {
        let matches = matcher.matches(in: "الرئيس الروسي")
        XCTAssertEqual(matches.count, 1)
        XCTAssertEqual(matches.first?.profileID, "place/russia")
        XCTAssertEqual(matches.first?.variant.form, "adjective")
        XCTAssertEqual(matches.first?.score ?? 0, 0.7, accuracy: 1e-9)
        XCTAssertEqual(found("lugha ya Kirusi"), ["place/russia=Kirusi"])
    }

    func testAdjectivesBelongToTheirLanguage() {
        XCTAssertEqual(found("گروه روسی", language: "fa"), ["place/russia=روسی"])
        XCTAssertEqual(found("کار به کندی پیش رفت", language: "fa"), [], "Arabic كندي (Canadian) is Persian کندی (slowness)")
        XCTAssertEqual(found("الوزير الكندي", language: "ar"), ["place/canada=الكندي"])
        XCTAssertEqual(found("مسؤول كندي"), ["place/canada=كندي"], "language unknown")
    }

    func testMatchFields() {
        let text = "Mkutano: Vladimir Putin."
        let match = try! XCTUnwrap(matcher.matches(in: text).first)
        XCTAssertEqual(match.name, "Vladimir Putin")
        XCTAssertEqual(match.kind, "person")
        XCTAssertEqual(match.utf8Range, 9..<23)
        XCTAssertEqual(match.first, 10)
        XCTAssertEqual(match.last, 23)
        XCTAssertEqual(match.score, 1.0)
        XCTAssertFalse(match.short)
        XCTAssertEqual(match.variant.lang, "en")
    }

    func testEmptyAndNameFreeTexts() {
        XCTAssertEqual(found(""), [])
        XCTAssertEqual(found("   \n  "), [])
        XCTAssertEqual(EntityMatcher(knowledgeBase: .empty).matches(in: "Putin"), [])
    }
}

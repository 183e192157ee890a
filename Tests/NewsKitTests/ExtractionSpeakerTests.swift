import XCTest
@testable import NewsKit

/// Rule 2b: the surname opening a sentence before a speech verb, in Persian (issue 11: person
/// recall in Persian news). Sentences of Fars News articles in ../shared/corpus, embedded.
final class ExtractionSpeakerTests: XCTestCase {
    /// fars-13990615000796.
    func testASurnameBeforeASpeechVerbIsAPerson() {
        let text = "حقیقت‌پور خاطرنشان کرد: این اقدام امارات خیانت به آرمان فلسطین است."
        let people = ExtractionProbe.people(text, "fa")
        XCTAssertEqual(people.map(\.text), ["حقیقت‌پور"])
        XCTAssertEqual(people.first?.extractor, "speaker")
        ExtractionProbe.assertOffsets(people, in: text)
    }

    /// fars-13950513000244: the next paragraph's subject, after a sentence of the one before.
    func testTheSubjectOfEachSentenceIsRead() {
        let text = """
            وی تاکید کرد: رئیسعلی دلواری در وطن اما غریبانه قیام کرد و در اوج مظلومیت به شهادت رسید.

            زاهددوست اظهار داشت: راز ماندگاری حرکت و نام شهید ایمان، اخلاص در عمل و حرکت برای خدا بود.
            """
        XCTAssertEqual(ExtractionProbe.people(text, "fa").filter { $0.extractor == "speaker" }.map(\.text), ["زاهددوست"])
    }

    /// A surname of two words (fars corpus: "غلامیان دهکردی افزود").
    func testATwoWordSurnameIsReadWhole() {
        let text = "غلامیان دهکردی افزود: این طرح در سال آینده اجرا می‌شود."
        XCTAssertEqual(ExtractionProbe.people(text, "fa").map(\.text), ["غلامیان دهکردی"])
    }

    /// Pronouns, demonstratives with a noun, titles and common nouns say who spoke without a name.
    func testPronounsTitlesAndNounsBeforeASpeechVerbAreNoNames() {
        for text in [
            "وی افزود: امارات باید بداند آمریکا و رژیم صهیونیستی رفتنی هستند.",
            "این مسئول گفت: طرح در سال آینده اجرا می‌شود.",
            "وزیر کشور افزود: انتخابات در موعد مقرر برگزار می‌شود.",
            "دانشجو گفت: کلاس‌ها از هفته آینده حضوری است.",
        ] {
            XCTAssertEqual(ExtractionProbe.people(text, "fa").filter { $0.extractor == "speaker" }.map(\.text), [], text)
        }
    }

    /// Words that follow a subject without saying anything ("داده", "شد") are no speech verbs
    /// (fars-13960703001860, fars-13970413000711).
    func testOtherVerbsAfterTheSubjectAreNoCue() {
        for text in [
            "این وظیفه را تا الان انجام داده ایم یا نه؟ چقدر انجام داده ایم؟ کجاها انجام داده ایم؟",
            "قول داده شده که 13 آمبولانس جدید به همدان داده شود.",
            "تجربه نشان داده است كه بار مسئوليت هدايت جامعه بايد بر دوش همه باشد.",
        ] {
            XCTAssertEqual(ExtractionProbe.people(text, "fa").filter { $0.extractor == "speaker" }.map(\.text), [], text)
        }
    }

    /// The name must open the sentence: mid-sentence, the word before a verb is any subject.
    func testAWordInsideASentenceIsNoSpeaker() {
        let text = "در این دیدار رئیس هیئت گفت: همکاری ادامه دارد."
        XCTAssertEqual(ExtractionProbe.people(text, "fa").filter { $0.extractor == "speaker" }.map(\.text), [])
    }

    /// The news-markers plugin's Persian speech verbs that follow their subject (`sov`, what the
    /// quote finder reads speakers by) are the rule's too, but for those that organisations
    /// and newspapers say as often as people: the two lists cannot drift apart unseen.
    func testThePersianSpeechVerbsOfTheQuoteMarkersAreTheRulesToo() {
        let organisational: Set<String> = ["اعلام کرد", "نوشت"]
        let verbs = MarkerSet.bundled.entries.filter { $0.kind == .speechVerb && $0.lang == "fa" && $0.options.contains(.sov) }
        XCTAssertFalse(verbs.isEmpty, "no Persian speech verbs among the bundled markers")
        for verb in verbs where !organisational.contains(verb.phrase) {
            let text = "کاظمی \(verb.phrase): این طرح تا پایان سال اجرا می‌شود."
            XCTAssertEqual(ExtractionProbe.people(text, "fa").filter { $0.extractor == "speaker" }.map(\.text), ["کاظمی"], verb.phrase)
        }
        for phrase in organisational {
            XCTAssertEqual(ExtractionProbe.people("کاظمی \(phrase): این طرح تا پایان سال اجرا می‌شود.", "fa")
                .filter { $0.extractor == "speaker" }.map(\.text), [], phrase)
        }
    }

    /// Arabic has no speech-after rows: its speech verbs open the sentence ("وقال").
    func testArabicTextHasNoSpeakerFinds() {
        let text = "حسيني أضاف أن الاجتماع سيعقد غدا."
        XCTAssertEqual(ExtractionProbe.people(text, "ar").filter { $0.extractor == "speaker" }.map(\.text), [])
    }

    /// fars-13950513000244: the surname takes the id of the full name the title found before it
    /// (one id per person in an article).
    func testTheSpeakersSurnameTakesTheFullNamesId() {
        var record = InputRecord(document: Document(origin: "t.txt", text: """
            به گزارش خبرگزاری فارس از تنگستان، حجت الاسلام علی زاهددوست صبح امروز در دیدار با نوادگان و اعضای خانواده شهید رئیسعلی دلواری گفت: قیام رئیسعلی دلواری در مقابل انگلیس به رهبری عالمان دینی صفحات درخشانی در تاریخ کشور ثبت نمود و ماندگار شد.

            زاهددوست اظهار داشت: راز ماندگاری حرکت و نام شهید رئیسعلی دلواری‌ ایمان، اخلاص در عمل و حرکت برای خدا و بر محور ولایت بود.
            """))
        record.lang = "fa"
        let article = ArticleReader().article(from: record)
        let people = EntityAnnotator(knowledgeBase: KnowledgeBase(profiles: [])).annotate(article).mentions
            .filter { $0.kind == "person" && $0.text.contains("زاهددوست") }
        XCTAssertEqual(people.map(\.text), ["علی زاهددوست", "زاهددوست"])
        XCTAssertEqual(Set(people.map(\.id)).count, 1, "\(people.map(\.id))")
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// Quoted speech and its speaker, on made-up article text.
final class StructureQuoteTests: XCTestCase {
    func quotes(_ text: String, lang: String? = nil) -> [Quote] {
        let found = QuoteFinder(markers: .bundled, lang: lang).quotes(in: text)
        let bytes = Array(text.utf8)
        for q in found {
            XCTAssertEqual(String(decoding: bytes[(q.first - 1)..<q.last], as: UTF8.self), q.text)
        }
        return found
    }

    func testEnglishAttributionBeforeAfterAndPronoun() {
        let text = """
        The minister Anna Berg said: "We will publish the full report before the end of the month."

        "Nobody will lose their job because of this plan," Berg told reporters on Tuesday.

        "The figures speak for themselves," she added.
        """
        let q = quotes(text, lang: "en")
        XCTAssertEqual(q.map(\.speaker), ["Anna Berg", "Berg", "Berg"])
        XCTAssertEqual(q.first?.text, "We will publish the full report before the end of the month.")
    }

    func testScareQuotesAndNamesAreNotSpeech() {
        let text = """
        The deal, described as a "strategic partnership", was signed at the "White House" on Friday.

        Analysts called the plan "a bold attempt to reshape the regional economy for the next decade."
        """
        let q = quotes(text, lang: "en")
        XCTAssertEqual(q.count, 1)
        XCTAssertNil(q.first?.speaker)
    }

    func testSwahiliVerbThenSpeaker() {
        let text = "“Tutaendelea kujenga barabara mpya katika kila wilaya,” alisema Waziri Ali Juma akiwa mjini."
        XCTAssertEqual(quotes(text, lang: "sw").first?.speaker, "Waziri Ali Juma")
    }

    func testArabicVerbSubjectOrderAndLastSubject() {
        let text = """
        والتقى وزير الخارجية سامر نعيم نظيره في العاصمة. وقال نعيم إن المحادثات كانت مثمرة.

        ودعا نعيم الدول المجاورة إلى "تعزيز التعاون في مجال المياه والطاقة".

        وأضاف: "لن نقبل بأي حل يتجاهل مصالح شعبنا".
        """
        let q = quotes(text, lang: "ar")
        XCTAssertEqual(q.count, 2)
        XCTAssertEqual(q.map(\.speaker), ["نعيم", "نعيم"])
    }

    func testPersianSubjectBeforeVerbWithAppositive() {
        let text = "سارا احمدی، سخنگوی وزارت، گفت: «برنامه جدید از ماه آینده اجرا می‌شود». سارا احمدی پیش‌تر نیز این موضوع را اعلام کرده بود."
        XCTAssertEqual(quotes(text, lang: "fa").first?.speaker, "سارا احمدی")
    }

    func testGermanAndFrenchAttribution() {
        XCTAssertEqual(quotes("„Wir werden die Grenze nicht schließen, solange ich im Amt bin“, so Müller.", lang: "de").first?.speaker, "Müller")
        XCTAssertEqual(quotes("« Nous ne céderons pas sur la question des salaires », a affirmé Jean Moreau.", lang: "fr").first?.speaker, "Jean Moreau")
    }

    /// Two speeches after a verb and a colon on one line are two quotes that do not overlap: the
    /// first ends at the last sentence end before the second's verb (on a 10 MB line each ran to
    /// the end of its window, and the quotes of one text came to twice its size).
    func testColonSpeechesOnOneLineDoNotOverlap() {
        let text = "وزیر کشور اظهار داشت: برنامه جدید از ماه آینده اجرا می‌شود. سارا احمدی گفت: این برنامه هزینه زیادی دارد."
        let found = quotes(text, lang: "fa")
        XCTAssertEqual(found.map(\.text), ["برنامه جدید از ماه آینده اجرا می‌شود.", "این برنامه هزینه زیادی دارد."])
        XCTAssertEqual(found.last?.speaker, "سارا احمدی")
        let line = String(repeating: text + " ", count: 2_000)
        let many = quotes(line, lang: "fa")
        XCTAssertEqual(many.count, 4_000)
        XCTAssertLessThanOrEqual(many.reduce(0) { $0 + $1.text.utf8.count }, line.utf8.count)
    }

    func testQuotesDoNotCrossParagraphs() {
        let text = "He said \"this opens a quote that never closes.\n\nA new paragraph \"starts here\" and goes on."
        let q = quotes(text, lang: "en")
        XCTAssertFalse(q.contains { $0.text.contains("\n") })
    }
}

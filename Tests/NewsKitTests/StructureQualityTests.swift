import Foundation
import XCTest
@testable import NewsKit

/// Issue 11, point 6: page structure and quotes. Lines and sentences from ../shared/corpus
/// (Tehran Times, Fars, BBC Swahili), embedded.
final class StructureQualityTests: XCTestCase {
    func blocks(_ raw: String, lang: String) -> [Block] {
        ArticleParser().parse(raw, lang: lang).blocks
    }

    func quotes(_ text: String, lang: String) -> [Quote] {
        let found = QuoteFinder(markers: .bundled, lang: lang).quotes(in: text)
        let bytes = Array(text.utf8)
        for q in found {
            XCTAssertEqual(String(decoding: bytes[(q.first - 1)..<q.last], as: UTF8.self), q.text)
        }
        return found
    }

    /// tt-406995: "TEHRAN - A professor ...": the wire dateline is a block of its own, and the
    /// place in it is still found.
    func testWireDatelineIsSplit() {
        let found = blocks("""
            TEHRAN - A professor of international business and international affairs from the George Washington \
            University is of the opinion that some OPEC members will not abide by their pledge to reduce their crude production.
            """, lang: "en")
        XCTAssertEqual(found.first?.kind, .dateline, "\(found.map { ($0.kind, $0.text) })")
        XCTAssertEqual(found.first?.text, "TEHRAN -")
        XCTAssertTrue(found.dropFirst().first?.text.hasPrefix("A professor") ?? false)
        let kb = KnowledgeBase(profiles: [EntityProfile(id: "place/tehran", kind: "place", name: "Tehran",
                                                        variants: [EntityVariant(text: "Tehran", lang: "en")])])
        var record = InputRecord(document: Document(origin: "t.txt", text: "WASHINGTON (AP) — Iran said on Monday that talks in Tehran would go on."))
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        XCTAssertEqual(article.blocks.first?.kind, .dateline)
        XCTAssertTrue(EntityAnnotator(knowledgeBase: kb).annotate(article).mentions.contains { $0.id == "place/tehran" })
        // tt-404113: the dash glued to the place.
        XCTAssertEqual(blocks("TEHRAN- Following the revelation of astronomical salaries to certain banking chiefs, the minister apologized.",
                              lang: "en").first?.text, "TEHRAN-")
        // "US President ..." and "A professor" open no dateline.
        XCTAssertNotEqual(blocks("US President Donald Trump - who spoke on Monday - said the talks would go on.", lang: "en").first?.kind, .dateline)
    }

    /// Every Tehran Times story ends with Mehr News' licence notice, run on after the last
    /// sentence (tt-100183 and 3,726 more).
    func testLicenceNoticeGluedToTheLastSentenceIsBoilerplate() {
        let found = blocks("""
            It is home to myriad historical sites and scenic landscapes such as Bazaar-e Sartasari, Jabalieh Dome, \
            Ganjali Khan Bathhouse, Malek Jameh Mosque and Shahdad Desert to name a few. AFM/MQ/MG All Content by \
            Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.
            """, lang: "en")
        XCTAssertEqual(found.last?.kind, .boilerplate, "\(found.map { ($0.kind, $0.text) })")
        XCTAssertTrue(found.last?.text.hasPrefix("AFM/MQ/MG All Content by Mehr News Agency") ?? false)
        XCTAssertTrue(found.first?.text.hasSuffix("Shahdad Desert to name a few.") ?? false)
        // tt-300475: no-break spaces; tt-404113: a closing quote ends the story's last sentence.
        let spaced = blocks("Under the present interpretation of the Article 44 of Iran's Constitution, hundreds of state-owned "
            + "companies have been privatized.\u{A0}\u{A0}\u{A0}\u{A0} MA\u{A0} All Content by Mehr News Agency is licensed "
            + "under a Creative Commons Attribution 4.0 International License.", lang: "en")
        XCTAssertTrue(spaced.last?.text.hasPrefix("MA\u{A0} All Content by Mehr") ?? false, "\(spaced.map { ($0.kind, $0.text) })")
        let quoted = blocks("“This issue must not be a matter of time. It must be seriously pursued and the public must be kept "
            + "abreast of its result,” the Leader said. “It is a must.” MA/MG All Content by Mehr News Agency is licensed "
            + "under a Creative Commons Attribution 4.0 International License.", lang: "en")
        XCTAssertTrue(quoted.last?.text.hasPrefix("MA/MG All Content") ?? false, "\(quoted.map { ($0.kind, $0.text) })")
    }

    /// tt-85256: each line reprints the rest of the story from the line before; the reprints
    /// are folded into the first copy and kept out of the text.
    func testRepeatedParagraphCascadeIsFolded() {
        let s1 = "Younessi told a press conference that Iranian and Azeri officials and peoples are firm to fight terrorism as a dangerous factor and serious threat to national security of all countries."
        let s2 = "He said to this end, Iran and Azerbaijan had on Thursday signed a memorandum of understanding for mutual security cooperation."
        let s3 = "Younesi arrived in Baku on Wednesday. He had on the first day of his stay met and conferred with the Azeri ministers of the interior, justice and national security."
        var record = InputRecord(document: Document(origin: "t.txt", text: "\(s1) \(s2) \(s3)\n                  \(s2) \(s3)\n                  \(s3)\n"))
        record.lang = "en"
        let article = ArticleReader().article(from: record)
        XCTAssertEqual(article.text, "\(s1) \(s2) \(s3)", "\(article.blocks.map { ($0.kind, $0.duplicateOf, $0.text.prefix(20)) })")
    }

    /// fars-13911222000865: speech after "اظهار داشت:" with no quote marks.
    func testPersianColonSpeech() {
        let text = """
            به گزارش خبرگزاری فارس از قزوین به نقل از روابط عمومی اداره کل حفاظت محیط زیست استان قزوین، علی‌آقا‌ فرهادی \
            اظهار داشت: در گذشته جرایم مربوط به شکار و صید غیرمجاز، بسیار ناچیز بود و بازدارندگی لازم را نداشت که این امر \
            با افزایش میزان جرایم تا حدودی جبران خواهد شد.
            """
        let found = quotes(text, lang: "fa")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.text.hasPrefix("در گذشته جرایم مربوط به شکار") ?? false)
        XCTAssertTrue(found.first?.speaker?.contains("فرهادی") ?? false, "\(String(describing: found.first?.speaker))")
    }

    /// swa-cae0352fc36f: ''…'' quotes; the weekday after "alisema" is no speaker.
    func testSwahiliDoubleApostropheQuotesAndNoWeekdaySpeaker() {
        let text = """
            ''Tumehuzunika - ameacha mtoto wa miaka sita,'' baba mkwe wa Mutua Josephat Ngila Ndeti alisema Alhamisi.
            """
        let found = quotes(text, lang: "sw")
        XCTAssertEqual(found.first?.text, "Tumehuzunika - ameacha mtoto wa miaka sita,")
        XCTAssertFalse(found.contains { $0.speaker == "Alhamisi" }, "\(found.map(\.speaker))")
        // swa-67c7f9c03dda: "... alisema gavana Serhiy Haidai alisema Jumapili."
        let weekday = quotes("''Mamluki wa Wagner wamejificha katika hoteli za Kadiivka,'' alisema Jumapili.", lang: "sw")
        XCTAssertFalse(weekday.contains { $0.speaker == "Jumapili" }, "\(weekday.map(\.speaker))")
    }
}

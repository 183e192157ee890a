import XCTest
@testable import NewsKit

final class FoldingTests: XCTestCase {
    private func fold(_ s: String) -> String { TextFolder.fold(s) }

    func testCaseAndLatinDiacritics() {
        XCTAssertEqual(fold("Erdoğan"), "erdogan")
        XCTAssertEqual(fold("Türkiye"), "turkiye")
        XCTAssertEqual(fold("İstanbul"), "istanbul")
        XCTAssertEqual(fold("Diyarbakır"), "diyarbakir")
        XCTAssertEqual(fold("Şanlıurfa"), "sanliurfa")
        XCTAssertEqual(fold("Straße"), "strasse")
        XCTAssertEqual(fold("Łódź"), "lodz")
        XCTAssertEqual(fold("Øresund"), "oresund")
        XCTAssertEqual(fold("António Guterres"), "antonio guterres")
        XCTAssertEqual(fold("Nguyễn Phú Trọng"), "nguyen phu trong")
        XCTAssertEqual(fold("İlham Əliyev"), "ilham aliyev")
        XCTAssertEqual(fold("PUTIN"), "putin")
    }

    func testDecomposedAccentsFoldLikePrecomposed() {
        XCTAssertEqual(fold("Erdog\u{306}an"), fold("Erdoğan"))
        XCTAssertEqual(fold("e\u{301}te\u{301}"), "ete")
    }

    func testGreekAndCyrillic() {
        XCTAssertEqual(fold("Αθήνα"), "αθηνα")
        XCTAssertEqual(fold("ΟΔΥΣΣΕΥΣ"), fold("οδυσσευς"))
        XCTAssertEqual(fold("Путин"), "путин")
        XCTAssertEqual(fold("Ёлкин"), "елкин")
        XCTAssertEqual(fold("Шойгу"), "шойгу")
        XCTAssertEqual(fold("Андрей"), "андрей", "й is a letter of its own, not и with an accent")
    }

    func testArabicTashkeelAndTatweelVanish() {
        XCTAssertEqual(fold("بُوتِينُ"), "بوتين")
        XCTAssertEqual(fold("مُحَمَّد"), "محمد")
        XCTAssertEqual(fold("بوتـــين"), "بوتين")
        XCTAssertEqual(fold("الْقُرْآن"), fold("القران"))
    }

    func testArabicLetterUnification() {
        XCTAssertEqual(fold("أحمد"), "احمد")
        XCTAssertEqual(fold("إيران"), "ايران")
        XCTAssertEqual(fold("آسيا"), "اسيا")
        XCTAssertEqual(fold("ٱلله"), "الله")
        XCTAssertEqual(fold("مصطفى"), fold("مصطفي"))
        XCTAssertEqual(fold("ایران"), fold("ايران"), "Persian yeh = Arabic yeh")
        XCTAssertEqual(fold("کره"), fold("كره"), "keheh = kaf")
        XCTAssertEqual(fold("الشمالية"), fold("الشماليه"), "ta marbuta = heh")
        XCTAssertEqual(fold("مسؤول"), fold("مسوول"))
        XCTAssertEqual(fold("مسئول"), fold("مسيول"))
        XCTAssertEqual(fold("پائیز"), fold("پاییز"))
        XCTAssertEqual(fold("خانهٔ"), fold("خانه"))
        XCTAssertEqual(fold("ۀ"), fold("ه"))
        XCTAssertNotEqual(fold("گ"), fold("ك"), "gaf stays distinct from kaf")
        XCTAssertNotEqual(fold("پ"), fold("ب"))
    }

    func testZeroWidthNonJoinerVanishes() {
        XCTAssertEqual(fold("همکاری‌های"), fold("همکاریهای"))
        XCTAssertEqual(fold("رئیس‌جمهور"), fold("رئیسجمهور"))
        XCTAssertEqual(fold("a\u{200D}b\u{200E}c\u{FEFF}d\u{00AD}e"), "abcde")
    }

    func testDigitsBecomeASCII() {
        XCTAssertEqual(fold("٢٠٢٤"), "2024")
        XCTAssertEqual(fold("۱۴۰۳"), "1403")
        XCTAssertEqual(fold("２０２４"), "2024")
        XCTAssertEqual(fold("१२"), "12")
    }

    func testQuotesAndPunctuation() {
        XCTAssertEqual(fold("Côte d’Ivoire"), "cote d'ivoire")
        XCTAssertEqual(fold("‘x’ `y´"), "'x' 'y'")
        XCTAssertEqual(fold("«شنغهاي» “x”"), "\"شنغهاي\" \"x\"")
        XCTAssertEqual(fold("نعم، لا؛ لماذا؟"), "نعم, لا; لماذا?")
    }

    func testHyphensAndSpaces() {
        XCTAssertEqual(fold("Kassym-Jomart"), fold("Kassym Jomart"))
        XCTAssertEqual(fold("Kassym–Jomart"), "kassym jomart")
        XCTAssertEqual(fold("Kim Jong-un"), fold("Kim Jong Un"))
        XCTAssertEqual(fold("a  \t b\u{00A0}c\u{2003}d"), "a b c d", "runs of spaces collapse")
        XCTAssertEqual(fold("a\nb\r\nc"), "a\nb\n\nc", "line breaks stay line breaks")
    }

    func testCompatibilityForms() {
        XCTAssertEqual(fold("ﻻ"), "لا")
        XCTAssertEqual(fold("ﺑﻮﺗﻴﻦ"), "بوتين", "presentation forms")
        XCTAssertEqual(fold("ﬁnance"), "finance")
        XCTAssertEqual(fold("ＡＢＣ"), "abc")
    }

    func testScriptsWithoutCaseAreKept() {
        XCTAssertEqual(fold("习近平"), "习近平")
        XCTAssertEqual(fold("푸틴"), "푸틴")
        XCTAssertEqual(fold("が"), "が", "kana voicing is part of the letter")
        XCTAssertEqual(fold("नरेन्द्र"), "नरेन्द्र", "Devanagari vowel signs are kept")
    }

    func testOffsetsMapBack() {
        let text = "Él visitó بُوتِين"
        let folded = TextFolder.foldWithMap(text)
        XCTAssertEqual(folded.string, "el visito بوتين")
        XCTAssertEqual(folded.bytes.count, folded.map.count)
        XCTAssertEqual(folded.bytes.count, folded.ends.count)
        let original = Array(text.utf8)
        func originalText(_ foldedRange: Range<Int>) -> String {
            let range = folded.originalRange(ofFolded: foldedRange)
            return String(decoding: original[range], as: UTF8.self)
        }
        XCTAssertEqual(originalText(0..<2), "Él")
        XCTAssertEqual(originalText(3..<9), "visitó")
        let arabicStart = Array("el visito ".utf8).count
        XCTAssertEqual(originalText(arabicStart..<folded.bytes.count), "بُوتِين", "tashkeel belongs to its letter")
        XCTAssertEqual(originalText(arabicStart..<arabicStart + 2), "بُ")
    }

    func testZWNJDoesNotJoinTheMatchBeforeIt() {
        let text = "پوتین‌ها"
        let folded = TextFolder.foldWithMap(text)
        let name = Array(TextFolder.fold("پوتین").utf8)
        let range = folded.originalRange(ofFolded: 0..<name.count)
        XCTAssertEqual(String(decoding: Array(text.utf8)[range], as: UTF8.self), "پوتین")
    }

    func testCollapsedSpacesMapToTheFirstSpace() {
        let text = "a   b"
        let folded = TextFolder.foldWithMap(text)
        XCTAssertEqual(folded.string, "a b")
        XCTAssertEqual(folded.map, [0, 1, 4])
        XCTAssertEqual(folded.originalRange(ofFolded: 2..<3), 4..<5)
    }

    func testExpansionsMapEveryByteToTheirCharacter() {
        let text = "xﻻy"
        let folded = TextFolder.foldWithMap(text)
        XCTAssertEqual(folded.string, "xلاy")
        XCTAssertEqual(folded.map, [0, 1, 1, 1, 1, 4])
        XCTAssertEqual(folded.originalRange(ofFolded: 1..<5), 1..<4)
    }

    func testFoldIsIdempotent() {
        for sample in ["Erdoğan’s Türkiye", "بُوتِين والأمم المتحدة", "همکاری‌های ایران", "Kassym-Jomart  Tokayev", "ﷲ ﷺ"] {
            XCTAssertEqual(fold(fold(sample)), fold(sample), sample)
        }
    }
}

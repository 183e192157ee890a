import XCTest
@testable import NewsKit

/// Rule 4: money, percentages and quantities with value and unit.
final class AmountTests: XCTestCase {
    private func amounts(_ text: String, _ lang: String?, file: StaticString = #filePath, line: UInt = #line) -> [Mention] {
        let found = RuleExtractor.bundled.amounts(in: text, lang: lang)
        ExtractionProbe.assertOffsets(found, in: text, file: file, line: line)
        return found
    }

    private func assertAmount(_ text: String, _ lang: String, surface: String, value: Double, unit: String, kind: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let found = amounts(text, lang, file: file, line: line)
        guard let m = found.first(where: { $0.text == surface }) else {
            XCTFail("«\(surface)» not found in «\(text)»: \(found.map(\.text))", file: file, line: line)
            return
        }
        XCTAssertEqual(m.number ?? -1, value, accuracy: abs(value) * 1e-9, file: file, line: line)
        XCTAssertEqual(m.unit, unit, file: file, line: line)
        XCTAssertEqual(m.kind, kind, file: file, line: line)
        XCTAssertEqual(m.extractor, "amount", file: file, line: line)
    }

    func testArabicBillionsOfDollars() {
        assertAmount("بلغت قيمة الصفقة 200 مليار دولار بحسب التقديرات.", "ar",
                     surface: "200 مليار دولار", value: 2.0e11, unit: "USD", kind: "money")
    }

    func testArabicPluralScaleAndEuro() {
        assertAmount("خصصت الحكومة 10 ملايين يورو للمشروع.", "ar", surface: "10 ملايين يورو", value: 1e7, unit: "EUR", kind: "money")
    }

    func testArabicIndicDigitsWithDecimalSeparator() {
        assertAmount("وقعت الشركتان عقدا بقيمة ٣٫٥ مليار دولار أمس.", "ar",
                     surface: "٣٫٥ مليار دولار", value: 3.5e9, unit: "USD", kind: "money")
    }

    func testArabicDualAfterProclitic() {
        let found = amounts("وتعهدت الدول بتقديم مساعدات وملياري دولار إضافية.", "ar")
        XCTAssertEqual(found.map(\.text), ["ملياري دولار"])
        XCTAssertEqual(found.first?.number, 2e9)
    }

    func testArabicThousandsSeparatorAndPercentWords() {
        assertAmount("تبرع رجل أعمال بمبلغ ١٬٠٠٠ دولار للمدرسة.", "ar", surface: "١٬٠٠٠ دولار", value: 1000, unit: "USD", kind: "money")
        assertAmount("ارتفعت الأسعار 12 في المئة هذا العام.", "ar", surface: "12 في المئة", value: 12, unit: "percent", kind: "percent")
        assertAmount("ارتفع المؤشر بنسبة 15% في التداولات.", "ar", surface: "15%", value: 15, unit: "percent", kind: "percent")
    }

    func testSwahiliPercentWordFirst() {
        assertAmount("Serikali itatumia asilimia 30 ya bajeti kwa elimu.", "sw",
                     surface: "asilimia 30", value: 30, unit: "percent", kind: "percent")
    }

    func testSwahiliCurrencyThenScaleThenNumber() {
        assertAmount("Wafadhili walitoa dola milioni 5 kwa hospitali hiyo.", "sw",
                     surface: "dola milioni 5", value: 5e6, unit: "USD", kind: "money")
        assertAmount("Mradi huo uligharimu dola milioni tano.", "sw",
                     surface: "dola milioni tano", value: 5e6, unit: "USD", kind: "money")
    }

    func testSwahiliShillingByExplicitCountryAndByContext() {
        assertAmount("Bajeti ni shilingi bilioni 2 za Tanzania mwaka huu.", "sw",
                     surface: "shilingi bilioni 2", value: 2e9, unit: "TZS", kind: "money")
        assertAmount("Kampuni moja mjini Nairobi, Kenya ilipata faida ya Sh2.5bn mwaka huu.", "sw",
                     surface: "Sh2.5bn", value: 2.5e9, unit: "KES", kind: "money")
    }

    func testPersianMillionsOfRials() {
        assertAmount("بودجه این طرح ۵ میلیون ریال است.", "fa", surface: "۵ میلیون ریال", value: 5e6, unit: "IRR", kind: "money")
    }

    func testPersianCompoundAmountAndTomans() {
        assertAmount("اعتبار طرح ۲ هزار و ۳۰۰ میلیارد ریال است.", "fa",
                     surface: "۲ هزار و ۳۰۰ میلیارد ریال", value: 2.3e12, unit: "IRR", kind: "money")
        // One toman is ten rials: toman amounts are given in IRR.
        assertAmount("قیمت هر بسته ۱۰ هزار تومان شد.", "fa", surface: "۱۰ هزار تومان", value: 1e5, unit: "IRR", kind: "money")
        assertAmount("بلیت ۱٬۰۰۰ تومان گران شد.", "fa", surface: "۱٬۰۰۰ تومان", value: 1e4, unit: "IRR", kind: "money")
        assertAmount("سود سپرده ۲/۵ درصد افزایش یافت.", "fa", surface: "۲/۵ درصد", value: 2.5, unit: "percent", kind: "percent")
    }

    func testEnglishExamples() {
        let text = "The company raised $1.5 billion last year, up 15%, and exported 2,000 tonnes of steel."
        assertAmount(text, "en", surface: "$1.5 billion", value: 1.5e9, unit: "USD", kind: "money")
        assertAmount(text, "en", surface: "15%", value: 15, unit: "percent", kind: "percent")
        assertAmount(text, "en", surface: "2,000 tonnes", value: 2000, unit: "tonnes", kind: "quantity")
        assertAmount("Oil output reached 2.4 million barrels per day.", "en",
                     surface: "2.4 million barrels per day", value: 2.4e6, unit: "barrels", kind: "quantity")
    }

    func testScaleWithoutUnitIsAQuantity() {
        let found = amounts("Zaidi ya watu milioni 3 wameathirika.", "sw")
        XCTAssertEqual(found.map(\.text), ["milioni 3"])
        XCTAssertEqual(found.first?.kind, "quantity")
        XCTAssertNil(found.first?.unit)
        XCTAssertEqual(found.first?.number, 3e6)
    }

    func testYearsDatesCodesAndBareNumbersAreNotAmounts() {
        XCTAssertEqual(amounts("ارتفع المؤشر في عام 2024 بعد جائحة COVID-19 وقمة G20 يوم 15 سبتمبر.", "ar").map(\.text), [])
        XCTAssertEqual(amounts("About 300 people attended the 2nd meeting on 2024/05/01 at 10:30.", "en").map(\.text), [])
        XCTAssertEqual(amounts("این قانون در سال ۱۴۰۱ تصویب شد.", "fa").map(\.text), [])
    }

    func testTwoAmountsJoinedByAndStayTwo() {
        let found = amounts("تتراوح قيمتها بين 50 مليار دولار و60 مليار دولار سنويا.", "ar")
        XCTAssertEqual(found.map(\.number), [5e10, 6e10])
    }

    func testAmountIdsAreStable() {
        let a = amounts("Ripoti inasema dola milioni 5 zilitumika.", "sw").first
        let b = amounts("The fund spent $5 million.", "en").first
        XCTAssertEqual(a?.id, "~money/5000000-USD")
        XCTAssertEqual(a?.id, b?.id)
    }

    func testNumberSeparators() {
        func value(_ key: String, comma: Bool = false, point: Bool = false, slash: Bool = false) -> Double? {
            AmountNumber.value(key, decimalComma: comma, decimalPoint: point, slashDecimal: slash)
        }
        XCTAssertEqual(value("1,000"), 1000)
        XCTAssertEqual(value("1.000"), 1000)
        XCTAssertEqual(value("1.000", point: true), 1.0)
        XCTAssertEqual(value("2.5"), 2.5)
        XCTAssertEqual(value("2,5"), 2.5)
        XCTAssertEqual(value("2,500", comma: true), 2.5)
        XCTAssertEqual(value("1,234,567.89"), 1234567.89)
        XCTAssertEqual(value("1.234.567,89"), 1234567.89)
        XCTAssertEqual(value("1t000"), 1000)            // ١٬٠٠٠
        XCTAssertEqual(value("2d5"), 2.5)               // ۲٫۵
        XCTAssertEqual(value("2s5", slash: true), 2.5)  // Persian ۲/۵
        XCTAssertNil(value("2s5"))
        XCTAssertNil(value("1,00,0"))
        XCTAssertEqual(value("0.125"), 0.125)
    }
}

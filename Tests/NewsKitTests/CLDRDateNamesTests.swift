import Foundation
import XCTest
@testable import NewsKit

/// The bundled CLDR names (`Resources/dates/cldr-names.tsv`) are ICU's own: asked of ICU again,
/// they must be the same, or the file is stale and `make cldr-names` (this test with
/// CLDR_NAMES_UPDATE=1) rewrites it from this machine's ICU.
final class CLDRDateNamesTests: XCTestCase {
    private static let file = SharedTestData.repoRoot.appendingPathComponent("Sources/NewsKit/Resources/dates/cldr-names.tsv")

    func testTheBundledNamesAreICUsNames() throws {
        let asked = CLDRDateNames.harvest()
        XCTAssertGreaterThan(asked.locales.count, 500)
        if ProcessInfo.processInfo.environment["CLDR_NAMES_UPDATE"] == "1" {
            try asked.tsv.write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let bundled = try XCTUnwrap(CLDRDateNames.bundled(), "Resources/dates/cldr-names.tsv is missing or damaged: run make cldr-names")
        XCTAssertEqual(bundled.locales.count, asked.locales.count, "run make cldr-names: ICU knows other locales than the file")
        for (file, icu) in zip(bundled.locales, asked.locales) where file != icu {
            XCTFail("\(icu.identifier): the file's names differ from ICU's; run make cldr-names")
            break
        }
    }

    func testTheFileFormReadsBackAsWritten() throws {
        var arabic = CLDRDateNames.Locale(identifier: "ar")
        arabic.months = ["يناير", "فبراير"]
        arabic.islamicMonths = ["محرم", ""]
        var syrian = CLDRDateNames.Locale(identifier: "ar_SY")
        syrian.months = ["كانون الثاني", "شباط"]
        syrian.shortMonths = arabic.months
        let names = CLDRDateNames(locales: [arabic, syrian])
        XCTAssertEqual(CLDRDateNames(tsv: Data(names.tsv.utf8)), names)
        XCTAssertNil(CLDRDateNames(tsv: Data("@\tar\t0\n".utf8)), "a damaged file is refused, and ICU asked instead")
    }
}

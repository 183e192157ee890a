import Foundation
import XCTest
@testable import NewsKit

/// Folding, ids, offsets, and the data files (loading, errors, plugin additions).
final class ExtractionDataTests: XCTestCase {
    func testFolding() {
        XCTAssertEqual(RuleFolding.fold("Émile  Zola"), "emile zola")
        XCTAssertEqual(RuleFolding.fold("Recep Tayyip Erdoğan"), "recep tayyip erdogan")
        XCTAssertEqual(RuleFolding.fold("أحمد إبراهيم آل"), "احمد ابراهيم ال")
        XCTAssertEqual(RuleFolding.fold("مُحَمَّد"), "محمد")
        XCTAssertEqual(RuleFolding.fold("بـــوتين"), "بوتين")
        XCTAssertEqual(RuleFolding.fold("علی"), RuleFolding.fold("علي"))
        XCTAssertEqual(RuleFolding.fold("علی‌محمد"), "عليمحمد")
        XCTAssertEqual(RuleFolding.fold("کرد"), "كرد")
        XCTAssertEqual(RuleFolding.fold("۱۲٣"), "123")
        XCTAssertEqual(RuleFolding.fold("ﻻ"), "لا", "presentation forms go through NFKC")
    }

    func testUnlinkedIdsAreStableAcrossSpellings() {
        XCTAssertEqual(Mention.unlinkedID(kind: "person", name: "Kassym-Jomart Tokayev"), "~person/kassym-jomart-tokayev")
        XCTAssertEqual(Mention.unlinkedID(kind: "person", name: "José  Álvarez"), "~person/jose-alvarez")
        // Persian keyboards write ی and ک, Arabic ones ي and ك: the same name, the same id.
        let persian = ExtractionProbe.people("آقای کریمی گفت که جلسه ادامه دارد.", "fa").first
        let arabicLetters = ExtractionProbe.people("آقاي كريمي گفت كه جلسه ادامه دارد.", "fa").first
        XCTAssertNotNil(persian)
        XCTAssertEqual(persian?.id, arabicLetters?.id)
    }

    func testSameNameInTwoArticlesHasOneId() {
        let a = ExtractionProbe.people("Rais Yoweri Museveni alifungua barabara mpya.", "sw").first
        let b = ExtractionProbe.people("President Yoweri Museveni opened a new road.", "en").first
        XCTAssertEqual(a?.id, "~person/yoweri-museveni")
        XCTAssertEqual(a?.id, b?.id)
    }

    func testOffsetsInMixedScripts() {
        let texts: [(String, String)] = [
            ("ar", "«قال» الرئيس الفرنسي إيمانويل ماكرون: 200 مليار دولار! ثم غادر."),
            ("fa", "ماریا زاخارووا، سخنگوی وزارت خارجه روسیه گفت ۵ میلیون ریال.\nسازمان ملل متحد گزارش داد."),
            ("sw", "Bi. Amina Mohamed, waziri wa zamani, alisema: asilimia 30 — dola milioni 5."),
            ("en", "Café owner Zoë Ådahl, the mayor of Älmhult, said €3 million was spent."),
        ]
        for (lang, text) in texts {
            let found = RuleExtractor.bundled.mentions(in: text, lang: lang) + RuleExtractor.bundled.amounts(in: text, lang: lang)
            XCTAssertFalse(found.isEmpty, text)
            ExtractionProbe.assertOffsets(found, in: text)
        }
    }

    func testMentionsDoNotOverlap() {
        let text = "Rais wa Benki ya Dunia David Malpass, mkurugenzi wa zamani, alizungumza na Waziri Mkuu Kassim Majaliwa."
        let found = RuleExtractor.bundled.mentions(in: text, lang: "sw")
        for (a, b) in zip(found, found.dropFirst()) {
            XCTAssertLessThanOrEqual(a.utf8Range.upperBound, b.utf8Range.lowerBound)
        }
    }

    func testUnknownOrMissingLanguageFallsBack() {
        XCTAssertEqual(ExtractionProbe.extractor.mentions(in: "قال الرئيس الفرنسي إيمانويل ماكرون إن", lang: nil)
                        .map(\.name), ["إيمانويل ماكرون"])
        XCTAssertEqual(ExtractionProbe.extractor.amounts(in: "بودجه ۵ میلیون ریال است", lang: "fa-IR").first?.unit, "IRR")
    }

    func testMentionIsCodable() throws {
        let m = try XCTUnwrap(RuleExtractor.bundled.amounts(in: "up 15%", lang: "en").first)
        let decoded = try JSONDecoder().decode(Mention.self, from: JSONEncoder().encode(m))
        XCTAssertEqual(decoded, m)
    }

    // MARK: data files

    private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extraction-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return url
    }

    func testPluginTitleFileExtendsTheBundledData() throws {
        let text = "Mlezi Mkuu Tumaini Kaaya aliongoza sherehe hiyo."
        XCTAssertEqual(ExtractionProbe.people(text, "sw").map(\.name), [])
        let url = try temporaryFile("titles-club.tsv", "# a plugin's titles\nsw\tMlezi Mkuu\tbefore\tofficial\n")
        let extended = RuleExtractor.bundled.merging(try RuleExtractor(dataFiles: [url]))
        let found = extended.mentions(in: text, lang: "sw").filter { $0.kind == "person" }
        XCTAssertEqual(found.map(\.name), ["Tumaini Kaaya"])
        XCTAssertEqual(found.first?.role, "Mlezi Mkuu")
    }

    func testPluginUnitFile() throws {
        let url = try temporaryFile("units-gold.tsv", "*\tounces\tounces\tquantity\tafter\n")
        let extended = RuleExtractor.bundled.merging(try RuleExtractor(dataFiles: [url]))
        let found = extended.amounts(in: "They sold 3 million ounces.", lang: "en")
        XCTAssertEqual(found.first?.unit, "ounces")
        XCTAssertEqual(found.first?.number, 3e6)
    }

    func testBadDataFilesAreRejectedWithTheirLine() throws {
        let unknown = try temporaryFile("people.tsv", "sw\tRais\tbefore\thead\n")
        XCTAssertThrowsError(try RuleExtractor(dataFiles: [unknown]))
        let badPosition = try temporaryFile("titles-x.tsv", "# comment\n\nsw\tRais\tabove\thead\n")
        XCTAssertThrowsError(try RuleExtractor(dataFiles: [badPosition])) { error in
            XCTAssertEqual((error as? RuleLexiconError)?.line, 3)
        }
        let badKind = try temporaryFile("units-x.tsv", "en\tdollars\tUSD\tcash\tafter\n")
        XCTAssertThrowsError(try RuleExtractor(dataFiles: [badKind]))
    }

    func testBundledDataFilesDocumentTheirFormat() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "titles", withExtension: "tsv",
                                                     subdirectory: "Resources/extraction")).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("#"), "\(file.lastPathComponent) starts with its format")
            XCTAssertNoThrow(try RuleLexicon.load(file))
        }
    }
}

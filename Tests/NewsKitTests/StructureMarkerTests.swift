import Foundation
import XCTest
@testable import NewsKit

/// Marker files: loading, folding, plugin merging, language coverage.
final class StructureMarkerTests: XCTestCase {
    func testFoldingIgnoresCaseDiacriticsLetterVariantsAndJoiners() {
        let fold = StructureFolding.foldedString
        XCTAssertEqual(fold("اقرأ أيضًا"), fold("اقرا ايضا"))
        XCTAssertEqual(fold("إقرأ أيضاً"), fold("اقرا ايضا"))
        XCTAssertEqual(fold("المصادر الإضافية"), fold("المصادر الاضافيه"))
        XCTAssertEqual(fold("بیشتر بخوانید"), fold("بيشتر بخوانيد"))
        XCTAssertEqual(fold("کد خبر"), fold("كد خبر"))
        XCTAssertEqual(fold("می‌شود"), fold("میشود"))
        XCTAssertEqual(fold("ـــمرحبـــا"), "مرحبا")
        XCTAssertEqual(fold("Ёлка ÉTÉ Straße"), fold("елка ete strasse"))
        XCTAssertEqual(fold("۱۵ تا ١٦"), "15 تا 16")
        XCTAssertEqual(fold("ＡＢ：\u{00A0}\u{00A0}x"), "ab: x")
        XCTAssertEqual(fold("  Soma \t pia  "), "soma pia")
    }

    func testFoldKeepsRawOffsets() {
        var raw = "Ａ\u{200C}ب  ç"
        let (folded, end) = raw.withUTF8 { bytes in
            let folded = StructureFolding.fold(bytes, 0, bytes.count)
            return (folded, folded.rawEnd(folded.count - 1, in: bytes))
        }
        XCTAssertEqual(String(decoding: folded.bytes, as: UTF8.self), "aب c")
        // The folded "c" comes from the two bytes of "ç" at the end.
        XCTAssertEqual(end, raw.utf8.count)
        XCTAssertEqual(folded.rawStart(folded.count - 1), raw.utf8.count - 2)
    }

    func testBundledMarkersCoverTheLanguagesAndAreDocumented() throws {
        let set = MarkerSet.bundled
        let langs = Set(set.entries.map(\.lang))
        for lang in ["common", "ar", "fa", "sw", "en", "fr", "ru", "tr", "ur", "zh", "es", "de"] {
            XCTAssertTrue(langs.contains(lang), "no markers for \(lang)")
            let kinds = Set(set.entries.filter { $0.lang == lang }.map(\.kind))
            if lang != "common" {
                for kind in [MarkerKind.related, .credit, .boilerplate, .source, .dateline] {
                    XCTAssertTrue(kinds.contains(kind), "\(lang) has no \(kind) marker")
                }
            }
        }
        XCTAssertTrue(set.entries.contains { $0.kind == .outlet && $0.phrase == "DW" })
        XCTAssertTrue(set.entries.contains { $0.kind == .agency && $0.phrase == "AFP" })
        // The news-markers plugin's files, as the resource bundle carries them.
        let files = MarkerSet.bundledFiles
        XCTAssertGreaterThanOrEqual(files.count, 12, "the news-markers plugin's markers/*.tsv are in the resource bundle")
        for file in files {
            let name = file.lastPathComponent
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("#"), "\(name) must open with a comment saying what it holds")
            // Each file loads alone (no unknown kinds or options) and lists a phrase once per kind.
            let own = try MarkerSet(files: [file])
            var seen = Set<String>()
            for e in own.entries {
                let key = e.kind.rawValue + "\t" + String(decoding: e.folded, as: UTF8.self)
                XCTAssertTrue(seen.insert(key).inserted, "\(name): '\(e.phrase)' twice as \(e.kind.rawValue)")
            }
        }
    }

    func testMarkerVariantsMatchAfterFolding() {
        let parser = ArticleParser()
        for marker in ["اقرأ أيضًا:", "اقرا ايضا:", "إقرأ أيضاً :", "اقرأ ايضاً -"] {
            let raw = "عنوان تجريبي للمقال\nفقرة أولى من النص تكفي لتكون متنا للمقال التجريبي.\n\(marker) خبر آخر ذو صلة بالموضوع\nفقرة ثانية من النص تكفي لتكون متنا للمقال التجريبي."
            let a = parser.parse(raw)
            XCTAssertEqual(a.related, ["خبر آخر ذو صلة بالموضوع"], marker)
            XCTAssertEqual(a.paragraphs.count, 1, marker)
        }
    }

    func testPluginFileAddsAndDisablesMarkers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("structure-markers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mysite.tsv")
        try """
        # A site that lists its related stories under "Habari Motomoto" and uses "Soma pia" in text.
        related-section\tHabari Motomoto
        related\tSoma pia\tdisable
        outlet\tGazeti Letu
        """.write(to: file, atomically: true, encoding: .utf8)
        let plugin = try MarkerSet(files: [file])
        let parser = ArticleParser(markers: MarkerSet.bundled.merging(plugin))
        let raw = """
        Mvua kubwa yanyesha mjini – Gazeti Letu
        Mvua kubwa imenyesha usiku kucha na kusababisha mafuriko katika mitaa kadhaa ya mji.
        Soma pia: hili ni neno la kawaida katika sentensi hii ndefu.
        Habari Motomoto
        Bei ya mafuta yapanda tena
        Timu ya taifa yashinda mechi
        """
        let a = parser.parse(raw)
        XCTAssertEqual(a.source, "Gazeti Letu")
        XCTAssertEqual(a.related, ["Bei ya mafuta yapanda tena", "Timu ya taifa yashinda mechi"])
        XCTAssertEqual(a.paragraphs, ["Soma pia: hili ni neno la kawaida katika sentensi hii ndefu."])
        // The bundled set itself is untouched.
        XCTAssertEqual(ArticleParser().parse("Kichwa cha habari\nMaandishi ya kwanza ya habari hii ni marefu ya kutosha.\nSoma pia: Habari nyingine\nMaandishi mengine ya habari hii ni marefu ya kutosha.").related,
                       ["Habari nyingine"])
    }

    func testBadMarkerLinesAreReportedWithFileAndLine() {
        XCTAssertThrowsError(try MarkerSet(text: "# header\nrelatd\tSoma pia\n", name: "sw.tsv")) { error in
            XCTAssertEqual("\(error)", "sw.tsv:2: unknown kind 'relatd'")
        }
        XCTAssertThrowsError(try MarkerSet(text: "related\tSoma pia\tloud\n", name: "sw.tsv")) { error in
            XCTAssertEqual("\(error)", "sw.tsv:1: unknown option 'loud'")
        }
        XCTAssertThrowsError(try MarkerSet(text: "related\n", name: "x.tsv"))
        XCTAssertThrowsError(try MarkerSet(files: [URL(fileURLWithPath: "/nonexistent/markers.tsv")]))
    }

    func testStrictMarkersNeedTheirLanguage() {
        let raw = "Kichwa cha habari ya leo\nNa Juma Hamisi\nMaandishi ya kwanza ya habari hii ni marefu ya kutosha kwa mtihani.\nMaandishi mengine ya habari hii ni marefu ya kutosha kwa mtihani."
        XCTAssertEqual(ArticleParser().parse(raw, lang: "sw").byline, "Juma Hamisi")
        XCTAssertNil(ArticleParser().parse(raw, lang: "en").byline)
        XCTAssertNil(ArticleParser().parse(raw).byline)
    }

    func testTitleSuffixesFromOutletsAndDates() {
        let parser = ArticleParser()
        let body = "\nThe first paragraph of the article runs long enough to be body text.\nA second paragraph follows it with more detail on the event."
        XCTAssertEqual(parser.parse("Storm hits the coast | Al Jazeera" + body).source, "Al Jazeera")
        XCTAssertEqual(parser.parse("Storm hits the coast | Al Jazeera" + body).title, "Storm hits the coast")
        let dated = parser.parse("Storm hits the coast - 3 July 2024" + body)
        XCTAssertEqual(dated.title, "Storm hits the coast")
        XCTAssertEqual(dated.date?.start.iso, "2024-07-03")
        // A dash inside a title that is not followed by an outlet or a date stays in the title.
        XCTAssertEqual(parser.parse("Putin - Xi meeting ends" + body).title, "Putin - Xi meeting ends")
    }
}

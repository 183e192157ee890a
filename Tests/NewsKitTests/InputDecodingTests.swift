import Foundation
import XCTest
@testable import NewsKit

/// Decoding and detection of input bytes: encodings told apart by evidence in the bytes, binary
/// and empty inputs refused with their reason. Legacy fixtures are real text converted with iconv.
final class InputDecodingTests: XCTestCase {
    static let arabic = """
        قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة لتعزيز التعاون مع الصين في إطار منظمة شنغهاي للتعاون.
        وأضاف في مؤتمر صحفي عقده في موسكو أن العلاقات بين البلدين بلغت مستوى غير مسبوق، مشيراً إلى أهمية التجارة والطاقة.
        """
    // Persian as Windows-1256 files hold it: Arabic yeh (the code page has no Farsi yeh), and
    // the Persian letters پ چ ژ گ ک that sit where Windows-1252 has holes or its own letters.
    static let persian = """
        ولاديمير پوتين رئيس جمهور روسيه در ديدار با شي جين پينگ گفت که همکاري دو کشور در چارچوب سازمان همکاري شانگهاي گسترش مي يابد.
        وي افزود: «گفتگوهاي ما درباره انرژي، تجارت و امنيت منطقه اي بسيار سازنده بود.» خبرنگار ژاپني نيز حضور داشت.
        """
    static let french = """
        Le président russe a rencontré son homologue chinois à Pékin, où les délégations ont évoqué la coopération économique.
        « Nous avons décidé d’élargir nos échanges », a déclaré le ministre, précisant que l’accord serait signé à l’été.
        """
    static let english = """
        The summit “opened a new chapter” in relations – officials said on Thursday – as leaders met in Tianjin.
        Russia’s president called the talks “constructive”; the next meeting is planned for 2026…
        """

    static func encoded(_ text: String, _ encoding: String) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        let bytes = utf8.withUnsafeBufferPointer { Iconv.convert($0, from: "UTF-8", to: encoding) }
        return try XCTUnwrap(bytes, "iconv cannot write this text as \(encoding)")
    }

    func decoded(_ bytes: [UInt8], origin: String = "x.txt") throws -> DecodedInput {
        try InputDecoder.decode(bytes, origin: origin).get()
    }

    func refusal(_ bytes: [UInt8], origin: String = "x.txt") -> InputProblem? {
        if case .failure(let problem) = InputDecoder.decode(bytes, origin: origin) { return problem }
        return nil
    }

    // MARK: UTF-8

    func testCleanUTF8IsReadAsIsWithoutNotes() throws {
        let result = try decoded(Array(Self.arabic.utf8))
        XCTAssertEqual(result.text, Self.arabic)
        XCTAssertEqual(result.encoding, "UTF-8")
        XCTAssertEqual(result.problems, [])
    }

    func testUTF8ByteOrderMarkIsStripped() throws {
        let result = try decoded([0xEF, 0xBB, 0xBF] + Array(Self.french.utf8))
        XCTAssertEqual(result.text, Self.french)
        XCTAssertEqual(result.problems, [])
    }

    func testUTF8WithAFewBadBytesKeepsReplacementAndWarning() throws {
        // Real UTF-8 (curly quotes, accents, Arabic) with two stray bytes: damaged UTF-8, not a code page.
        let bytes = Array("Le “sommet” de Pékin: ".utf8) + [0xE9, 0x20] + Array("بوتين".utf8) + [0xFF]
        let result = try decoded(bytes)
        XCTAssertEqual(result.encoding, "UTF-8")
        XCTAssertEqual(result.text, "Le “sommet” de Pékin: \u{FFFD} بوتين\u{FFFD}")
        XCTAssertEqual(result.problems.map(\.message), ["x.txt: not valid UTF-8; bad bytes were replaced with U+FFFD"])
        XCTAssertTrue(result.problems[0].isProblem)
        // One stray byte in ASCII text that reads as no plausible letter in either code page.
        let stray = try decoded(Array("The body has one bad byte, here: ba".utf8) + [0xFF] + Array("d, and goes on.".utf8))
        XCTAssertEqual(stray.text, "The body has one bad byte, here: ba\u{FFFD}d, and goes on.")
        XCTAssertEqual(stray.problems.map(\.kind), [.replacedBytes])
    }

    // MARK: UTF-16

    func testUTF16LittleEndianWithByteOrderMark() throws {
        let result = try decoded([0xFF, 0xFE] + (try Self.encoded(Self.arabic, "UTF-16LE")))
        XCTAssertEqual(result.text, Self.arabic)
        XCTAssertEqual(result.encoding, "UTF-16LE")
        XCTAssertEqual(result.problems.map(\.message), ["x.txt: not UTF-8; read as UTF-16LE (byte-order mark)"])
        XCTAssertFalse(result.problems[0].isProblem, "a byte-order mark states the encoding: nothing for --strict")
    }

    func testUTF16BigEndianWithByteOrderMark() throws {
        let result = try decoded([0xFE, 0xFF] + (try Self.encoded(Self.french, "UTF-16BE")))
        XCTAssertEqual(result.text, Self.french)
        XCTAssertEqual(result.encoding, "UTF-16BE")
    }

    func testUTF16WithoutByteOrderMarkIsFoundByItsNULs() throws {
        for (text, encoding) in [(Self.english, "UTF-16BE"), (Self.english, "UTF-16LE"), (Self.arabic, "UTF-16LE"),
                                 (Self.persian, "UTF-16BE")] {
            let result = try decoded(try Self.encoded(text, encoding))
            XCTAssertEqual(result.text, text, encoding)
            XCTAssertEqual(result.encoding, encoding)
            XCTAssertEqual(result.problems.count, 1)
            XCTAssertTrue(result.problems[0].message.contains("read as \(encoding) (no byte-order mark"), result.problems[0].message)
            XCTAssertTrue(result.problems[0].isProblem, "a guess is a problem for --strict")
        }
    }

    // MARK: Legacy code pages

    func testWindows1256ArabicAndPersian() throws {
        for text in [Self.arabic, Self.persian] {
            let result = try decoded(try Self.encoded(text, "CP1256"), origin: "news/x.txt")
            XCTAssertEqual(result.encoding, "Windows-1256")
            XCTAssertEqual(result.text, text)
            XCTAssertEqual(result.problems.count, 1)
            XCTAssertTrue(result.problems[0].message.hasPrefix("news/x.txt: not UTF-8; read as Windows-1256"), result.problems[0].message)
            XCTAssertTrue(result.problems[0].isNote)
        }
    }

    func testWindows1252FrenchEnglishAndSpanish() throws {
        let spanish = "El presidente ruso se reunió con su homólogo chino en Pekín; España y Rusia firmaron acuerdos."
        for text in [Self.french, Self.english, spanish] {
            let result = try decoded(try Self.encoded(text, "CP1252"))
            XCTAssertEqual(result.encoding, "Windows-1252", text)
            XCTAssertEqual(result.text, text)
        }
    }

    func testTheWrongCodePageIsNotPlausible() throws {
        let arabic = try Self.encoded(Self.arabic, "CP1256")
        let french = try Self.encoded(Self.french, "CP1252")
        func evidence(_ bytes: [UInt8], _ encoding: String) -> WordEvidence {
            let utf8 = bytes.withUnsafeBufferPointer { Iconv.utf8(from: $0, encoding: encoding) } ?? []
            return WordEvidence(String(decoding: utf8, as: UTF8.self))
        }
        XCTAssertFalse(evidence(arabic, "CP1252").isPlausible, "Arabic read as 1252 is ÇáÑÆíÓ-like jumble")
        XCTAssertTrue(evidence(arabic, "CP1256").isPlausible)
        XCTAssertTrue(evidence(french, "CP1252").isPlausible)
        // Persian bytes have holes in 1252 (پ is 0x81): that reading does not even convert.
        let persian = try Self.encoded(Self.persian, "CP1256")
        XCTAssertNil(persian.withUnsafeBufferPointer { Iconv.utf8(from: $0, encoding: "CP1252") })
    }

    // MARK: Binary and empty

    func testBinaryFilesAreRefusedWithWhatTheyAre() throws {
        let cases: [([UInt8], String)] = [
            ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56), "ELF executable"),
            (Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A], "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00], "ZIP archive, or a .docx, .xlsx or .epub"),
            ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], "gzip archive"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "PNG image"),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], "JPEG image"),
        ]
        for (bytes, name) in cases {
            let problem = try XCTUnwrap(refusal(bytes), name)
            XCTAssertEqual(problem.kind, .binary)
            XCTAssertEqual(problem.message, "x.txt: binary file (\(name)); skipped")
        }
        let program = try XCTUnwrap(FileManager.default.contents(atPath: "/bin/ls"))
        XCTAssertEqual(refusal(Array(program))?.message, "x.txt: binary file (ELF executable); skipped")
    }

    func testNULsAndControlBytesWithoutASignatureAreBinary() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        XCTAssertEqual(refusal([0x01, 0x02] + noise)?.kind, .binary)
        let controls = (0..<400).map { UInt8([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x80, 0x10][$0 % 8]) }
        XCTAssertEqual(refusal(controls)?.message, "x.txt: binary file (control bytes); skipped")
    }

    func testEmptyAndWhitespaceOnlyInputsAreRefused() {
        XCTAssertEqual(refusal([])?.message, "x.txt: empty file; skipped")
        XCTAssertEqual(refusal(Array(" \n\t\r\n  ".utf8))?.message, "x.txt: only whitespace; skipped")
        XCTAssertEqual(refusal([0xEF, 0xBB, 0xBF])?.kind, .empty)
        XCTAssertEqual(refusal([0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00])?.kind, .empty)
        XCTAssertEqual(refusal(Array("\u{A0}\u{2003}\n".utf8))?.kind, .empty)
    }

    func testDocumentReadGivesTheDocumentOrTheReason() throws {
        let document = try Document.read(origin: "a.txt", bytes: try Self.encoded(Self.arabic, "CP1256")).get()
        XCTAssertEqual(document.text, Self.arabic)
        XCTAssertEqual(document.contentHash, Document(origin: "b.txt", text: Self.arabic).contentHash)
        XCTAssertEqual(document.problems.map(\.kind), [.otherEncoding])
        guard case .failure(let problem) = Document.read(origin: "e.txt", bytes: [UInt8]()) else { return XCTFail() }
        XCTAssertEqual(problem.kind, .empty)
    }

    // MARK: JSON Lines

    func testJSONLinesFilesInUTF16AndWithAByteOrderMarkAreRead() throws {
        let lines = "{\"text\": \"\(Self.arabic.replacingOccurrences(of: "\n", with: "\\n"))\"}\n{\"text\": \"Second\"}\n"
        for bytes in [[0xFF, 0xFE] + (try Self.encoded(lines, "UTF-16LE")), try Self.encoded(lines, "UTF-16BE"),
                      [0xEF, 0xBB, 0xBF] + Array(lines.utf8)] {
            var texts: [String] = []
            var problems: [InputProblem] = []
            JSONLinesReader(origin: "c.jsonl").read(file: Data(bytes), problems: { problems.append($0) }) { texts.append($0.document.text) }
            XCTAssertEqual(texts, [Self.arabic, "Second"])
            XCTAssertTrue(problems.allSatisfy { $0.kind == .otherEncoding }, "\(problems)")
        }
    }

    func testJSONLinesProblemsHaveKindsAndPlaces() {
        let data = Data("{\"text\": \"ok\"}\n{broken\n[1]\n{\"title\": \"t\"}\n{\"text\": \"  \"}\n".utf8)
        var problems: [InputProblem] = []
        var count = 0
        JSONLinesReader(origin: "c.jsonl").read(file: data, problems: { problems.append($0) }) { _ in count += 1 }
        XCTAssertEqual(count, 1)
        XCTAssertEqual(problems.map(\.kind), [.notJSON, .notJSONObject, .noText, .empty])
        XCTAssertEqual(problems.map(\.place), ["c.jsonl:2", "c.jsonl:3", "c.jsonl:4", "c.jsonl:5"])
        var refused: [InputProblem] = []
        JSONLinesReader(origin: "z.jsonl").read(file: Data([0x1F, 0x8B, 0x08, 0x00]), problems: { refused.append($0) }) { _ in }
        JSONLinesReader(origin: "e.jsonl").read(file: Data(), problems: { refused.append($0) }) { _ in }
        XCTAssertEqual(refused.map(\.message), ["z.jsonl: binary file (gzip archive); skipped", "e.jsonl: empty file; skipped"])
    }

    func testJSONLineInALegacyEncodingSaysSo() {
        var problems: [InputProblem] = []
        let line = Data("{\"text\": \"caf".utf8 + [0xE9] + "\"}\n".utf8)
        JSONLinesReader(origin: "c.jsonl").read(file: line, problems: { problems.append($0) }) { _ in }
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.contains("bytes that are not UTF-8"), problems[0].message)
    }

    // MARK: Real articles

    /// Real Arabic, Persian and English articles of ../shared/corpus, written with iconv in each
    /// encoding they fit, must read back identical and be named right.
    func testRealArticlesRoundTripThroughEveryEncoding() throws {
        guard let corpus = SharedTestData.corpus() else { throw XCTSkip("../shared/corpus is absent") }
        let files = [("ar-ant-multisource.jsonl", "CP1256", "Windows-1256"), ("fa-fars-news.jsonl", "CP1256", "Windows-1256"),
                     ("en-tehran-times.jsonl", "CP1252", "Windows-1252"), ("sw-masakhanews.jsonl", "CP1252", "Windows-1252")]
        var legacyChecked = 0
        for (name, codePage, expected) in files {
            guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(name).path) else {
                throw XCTSkip("../shared/corpus is absent")
            }
            var texts: [String] = []
            JSONLinesReader(origin: name).read(data, warn: { _ in }) { record in
                if texts.count < 150 { texts.append(record.document.text) }
            }
            for (i, text) in texts.enumerated() where !text.allSatisfy(\.isWhitespace) {
                let place = "\(name) article \(i + 1)"
                for encoding in ["UTF-16LE", "UTF-16BE"] {
                    switch InputDecoder.decode(try Self.encoded(text, encoding), origin: place) {
                    case .success(let result): XCTAssertEqual(result.text, text, "\(place) as \(encoding)")
                    case .failure(let problem): XCTFail("\(place) as \(encoding): \(problem) \(text.prefix(200))")
                    }
                }
                // Only texts the code page can hold, and that are not plain ASCII (which is UTF-8 too).
                let utf8 = Array(text.utf8)
                guard let legacy = utf8.withUnsafeBufferPointer({ Iconv.convert($0, from: "UTF-8", to: codePage) }),
                      legacy.count != utf8.count else { continue }
                switch InputDecoder.decode(legacy, origin: place) {
                case .success(let result):
                    XCTAssertEqual(result.encoding, expected, "\(place): \(text.prefix(200))")
                    XCTAssertEqual(result.text, text, place)
                case .failure(let problem): XCTFail("\(place) as \(codePage): \(problem)")
                }
                legacyChecked += 1
            }
        }
        XCTAssertGreaterThan(legacyChecked, 200)
    }
}

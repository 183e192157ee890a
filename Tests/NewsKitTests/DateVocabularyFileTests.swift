import Foundation
import XCTest
@testable import NewsKit

/// The bundled compiled date vocabulary (`Resources/dates/date-vocabulary.bin`) is what the
/// bundled sources compile to: compiled again, they must say the same, or the file is stale and
/// `make date-vocabulary` (this test with DATE_VOCABULARY_UPDATE=1) rewrites it.
final class DateVocabularyFileTests: XCTestCase {
    /// Compiling takes seconds in a debug build: once for all the tests.
    static let compiled = DateVocabularySources.compiled()
    private static let file = SharedTestData.repoRoot.appendingPathComponent("Sources/NewsKit/Resources/dates/date-vocabulary.bin")

    /// The vocabulary as sorted lines that do not depend on the order keys and language ids were
    /// given out in (the builder reads some of its sources from dictionaries).
    static func lines(_ c: DateVocabulary.Compiled) -> [String] {
        var codes: [UInt16: String] = [:]
        for (code, id) in c.languageIds { codes[id] = code }
        func languages(_ ids: [UInt16]) -> String { ids.map { codes[$0] ?? "?\($0)" }.sorted().joined(separator: ",") }
        func word(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) + "|" + bytes.map(String.init).joined(separator: ".") }
        var lines: [String] = []
        for (key, senses) in zip(c.keys, c.senses) {
            // Sense order is kept: the builder sorts senses, and the first one found wins ties.
            let described = senses.map { s in
                "\(s.kind.rawValue)/\(s.value)/\(s.calendar.rawValue)/\(s.flags.rawValue)/\(s.weight)/\(languages(s.languages))"
            }
            lines.append("key \(word(key)) " + described.joined(separator: " "))
        }
        for (first, length) in c.phraseLengthByFirstWord { lines.append("phrase \(word(first)) \(length)") }
        for (scalar, kind) in c.punctuationKinds { lines.append("punctuation \(scalar) \(kind.rawValue)") }
        lines.append("common " + languages(Array(c.commonLanguages)))
        lines.append("capital " + languages(Array(c.capitalLanguages)))
        lines.append("languages " + c.languageIds.keys.sorted().joined(separator: ","))
        for (key, ids) in c.needsYearLanguages { lines.append("needsYear \(word(c.keys[Int(key)])) \(languages(ids))") }
        for key in c.modifiersBeforeWeekday { lines.append("before \(word(c.keys[Int(key)]))") }
        for key in c.modifiersAfterWeekday { lines.append("after \(word(c.keys[Int(key)]))") }
        return lines.sorted()
    }

    static func assertSame(_ a: [String], _ b: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, message, file: file, line: line)
        if let k = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
            XCTFail("\(message): \(a[k]) vs \(b[k])", file: file, line: line)
        }
    }

    func testTheBundledFileIsWhatTheSourcesCompileTo() throws {
        let compiled = Self.compiled
        XCTAssertGreaterThan(compiled.keys.count, 1000)
        let digest = try XCTUnwrap(DateVocabularyFile.sourcesDigest())
        if ProcessInfo.processInfo.environment["DATE_VOCABULARY_UPDATE"] == "1" {
            try DateVocabularyFile.encode(compiled, digest: digest).write(to: Self.file, options: .atomic)
            return
        }
        let bundled = try XCTUnwrap(DateVocabularyFile.bundled(), "Resources/dates/date-vocabulary.bin is missing, damaged or stale: run make date-vocabulary")
        Self.assertSame(Self.lines(bundled), Self.lines(compiled), "run make date-vocabulary: the file differs from the compiled sources")
    }

    func testTheFileFormReadsBackAsWritten() throws {
        let compiled = Self.compiled
        let data = DateVocabularyFile.encode(compiled, digest: 42)
        let read = try XCTUnwrap(DateVocabularyFile.decode(data, digest: 42))
        XCTAssertEqual(read.keys, compiled.keys, "keys keep their order and so their indices")
        XCTAssertEqual(read.languageIds, compiled.languageIds)
        Self.assertSame(Self.lines(read), Self.lines(compiled), "read back")
        XCTAssertEqual(DateVocabularyFile.encode(read, digest: 42), data, "the same vocabulary writes the same bytes")
        XCTAssertNil(DateVocabularyFile.decode(data, digest: 43), "a file made from other sources is not used")
        for cut in [0, 3, 20, data.count / 2, data.count - 1] {
            XCTAssertNil(DateVocabularyFile.decode(data.prefix(cut), digest: 42), "a file cut at \(cut) bytes is refused")
        }
        var damaged = data
        damaged[30] ^= 0xFF
        damaged[31] ^= 0xFF
        // A damaged count is refused or read as other words; it never traps.
        _ = DateVocabularyFile.decode(damaged, digest: 42)
    }

    /// Dates found with the vocabulary read from the file are those found with the one compiled.
    func testTheReadVocabularyFindsTheSameDates() throws {
        let compiled = DateVocabulary(Self.compiled)
        let read = DateVocabulary(try XCTUnwrap(DateVocabularyFile.decode(
            DateVocabularyFile.encode(Self.compiled, digest: 1), digest: 1)))
        var folder = DateWordFolder()
        for word in ["Mei", "machi", "مارس", "اسفند", "janvier", "Montag", "ذو الحجة", "jana", "tarehe", "foo", "ربیع‌الاول"] {
            for piece in word.split(separator: " ") {
                folder.reset()
                Array(piece.utf8).withUnsafeBufferPointer { folder.appendWord($0, 0..<$0.count) }
                let a = compiled.lookup(folder), b = read.lookup(folder)
                XCTAssertEqual(a.phraseLength, b.phraseLength, word)
                XCTAssertEqual(a.key >= 0, b.key >= 0, word)
                if a.key >= 0 && b.key >= 0 {
                    XCTAssertEqual(compiled.senses(of: a.key).map(\.weight), read.senses(of: b.key).map(\.weight), word)
                }
            }
        }
    }
}

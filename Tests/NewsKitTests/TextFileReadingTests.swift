import XCTest
@testable import NewsKit

/// `InputFile.document` reads clean UTF-8 straight into the text's storage; every file must read
/// exactly as its bytes read through `Document.read`, whatever they hold.
final class TextFileReadingTests: XCTestCase {
    func testFilesReadAsTheirBytesDecode() throws {
        let files: [(String, [UInt8])] = [
            ("clean.txt", Array("Rais Samia\n\nالرئيس قال — “ok” 😀\n".utf8)),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("With a mark\n".utf8)),
            ("utf16.txt", [0xFF, 0xFE] + Array("Habari\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("latin1.txt", Array("caf".utf8) + [0xE9, 0x20] + Array("cr\u{E8}me br\u{FB}l\u{E9}e, d\u{E9}j\u{E0} vu".utf8)),
            ("bad-byte.txt", Array("good text ".utf8) + [0xFF] + Array(" more good text with many words".utf8)),
            ("overlong.txt", Array("x ".utf8) + [0xC0, 0xAF] + Array(" y".utf8)),
            ("surrogate.txt", Array("x ".utf8) + [0xED, 0xA0, 0x80] + Array(" y".utf8)),
            ("nul.txt", Array("text".utf8) + [0x00] + Array(" more".utf8)),
            ("empty.txt", []),
            ("blank.txt", Array(" \n\u{FEFF}\t".utf8)),
            ("png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("text-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(Self.describe(InputFile.document(path: path, shownAs: name)),
                           Self.describe(Document.read(origin: name, bytes: bytes)), name)
        }
        XCTAssertEqual(Self.describe(InputFile.document(path: folder.path, shownAs: "folder.txt")),
                       "problem folder.txt: a folder, not a file; skipped")
    }

    static func describe(_ result: Result<Document, InputProblem>) -> String {
        switch result {
        case .success(let document): return "\(document.origin)|\(document.text)|\(document.warnings)|\(document.contentHash)"
        case .failure(let problem): return "problem \(problem.message)"
        }
    }
}

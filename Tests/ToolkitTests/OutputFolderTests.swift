import Foundation
import XCTest
@testable import Toolkit

/// The output folder is a jail checked at write time, names are checked as bytes, and a failed
/// write leaves nothing behind.
final class OutputFolderTests: XCTestCase {
    private func folder() throws -> (root: URL, out: OutputFolder) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return (root, OutputFolder(url: root.appendingPathComponent("out")))
    }

    func testWritesNestedNamesAtomically() throws {
        let (_, out) = try folder()
        let url = try out.write(Data("a\n".utf8), to: "tables/2024/people.csv")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "a\n")
        try out.write(Data("b\n".utf8), to: "tables/2024/people.csv")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "b\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["people.csv"])
    }

    func testALinkInsideNeverLeadsOutside() throws {
        let (root, out) = try folder()
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out.url.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.url.appendingPathComponent("real/link"), withDestinationURL: outside)
        XCTAssertThrowsError(try out.write(Data("x".utf8), to: "real/link/x.csv")) { error in
            XCTAssertTrue("\(error)".contains("symbolic link"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])
    }

    func testALinkAsTheFileIsReplacedNotFollowed() throws {
        let (root, out) = try folder()
        let victim = root.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        try FileManager.default.createDirectory(at: out.url, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.url.appendingPathComponent("x.csv"), withDestinationURL: victim)
        try out.write(Data("new".utf8), to: "x.csv")
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
        XCTAssertEqual(try String(contentsOf: out.url.appendingPathComponent("x.csv"), encoding: .utf8), "new")
    }

    func testBadNamesAreRefusedWithTheReason() throws {
        let (_, out) = try folder()
        let cases: [([UInt8], String)] = [
            (Array("../x.csv".utf8), "relative path inside the output folder"),
            (Array("/etc/x".utf8), "relative path inside the output folder"),
            (Array("a\u{1}b.csv".utf8), "control character U+0001"),
            (Array("a\u{85}b.csv".utf8), "control character U+0085"),
            ([0xFF, 0x61], "not valid UTF-8"),
            (Array(String(repeating: "a", count: 201).utf8), "each part may have at most 200"),
            (Array(Array(repeating: "abc", count: 400).joined(separator: "/").utf8), "at most 1024"),
            (Array(".hidden".utf8), "relative path"),
            (Array("a//b".utf8), "relative path"),
        ]
        for (name, reason) in cases {
            XCTAssertThrowsError(try out.write(Data(), toName: name)) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(name): \(error)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("a").path))
    }

    func testAFailedWriteLeavesNoFolderItMade() throws {
        let (_, out) = try folder()
        try FileManager.default.createDirectory(at: out.url.appendingPathComponent("new"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try out.write(Data("x".utf8), toName: Array("new/deeper/x.csv".utf8), failingBeforeRename: true))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.url.appendingPathComponent("new").path), [],
                       "the folder made for the write and the temporary file are gone; the one that was there stays")
        XCTAssertThrowsError(try out.write(Data("x".utf8), toName: Array("fresh/x.csv".utf8), failingBeforeRename: true))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("fresh").path))
    }
}

import Foundation
import XCTest
@testable import NewsKit

final class KnowledgeBaseLoaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kb-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func write(_ name: String, _ lines: [String]) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    private func loadError(_ name: String, _ lines: [String]) throws -> KnowledgeBaseError {
        let url = try write(name, lines)
        do {
            _ = try KnowledgeBase.load(files: [url])
        } catch let error as KnowledgeBaseError {
            return error
        }
        XCTFail("expected an error")
        throw XCTSkip("no error")
    }

    private let putin = #"{"id":"person/vladimir-putin","kind":"person","name":"Vladimir Putin","variants":[{"text":"Vladimir Putin","lang":"en"},{"text":"Putin","lang":"en","short":true},{"text":"بوتين","lang":"ar"},{"text":"پوتین","lang":"fa"},{"text":"الروسي","lang":"ar","form":"adjective"}],"attrs":{"country":"RU","role":"head_of_state","wikidata":"Q7747"}}"#

    func testJSONLines() throws {
        try write("people.jsonl", ["# people", putin, "", #"{"id":"place/ru","kind":"place","name":"Russia","variants":["Urusi",{"text":"روسيا","lang":"ar","script":"Arab"}],"attrs":{"population":144000000}}"#])
        let kb = try KnowledgeBase.load(directory: directory)
        XCTAssertEqual(kb.profiles.map(\.id), ["person/vladimir-putin", "place/ru"])
        let profile = try XCTUnwrap(kb.profile(id: "person/vladimir-putin"))
        XCTAssertEqual(profile.variants.count, 5)
        XCTAssertTrue(profile.variants[1].short)
        XCTAssertEqual(profile.variants[2].script, "Arab")
        XCTAssertEqual(profile.variants[4].form, "adjective")
        XCTAssertEqual(profile.attrs["wikidata"], "Q7747")
        XCTAssertEqual(kb.profile(id: "place/ru")?.attrs["population"], "144000000")
        XCTAssertEqual(kb.lookup("urusi").map(\.id), ["place/ru"])
    }

    func testJSONErrorsNameFileLineAndField() throws {
        var error = try loadError("bad.jsonl", [putin, #"{"id":"x","kind":"person""#])
        XCTAssertEqual(error.file, "bad.jsonl")
        XCTAssertEqual(error.line, 2)
        XCTAssertNil(error.field)
        XCTAssertTrue(error.description.contains("bad.jsonl:2"), error.description)
        XCTAssertTrue(error.description.contains("not valid JSON"))

        error = try loadError("a.jsonl", [#"{"kind":"person","name":"X"}"#])
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.field, "id")
        XCTAssertTrue(error.problem.contains("missing"))
        XCTAssertFalse(error.fix.isEmpty)

        error = try loadError("b.jsonl", ["", #"{"id":"x","kind":"person","name":"X","variants":[{"text":"X"},{"text":7}]}"#])
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.field, "variants[1].text")
        XCTAssertTrue(error.problem.contains("a number"), error.problem)

        error = try loadError("c.jsonl", [#"{"id":"x","kind":"person","name":"X","variants":[{"text":"X","short":"yes"}]}"#])
        XCTAssertEqual(error.field, "variants[0].short")
        XCTAssertTrue(error.description.contains("c.jsonl:1: field variants[0].short: expected true or false"), error.description)

        error = try loadError("d.jsonl", [#"{"id":"x","kind":"person","name":"X","attrs":{"roles":["a","b"]}}"#])
        XCTAssertEqual(error.field, "attrs.roles")

        error = try loadError("e.jsonl", [#"{"id":"x","kind":"","name":"X"}"#])
        XCTAssertEqual(error.field, "kind")

        error = try loadError("f.jsonl", [#"["not","an","object"]"#])
        XCTAssertTrue(error.problem.contains("an array"))

        error = try loadError("g.jsonl", [#"{"id":"x","kind":"person","name":"X","variants":{"text":"X"}}"#])
        XCTAssertEqual(error.field, "variants")
    }

    func testInvalidUTF8IsReported() throws {
        let url = directory.appendingPathComponent("bytes.jsonl")
        try Data([0x7B, 0x7D, 0x0A] + [0x22, 0xFF, 0x22]).write(to: url)
        XCTAssertThrowsError(try KnowledgeBase.load(files: [url])) { error in
            let error = error as! KnowledgeBaseError
            XCTAssertEqual(error.line, 2)
            XCTAssertTrue(error.problem.contains("UTF-8"))
        }
    }

    func testTSV() throws {
        try write("hand.tsv", [
            "# id\tkind\tname\tvariants\tattrs",
            "person/vladimir-putin\tperson\tVladimir Putin\ten:Putin*|ar:بوتين|ar/adjective:الروسي|Wladimir Putin\tcountry=RU; role=head_of_state",
            "place/samarkand\tplace\tSamarkand",
            "",
            "org/x\torg\tX Org\t\tparent=org/y",
        ])
        let kb = try KnowledgeBase.load(directory: directory)
        XCTAssertEqual(kb.profiles.map(\.id), ["person/vladimir-putin", "place/samarkand", "org/x"])
        let putin = try XCTUnwrap(kb.profile(id: "person/vladimir-putin"))
        XCTAssertEqual(putin.variants.map(\.text), ["Putin", "بوتين", "الروسي", "Wladimir Putin"])
        XCTAssertEqual(putin.variants.map(\.lang), ["en", "ar", "ar", nil])
        XCTAssertEqual(putin.variants.map(\.short), [true, false, false, false])
        XCTAssertEqual(putin.variants[2].form, "adjective")
        XCTAssertEqual(putin.attrs, ["country": "RU", "role": "head_of_state"])
        XCTAssertEqual(kb.profile(id: "org/x")?.attrs["parent"], "org/y")
    }

    func testTSVErrors() throws {
        var error = try loadError("a.tsv", ["ok\tplace\tOk", "place/x  place  X"])
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.problem.contains("at least 3"))
        XCTAssertTrue(error.fix.contains("TAB"))

        error = try loadError("b.tsv", ["p\tplace\tP\ten:P\tcountry"])
        XCTAssertEqual(error.field, "attrs (column 5)")

        error = try loadError("c.tsv", ["p\tplace\tP\ten:P\ta=b\textra"])
        XCTAssertTrue(error.problem.contains("at most 5"))

        error = try loadError("d.tsv", ["p\t\tP"])
        XCTAssertEqual(error.field, "kind (column 2)")

        error = try loadError("e.tsv", ["p\tplace\tP\ten:P|ar:*"])
        XCTAssertEqual(error.field, "variants (column 4) item 2")
    }

    func testFilesMergeByIDInNameOrder() throws {
        try write("a.jsonl", [putin])
        try write("b.tsv", ["person/vladimir-putin\tperson\tVladimir Putin\tes:Vladímir Putin\tborn=1952"])
        try write("notes.txt", ["ignored"])
        let kb = try KnowledgeBase.load(directory: directory)
        XCTAssertEqual(kb.profiles.count, 1)
        let profile = try XCTUnwrap(kb.profile(id: "person/vladimir-putin"))
        XCTAssertEqual(profile.variants.last?.text, "Vladímir Putin")
        XCTAssertEqual(profile.attrs["born"], "1952")
        XCTAssertEqual(profile.attrs["country"], "RU")
    }

    func testConflictingKindsAreAnError() throws {
        try write("a.jsonl", [putin])
        try write("b.tsv", ["person/vladimir-putin\torg\tVladimir Putin"])
        XCTAssertThrowsError(try KnowledgeBase.load(directory: directory)) { error in
            let error = error as! KnowledgeBaseError
            XCTAssertEqual(error.file, "b.tsv")
            XCTAssertEqual(error.field, "kind")
            XCTAssertTrue(error.problem.contains("a.jsonl:1"), error.problem)
        }
    }

    func testMissingFolderAndUnknownFormat() throws {
        XCTAssertThrowsError(try KnowledgeBase.load(directory: directory.appendingPathComponent("nope")))
        let url = try write("kb.csv", ["a,b"])
        XCTAssertThrowsError(try KnowledgeBase.load(files: [url])) { error in
            XCTAssertTrue("\(error)".contains(".jsonl"))
        }
    }

    func testBundledWorldKnowledgeBaseLoadsWhenPresent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let world = root.appendingPathComponent("Plugins/world/kb")
        guard FileManager.default.fileExists(atPath: world.path) else {
            throw XCTSkip("no Plugins/world/kb in this checkout")
        }
        let kb = try KnowledgeBase.load(directory: world)
        XCTAssertGreaterThan(kb.variantCount, 0)
        for profile in kb.profiles {
            XCTAssertFalse(profile.id.isEmpty)
            XCTAssertFalse(profile.name.isEmpty)
        }
    }
}

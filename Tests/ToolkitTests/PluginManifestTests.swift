import Foundation
import XCTest
@testable import Toolkit

/// Writes a plugin folder: `plugin.lua` and any other files by relative path.
func makePlugin(in root: URL, _ name: String, manifest: String, files: [String: String] = [:]) throws -> URL {
    let dir = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data(manifest.utf8).write(to: dir.appendingPathComponent("plugin.lua"))
    for (path, text) in files {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return dir
}

final class PluginManifestTests: XCTestCase {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func load(_ manifest: String) throws -> PluginManifest {
        let dir = try makePlugin(in: try folder(), "x", manifest: manifest)
        return try PluginManifest.load(from: dir.appendingPathComponent("plugin.lua"), shownAs: "Plugins/x/plugin.lua")
    }

    func problems(_ manifest: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try load(manifest)
            XCTFail("the manifest was accepted", file: file, line: line)
            return []
        } catch {
            XCTAssertEqual((error as? ToolkitError)?.exitCode, 2, file: file, line: line)
            return "\(error)".split(separator: "\n").map(String.init)
        }
    }

    func testEveryProblemOfAManifestIsReportedAtOnceOneLineEach() {
        let lines = problems("""
            return {
              name = "Bad Name", version = "1.x", toolkit = "soon",
              authors = "me", homepage = "ftp://example.org", main = "../escape.lua",
              categories = { "and" },
              require = { world = ">=1.0.0" },
              args = { top = { default = "ten", type = "number" }, depth = { type = "float" }, fn = { default = {1, 2} } },
              requires = { world = "later" },
              provides = { reportz = {} },
              permissions = { "network" },
            }
            """)
        let expected = [
            "field 'name': \"Bad Name\" is not a plugin name",
            "field 'version': \"1.x\" is not a SemVer version (like 1.2.0)",
            "field 'toolkit': \"soon\" is not a version range",
            "field 'authors': must be a list of strings",
            "field 'homepage': \"ftp://example.org\" is not a web address",
            "field 'main': \"../escape.lua\" must be a .lua file inside the plugin's folder",
            "field 'categories': \"and\" cannot be used in a --plugins expression",
            "field 'require': 'require' is not a manifest field (known: name, version, toolkit,",
            "field 'args.top.default': is a string but the type says number",
            "field 'args.depth.type': \"float\" is not a type (known: number, boolean, string, list)",
            "field 'args.fn.default': a table cannot be a default",
            "field 'requires.world': \"later\" is not a version range",
            "field 'provides': 'reportz' is not known (known: extractors, reports, kb)",
            "field 'permissions': asks for 'network'",
        ]
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
        for text in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix("Plugins/x/plugin.lua: ") && $0.contains(text) }, "missing: \(text)\n\(lines.joined(separator: "\n"))")
        }
    }

    func testMissingRequiredFieldsAreAllNamed() {
        let lines = problems("return { description = 'nothing else' }")
        XCTAssertEqual(lines.map { $0.components(separatedBy: ": ")[1] }, ["field 'name'", "field 'version'", "field 'toolkit'"])
        XCTAssertTrue(lines.allSatisfy { $0.contains(": missing (") }, "\(lines)")
    }

    func testNewFieldsAreRead() throws {
        let m = try load("""
            return {
              name = "sahel-watch", version = "1.2.0", toolkit = "^0.1.0", homepage = "https://example.org/sahel",
              main = "src/main.lua", license = "MIT", categories = { "default", "africa" },
              args = {
                top = 10, strict = false, label = "all", langs = { "fr", "ha" },
                since = { default = "2001", type = "string", description = "first year" },
                limit = { type = "number", description = "no default" },
              },
              requires = { world = ">=1.0.0", extra = "*" },
              provides = { extractors = { "juntas" }, reports = { "actors" }, kb = { "person" } },
            }
            """)
        XCTAssertEqual(m.homepage, "https://example.org/sahel")
        XCTAssertEqual(m.main, "src/main.lua")
        XCTAssertEqual(m.requires.map(\.description), ["extra", "world >=1.0.0"])
        XCTAssertEqual(m.provides, PluginProvides(extractors: ["juntas"], reports: ["actors"], kb: ["person"]))
        let args = Dictionary(uniqueKeysWithValues: m.args.map { ($0.name, $0) })
        XCTAssertEqual(args["top"]?.kind, .number)
        XCTAssertEqual(args["top"]?.defaultValue, .integer(10))
        XCTAssertEqual(args["strict"]?.defaultValue, .boolean(false))
        XCTAssertEqual(args["label"]?.kind, .string)
        XCTAssertEqual(args["langs"]?.defaultValue, .list(["fr", "ha"]))
        XCTAssertEqual(args["since"]?.kind, .string)
        XCTAssertEqual(args["since"]?.description, "first year")
        XCTAssertEqual(args["limit"]?.kind, .number)
        XCTAssertNil(args["limit"]?.defaultValue)
    }

    func testDefaultsWhenLeftOut() throws {
        let m = try load("return { name = 'x', version = '0.1.0', toolkit = '>=0.1.0', requires = { 'world' } }")
        XCTAssertEqual(m.main, "init.lua")
        XCTAssertNil(m.provides)
        XCTAssertEqual(m.args, [])
        XCTAssertEqual(m.requires.map(\.description), ["world"], "a bare list of names: any version")
    }

    func testTheBundledWorldManifestIsDefaultAndDeclaresItsKinds() throws {
        let file = ToolkitProcessTestCase.repo.appendingPathComponent("Plugins/world/plugin.lua")
        let m = try PluginManifest.load(from: file, shownAs: "Plugins/world/plugin.lua")
        XCTAssertTrue(m.categories.contains("default"))
        XCTAssertEqual(m.provides?.kb, ["org", "person", "place"])
    }
}

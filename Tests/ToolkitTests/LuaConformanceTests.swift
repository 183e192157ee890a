import Foundation
import XCTest

/// Lua 5.4.4's own test files (../shared/lua-tests) run inside the sandbox through `toolkit run`:
/// the limits, the guarded pcall/xpcall and the missing libraries keep standard Lua semantics
/// (finalizers, patterns, sorting, integer and float arithmetic, utf8, string.pack, varargs).
/// Skips when the folder is absent.
final class LuaConformanceTests: ToolkitProcessTestCase {
    static let tests = repo.deletingLastPathComponent().appendingPathComponent("shared/lua-tests")

    /// What the test files need of `os`, `io` and `require` that the sandbox does not give, as the
    /// folder's README describes: the soft and portable modes, a clock, a silent io.write, and a
    /// `require` that answers with the standard library of that name or a preloaded chunk.
    static let prelude = """
        _port = true; _soft = true
        os = { clock = function() return 0 end, time = function() return 0 end, getenv = function() return nil end }
        io = { write = function(...) end, stdin = {}, stderr = { write = function() end } }
        package = { preload = {}, loaded = {} }
        local libraries = { string = string, table = table, math = math, utf8 = utf8, coroutine = coroutine }
        function require(name)
          if libraries[name] then return libraries[name] end
          if package.loaded[name] == nil and package.preload[name] then package.loaded[name] = package.preload[name]() or true end
          return package.loaded[name]
        end

        """

    private func run(_ name: String, before: String = "") throws {
        let file = Self.tests.appendingPathComponent(name + ".lua")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw XCTSkip("\(Self.tests.path) is absent")
        }
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("\(name).lua")
        // Some test files hold Latin-1 bytes on purpose: they are joined as bytes, not as text.
        try (Data((Self.prelude + before).utf8) + (try Data(contentsOf: file))).write(to: script)
        let result = try toolkit(["run", script.path, "seeds/", "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, "\(name).lua: \(result.stderr.prefix(2000))")
    }

    func testGarbageCollectionAndFinalizers() throws { try run("gc") }
    func testPatternMatching() throws { try run("pm") }
    func testSort() throws { try run("sort") }
    func testMath() throws { try run("math") }
    func testStrings() throws { try run("strings") }
    func testUTF8() throws { try run("utf8") }
    func testVarargs() throws { try run("vararg") }
    func testPack() throws { try run("tpack") }

    func testBitwiseWithStringCoercion() throws {
        let coercion = Self.tests.appendingPathComponent("bwcoercion.lua")
        guard let text = try? String(contentsOf: coercion, encoding: .utf8) else { throw XCTSkip("bwcoercion.lua is absent") }
        // bitwise.lua requires bwcoercion; the sandbox has no files to load it from, so it is preloaded.
        var level = 1
        while text.contains("]" + String(repeating: "=", count: level) + "]") { level += 1 }
        let eq = String(repeating: "=", count: level)
        try run("bitwise", before: "package.preload.bwcoercion = load([\(eq)[\(text)]\(eq)], '=bwcoercion')\n")
    }
}

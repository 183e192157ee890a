import XCTest
@testable import LuaBridge

final class SandboxTests: XCTestCase {
    func testUnsafeLibrariesAndFunctionsAreAbsent() throws {
        let lua = try LuaState()
        let absent = try lua.run("return os == nil, io == nil, debug == nil, package == nil, require == nil, dofile == nil, loadfile == nil, string.dump == nil")
        XCTAssertEqual(absent, Array(repeating: true, count: 8))
        XCTAssertThrowsError(try lua.run("os.execute('touch /tmp/toolkit-pwned')", chunkName: "@evil.lua")) { error in
            XCTAssertTrue((error as! LuaError).message.hasPrefix("evil.lua:1: attempt to index a nil value (global 'os')"))
        }
        XCTAssertThrowsError(try lua.run("io.open('/etc/passwd')"))
    }

    func testSafeLibrariesArePresent() throws {
        let lua = try LuaState()
        XCTAssertEqual(try lua.run("return string.upper('a'), table.concat({1,2}, ','), math.floor(2.5), utf8.char(1576), coroutine.running() ~= nil"),
                       ["A", "1,2", 2, "ب", true])
    }

    func testLoadAcceptsTextButNeverBytecode() throws {
        let lua = try LuaState()
        XCTAssertEqual(try lua.run("return load('return 1 + 1')()"), [2])
        // A binary chunk starts with ESC 'Lua'; even asking for mode "b" must not load it.
        let result = try lua.run("return load('\\27Lua\\84\\0', 'x', 'b')")
        XCTAssertEqual(result.first, .nil)
        XCTAssertTrue(result.last?.stringValue?.contains("attempt to load a binary chunk") ?? false, "\(result)")
        // The environment argument still works, and an absent one stays absent.
        XCTAssertEqual(try lua.run("return load('return x', 'c', 't', {x = 5})()"), [5])
        XCTAssertEqual(try lua.run("x = 9 return load('return x')()"), [9])
    }

    func testMetatableOfBridgeObjectsIsLocked() throws {
        let lua = try LuaState()
        final class Thing {}
        try lua.setGlobal("thing", .object(Thing()))
        XCTAssertEqual(try lua.run("return getmetatable(thing)"), ["locked"])
    }

    func testMemoryLimit() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 4 * 1024 * 1024))
        XCTAssertThrowsError(try lua.run("local t = {} for i = 1, 1e7 do t[i] = string.rep('x', 100) .. i end")) { error in
            XCTAssertEqual((error as! LuaError).kind, .memory)
        }
        // The stop is final until the host re-arms the budget; then the state is usable again.
        XCTAssertThrowsError(try lua.run("local x = 0 for i = 1, 5000 do x = x + i end return x")) { error in
            XCTAssertEqual((error as! LuaError).kind, .memory)
        }
        lua.collectGarbage()
        lua.rearm()
        XCTAssertEqual(try lua.run("return 1 + 1"), [2])
    }

    func testMemoryLimitPassedInsideSwiftIsRaisedAfterwards() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 2 * 1024 * 1024))
        try lua.setGlobal("big", .function(LuaFunction("big") { _ in
            [.string(LuaString(bytes: [UInt8](repeating: 65, count: 4 * 1024 * 1024)))]
        }))
        XCTAssertThrowsError(try lua.run("local s = big() return #s")) { error in
            XCTAssertEqual((error as! LuaError).kind, .memory)
        }
    }

    func testInstructionLimit() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 1_000_000))
        XCTAssertThrowsError(try lua.run("while true do end", chunkName: "@loop.lua")) { error in
            let e = error as! LuaError
            XCTAssertEqual(e.kind, .instructionLimit)
            XCTAssertTrue(e.message.contains("instruction limit exceeded"), e.message)
        }
    }

    func testTimeLimitCannotBeCaughtForever() throws {
        let lua = try LuaState(limits: LuaLimits(seconds: 0.2))
        XCTAssertThrowsError(try lua.run("while true do pcall(function() while true do end end) end")) { error in
            XCTAssertEqual((error as! LuaError).kind, .timeLimit)
        }
    }
}

import Foundation
import XCTest
@testable import LuaBridge

/// Counts instances so a test can see that every one was released.
final class Payload {
    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func add(_ d: Int) { lock.lock(); n += d; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
    static let alive = Counter()
    static let made = Counter()
    let bytes = [UInt8](repeating: 7, count: 4096)
    init() { Payload.alive.add(1); Payload.made.add(1) }
    deinit { Payload.alive.add(-1) }
}

final class ErrorTests: XCTestCase {
    func testSyntaxErrorNamesChunkAndLine() throws {
        let lua = try LuaState()
        XCTAssertThrowsError(try lua.run("local x = 1\nlocal y = = 2\n", chunkName: "@people.lua")) { error in
            let e = error as! LuaError
            XCTAssertEqual(e.kind, .syntax)
            XCTAssertTrue(e.message.hasPrefix("people.lua:2:"), e.message)
            XCTAssertEqual(e.location?.line, 2)
        }
    }

    func testRuntimeErrorNamesChunkLineAndHasTraceback() throws {
        let lua = try LuaState()
        let code = "local function f(a)\n  return a.name\nend\nlocal r = f(nil)\nreturn r\n"
        XCTAssertThrowsError(try lua.run(code, chunkName: "@people.lua")) { error in
            let e = error as! LuaError
            XCTAssertEqual(e.kind, .runtime)
            XCTAssertTrue(e.message.hasPrefix("people.lua:2: attempt to index a nil value"), e.message)
            XCTAssertTrue(e.traceback.hasPrefix("stack traceback:"), e.traceback)
            XCTAssertTrue(e.traceback.contains("people.lua:4"), e.traceback)
        }
    }

    func testAHugeErrorMessageIsCutToOneReadableLineAndKeepsItsTraceback() throws {
        let lua = try LuaState()
        // 4 MiB of message, with a multi-byte character across the cut and a fake marker inside.
        let code = "local function f()\n  error(('\\nstack traceback:x'):rep(2) .. ('é'):rep(2 << 20))\nend\nf()\n"
        XCTAssertThrowsError(try lua.run(code, chunkName: "@big.lua")) { error in
            let e = error as! LuaError
            XCTAssertEqual(e.kind, .runtime)
            XCTAssertTrue(e.message.hasPrefix("big.lua:2: \nstack traceback:x"), String(e.message.prefix(80)))
            XCTAssertLessThan(e.message.utf8.count, LuaState.errorMessageLimit + 100)
            XCTAssertTrue(e.message.hasSuffix("bytes in all)"), String(e.message.suffix(80)))
            XCTAssertFalse(e.message.contains("\u{FFFD}"), "cut inside a character")
            XCTAssertTrue(e.traceback.hasPrefix("stack traceback:"), String(e.traceback.prefix(80)))
            XCTAssertTrue(e.traceback.contains("big.lua:4"), e.traceback)
        }
    }

    func testErrorThrownInSwiftCallbackIsRaisedAtTheCallersLine() throws {
        let lua = try LuaState()
        try lua.setGlobal("fail", .function(LuaFunction("fail") { call in
            throw LuaScriptError("no such article: \(try call.string(1))")
        }))
        XCTAssertThrowsError(try lua.run("local x = 1\n\nfail('a7')\n", chunkName: "@report.lua")) { error in
            XCTAssertEqual((error as! LuaError).message, "report.lua:3: no such article: a7")
        }
        // pcall sees an ordinary Lua error and the script goes on. Called by pcall itself (a C
        // function) there is no Lua line to name, exactly as with Lua's own C functions.
        XCTAssertEqual(try lua.run("local ok, e = pcall(fail, 'b') return ok, e", chunkName: "=t"), [false, "no such article: b"])
        XCTAssertEqual(try lua.run("local ok, e = pcall(function() fail('c') end) return ok, e", chunkName: "=t"), [false, "t:1: no such article: c"])
    }

    func testArgumentErrorsReadLikeLuas() throws {
        let lua = try LuaState()
        try lua.setGlobal("upper", .function(LuaFunction("upper") { call in [LuaValue(try call.string(1).uppercased())] }))
        XCTAssertEqual(try lua.run("return upper('abc')"), ["ABC"])
        XCTAssertThrowsError(try lua.run("return upper(nil)", chunkName: "@s.lua")) { error in
            XCTAssertEqual((error as! LuaError).message, "s.lua:1: bad argument #1 to 'upper' (string expected, got nil)")
        }
    }

    func testLuaErrorInsideLuaCalledFromSwiftKeepsItsOrigin() throws {
        let lua = try LuaState()
        try lua.setGlobal("apply", .function(LuaFunction("apply") { call in
            try call.call(try call.function(1), [try call.value(2)])
        }))
        let code = "local function bad(x)\n  error('bad value ' .. x)\nend\nreturn apply(bad, 5)\n"
        XCTAssertThrowsError(try lua.run(code, chunkName: "@nested.lua")) { error in
            XCTAssertEqual((error as! LuaError).message, "nested.lua:2: bad value 5")
        }
    }

    func testErrorObjectsThatAreNotStrings() throws {
        let lua = try LuaState()
        XCTAssertThrowsError(try lua.run("error({code = 7})")) { error in
            XCTAssertEqual((error as! LuaError).message, "(error object is a table value)")
        }
        XCTAssertThrowsError(try lua.run("error(setmetatable({}, {__tostring = function() return 'custom' end}))")) { error in
            XCTAssertEqual((error as! LuaError).message, "custom")
        }
    }

    /// The rule that matters most: a failing Swift callback must not leak (a longjmp across the Swift
    /// frame would skip its releases). 100,000 failures under pcall must release every Swift object
    /// the callback made and leave the Lua heap flat.
    func testHundredThousandFailingCallbacksKeepMemoryFlat() throws {
        let lua = try LuaState()
        try lua.setGlobal("fail", .function(LuaFunction("fail") { call in
            let payload = Payload() // must be released even though the call fails
            throw LuaScriptError("failure \(payload.bytes.count) \(try call.integer(1))")
        }))
        let loop = "local n = 0 for i = 1, COUNT do local ok = pcall(fail, i) if not ok then n = n + 1 end end collectgarbage() return n"
        XCTAssertEqual(try lua.run(loop.replacingOccurrences(of: "COUNT", with: "1000")), [1000])
        lua.collectGarbage()
        let luaBefore = lua.memoryUsed
        XCTAssertEqual(try lua.run(loop.replacingOccurrences(of: "COUNT", with: "100000")), [100_000])
        lua.collectGarbage()
        XCTAssertEqual(Payload.alive.value, 0, "Swift objects of failed calls were not released")
        XCTAssertEqual(Payload.made.value, 101_000)
        XCTAssertLessThan(abs(lua.memoryUsed - luaBefore), 64 * 1024, "Lua heap grew")
    }
}

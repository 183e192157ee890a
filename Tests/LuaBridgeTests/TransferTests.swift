import XCTest
@testable import LuaBridge

/// Functions defined once in one state run in another: bytecode plus upvalues, shared upvalues
/// kept shared, library and host functions matched by their global path, the rest refused.
final class TransferTests: XCTestCase {
    private func function(_ lua: LuaState, _ name: String) throws -> LuaReference {
        guard case .reference(let f) = lua.global(name) else { throw LuaError(kind: .runtime, message: "no \(name)") }
        return f
    }

    func testClosureWithUpvaluesRunsInAnotherState() throws {
        let source = try LuaState(), target = try LuaState()
        try source.run("""
            local count = 10
            local function double(x) return x * 2 end
            local fmt = string.format
            f = function(a) return double(a) + count, fmt("%d!", a), fmt == string.format end
            """)
        let copied = try LuaTransfer(from: source, to: target).copy(try function(source, "f"))
        XCTAssertEqual(try target.call(copied, [5]), [20, "5!", true])
    }

    func testSharedUpvaluesStayShared() throws {
        let source = try LuaState(), target = try LuaState()
        try source.run("local n = 0 function inc() n = n + 1 return n end function get() return n end")
        let transfer = LuaTransfer(from: source, to: target)
        let inc = try transfer.copy(try function(source, "inc")), get = try transfer.copy(try function(source, "get"))
        try target.call(inc)
        try target.call(inc)
        XCTAssertEqual(try target.call(get), [2])
        XCTAssertEqual(try source.call(try function(source, "get")), [0], "the source keeps its own")
    }

    func testGlobalsTheScriptMadeAreCopied() throws {
        let source = try LuaState(), target = try LuaState()
        try source.run("settings = {top = 3} function helper() return 7 end function g() return helper() + settings.top end")
        let names = try LuaTransfer(from: source, to: target).copyMissingGlobals()
        XCTAssertEqual(names, ["g", "helper", "settings"])
        XCTAssertEqual(try target.run("return g()"), [10])
    }

    func testTablesKeepCyclesAndMetatables() throws {
        let source = try LuaState(), target = try LuaState()
        try source.run("local t = setmetatable({name = 'x'}, {__index = function() return 'dflt' end}) t.self = t function get() return t end")
        let copied = try LuaTransfer(from: source, to: target).copy(try function(source, "get"))
        try target.setGlobal("get", .reference(copied))
        XCTAssertEqual(try target.run("local t = get() return t.self == t, t.name, t.missing"), [true, "x", "dflt"])
    }

    func testHostFunctionsAreMatchedByPath() throws {
        let source = try LuaState(), target = try LuaState()
        for (state, answer) in [(source, 1), (target, 2)] {
            try state.setGlobal("host", .table(["answer": .function(LuaFunction("host.answer") { _ in [LuaValue(answer)] })]))
        }
        try source.run("local answer = host.answer function f() return answer() end")
        let copied = try LuaTransfer(from: source, to: target).copy(try function(source, "f"))
        XCTAssertEqual(try target.call(copied), [2], "the target's own host function runs")
    }

    func testObjectsAndCoroutinesAreRefusedWithTheirPlace() throws {
        final class Thing {}
        let source = try LuaState(), target = try LuaState()
        try source.setGlobal("thing", .object(Thing()))
        try source.run("local kept = thing function f() return kept end local co = coroutine.create(print) function g() return co end")
        XCTAssertThrowsError(try LuaTransfer(from: source, to: target).copy(try function(source, "f"))) { error in
            XCTAssertTrue("\(error)".contains("(upvalue 'kept') is a Thing"), "\(error)")
        }
        XCTAssertThrowsError(try LuaTransfer(from: source, to: target).copy(try function(source, "g"))) { error in
            XCTAssertTrue("\(error)".contains("is a thread"), "\(error)")
        }
    }

    func testCopiedFunctionsKeepTheirChunkNameInErrors() throws {
        let source = try LuaState(), target = try LuaState()
        try source.run("function f()\n  error('boom')\nend", chunkName: "@report.lua")
        let copied = try LuaTransfer(from: source, to: target).copy(try function(source, "f"))
        XCTAssertThrowsError(try target.call(copied)) { error in
            XCTAssertTrue((error as! LuaError).message.hasPrefix("report.lua:2: boom"), "\(error)")
        }
    }
}

import CLuaShim
import Foundation
import XCTest
@testable import LuaBridge

/// Limits hold on every path a script can take: past pcall and coroutines, in Swift callbacks,
/// in copies out of Lua, at close, and as budgets the host re-arms per call.
final class BudgetTests: XCTestCase {
    private func kind(_ body: () throws -> Void) -> LuaError.Kind? {
        do { try body() } catch let error as LuaError { return error.kind } catch { return nil }
        return nil
    }

    func testMemoryLimitCannotBeCaughtByPcall() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 8 << 20))
        var message = ""
        XCTAssertEqual(kind {
            do {
                try lua.run("""
                    local ok = pcall(function() local t = {} for i = 1, 1e8 do t[i] = {} end end)
                    local ok2 = xpcall(function() return 1 end, print)
                    return "went on"
                    """, chunkName: "@mem.lua")
            } catch let error as LuaError {
                message = error.message
                throw error
            }
        }, .memory)
        XCTAssertTrue(message.hasPrefix("mem.lua:1:"), message)
    }

    func testMemoryErrorInsideACoroutineIsFinal() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 8 << 20))
        XCTAssertEqual(kind {
            try lua.run("""
                local co = coroutine.create(function() local t = {} for i = 1, 1e8 do t[i] = {} end end)
                local ok = coroutine.resume(co)
                local x = 0
                for i = 1, 1e6 do x = x + i end
                return "went on", ok
                """)
        }, .memory)
    }

    func testSwiftFunctionsRefuseAfterAStop() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 200_000))
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        try lua.setGlobal("write", .function(LuaFunction("write") { _ in counter.calls += 1; return [] }))
        XCTAssertEqual(kind {
            try lua.run("""
                local ok = pcall(function() while true do end end)
                write()
                """)
        }, .instructionLimit)
        XCTAssertEqual(counter.calls, 0)
    }

    func testOrdinaryErrorsAreStillCaught() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 8 << 20, instructions: 1_000_000, seconds: 5))
        XCTAssertEqual(try lua.run("""
            local ok, err = pcall(error, "boom", 0)
            local ok2, err2 = xpcall(function() error({code = 7}) end, function(e) return e.code end)
            local co = coroutine.wrap(function() local a, b = pcall(coroutine.yield, 1); return a, b end)
            local first = co()
            local ok3, second = co(2)
            return ok, err, ok2, err2, first, ok3, second, select('#', pcall(function() return 1, 2, 3 end))
            """), [false, "boom", false, 7, 1, true, 2, 4])
    }

    func testRearmGivesAFreshBudget() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 500_000))
        XCTAssertEqual(kind { try lua.run("while true do end") }, .instructionLimit)
        XCTAssertEqual(kind { try lua.run("return 1") }, .instructionLimit, "a limit is final until re-armed")
        lua.rearm()
        XCTAssertEqual(try lua.run("local x = 0 for i = 1, 1000 do x = x + i end return x"), [500500])
    }

    func testBudgetPerCallEndsOnlyTheCall() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 50_000_000))
        try lua.run("function spin() while true do end end function add(a, b) return a + b end")
        guard case .reference(let spin) = lua.global("spin"), case .reference(let add) = lua.global("add") else {
            return XCTFail("functions missing")
        }
        for _ in 0..<3 {
            XCTAssertEqual(kind { _ = try lua.withBudget(LuaLimits(instructions: 100_000)) { try lua.call(spin) } }, .instructionLimit)
            XCTAssertEqual(try lua.withBudget(LuaLimits(instructions: 100_000)) { try lua.call(add, [2, 3]) }, [5])
        }
        XCTAssertEqual(kind { _ = try lua.withBudget(LuaLimits(seconds: 0.1)) { try lua.call(spin) } }, .timeLimit)
        XCTAssertEqual(try lua.call(add, [1, 1]), [2], "the outer budget goes on after a call's limit fired")
    }

    func testPerCallBudgetCannotExceedTheOuterOne() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 300_000))
        try lua.run("function spin() while true do end end")
        guard case .reference(let spin) = lua.global("spin") else { return XCTFail("spin missing") }
        XCTAssertEqual(kind { _ = try lua.withBudget(LuaLimits(instructions: 1_000_000_000)) { try lua.call(spin) } }, .instructionLimit)
        XCTAssertEqual(kind { try lua.run("return 1") }, .instructionLimit, "the outer budget is spent")
    }

    func testPerCallMemoryBudget() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 256 << 20))
        try lua.run("function grow() local t = {} for i = 1, 1e7 do t[i] = {} end end")
        guard case .reference(let grow) = lua.global("grow") else { return XCTFail("grow missing") }
        XCTAssertEqual(kind { _ = try lua.withBudget(LuaLimits(memoryBytes: 4 << 20)) { try lua.call(grow) } }, .memory)
        lua.collectGarbage()
        XCTAssertEqual(try lua.run("return 40 + 2"), [42])
    }

    func testSliceTimeLimitSaysItsOwnMessage() throws {
        let lua = try LuaState()
        lua.startSlice(seconds: 0.1, message: "time limit per article exceeded on a.txt")
        XCTAssertThrowsError(try lua.run("while true do end")) { error in
            XCTAssertEqual((error as! LuaError).kind, .timeLimit)
            XCTAssertTrue((error as! LuaError).message.contains("time limit per article exceeded on a.txt"), "\(error)")
        }
        lua.endSlice()
        lua.rearm()
        XCTAssertEqual(try lua.run("return 'ok'"), ["ok"])
    }

    func testInterruptFromAnotherThread() throws {
        let lua = try LuaState()
        let box = UncheckedBox(lua)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { box.value.interrupt() }
        XCTAssertEqual(kind { try lua.run("while true do end") }, .interrupted)
    }

    func testAnInterruptCanBeForgottenByTheHost() throws {
        let lua = try LuaState()
        lua.interrupt()
        XCTAssertEqual(kind { try lua.run("while true do end") }, .interrupted)
        XCTAssertEqual(kind { try lua.run("return 1") }, .interrupted, "an interrupt stays until the host forgets it")
        lua.clearInterrupt()
        lua.rearm()
        XCTAssertEqual(try lua.run("return 1 + 1"), [2])
    }

    func testInterruptWhileSwiftRunsIsRaisedOnReturn() throws {
        let lua = try LuaState()
        final class Flag: @unchecked Sendable { var returned = false }
        let flag = Flag()
        let box = UncheckedBox(lua)
        try lua.setGlobal("wait", .function(LuaFunction("wait") { _ in
            box.value.interrupt()
            return ["result"]
        }))
        try lua.setGlobal("mark", .function(LuaFunction("mark") { _ in flag.returned = true; return [] }))
        XCTAssertEqual(kind { try lua.run("local r = wait() mark()") }, .interrupted)
        XCTAssertFalse(flag.returned, "no result of an interrupted call reaches the script")
    }

    func testFinalizersAtCloseCannotCallSwift() throws {
        final class Sink: @unchecked Sendable { var calls = 0 }
        let sink = Sink()
        let lua = try LuaState()
        try lua.setGlobal("write", .function(LuaFunction("write") { _ in sink.calls += 1; return [] }))
        try lua.run("keep = setmetatable({}, {__gc = function() write() end})")
        lua.close()
        XCTAssertEqual(sink.calls, 0)
        XCTAssertTrue(lua.isClosed)
    }

    func testFinalizersDuringTheRunMayCallSwift() throws {
        final class Sink: @unchecked Sendable { var calls = 0 }
        let sink = Sink()
        let lua = try LuaState()
        try lua.setGlobal("write", .function(LuaFunction("write") { _ in sink.calls += 1; return [] }))
        try lua.run("setmetatable({}, {__gc = function() write() end}) collectgarbage()")
        XCTAssertEqual(sink.calls, 1)
    }

    func testSharedReferencesAreNotExpandedPastTheBudget() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 16 << 20))
        try lua.setGlobal("take", .function(LuaFunction("take") { call in _ = try call.value(1); return [] }))
        let started = Date()
        XCTAssertThrowsError(try lua.run("local t = {} for i = 1, 40 do t = {t, t} end take(t)", chunkName: "@shared.lua")) { error in
            let message = (error as! LuaError).message
            XCTAssertTrue(message.hasPrefix("shared.lua:1: bad argument #1 to 'take' (value too large"), message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(try lua.run("return 'still usable'"), ["still usable"])
    }

    func testCopiesAreChargedOnlyWhileTheCallRuns() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 64 << 20))
        final class Seen: @unchecked Sendable { var during = 0 }
        let seen = Seen()
        let box = UncheckedBox(lua)
        try lua.setGlobal("take", .function(LuaFunction("take") { call in
            _ = try call.value(1)
            seen.during = box.value.memoryUsed
            return []
        }))
        try lua.run("big = string.rep('x', 4 << 20)")
        lua.collectGarbage()
        let before = lua.memoryUsed
        try lua.run("take({big, big, big})")
        XCTAssertGreaterThan(seen.during, before + (12 << 20), "three copies of 4 MiB are charged during the call")
        lua.collectGarbage()
        XCTAssertLessThan(lua.memoryUsed, before + (1 << 20), "and given back after it")
    }

    func testDeepTablesAreAClearErrorNamingTheArgument() throws {
        let lua = try LuaState()
        try lua.setGlobal("take", .function(LuaFunction("take") { call in _ = try call.value(1); return [] }))
        XCTAssertThrowsError(try lua.run("local t = {} for i = 1, 300 do t = {t} end take(t)", chunkName: "@deep.lua")) { error in
            XCTAssertTrue((error as! LuaError).message.hasPrefix("deep.lua:1: bad argument #1 to 'take' (table nested more than 200 levels deep)"), "\(error)")
        }
        XCTAssertThrowsError(try lua.run("local t = {} t[1] = t take(t)", chunkName: "@cycle.lua")) { error in
            XCTAssertTrue((error as! LuaError).message.hasPrefix("cycle.lua:1: bad argument #1 to 'take' (a table that contains itself"), "\(error)")
        }
    }

    func testDescribeNeverCopiesTheValue() throws {
        let lua = try LuaState(limits: LuaLimits(memoryBytes: 16 << 20))
        try lua.setGlobal("show", .function(LuaFunction("show") { call in
            [.string(LuaString(bytes: try call.describe(1)))]
        }))
        let shown = try lua.run("local t = {} for i = 1, 40 do t = {t, t} end return show(t), show(setmetatable({}, {__tostring = function() return 'custom' end}))")
        XCTAssertTrue(shown.first?.stringValue?.hasPrefix("table: ") ?? false)
        XCTAssertEqual(shown.last, "custom")
        XCTAssertThrowsError(try lua.run("return show(setmetatable({}, {__tostring = function() return {} end}))"))
    }
}

/// Hands a value to a closure that Swift's checker cannot prove stays on one thread; the tests
/// use it only where the bridge documents thread safety (interrupt) or on the state's own thread.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

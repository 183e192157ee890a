import XCTest
@testable import LuaBridge

final class ValueRoundTripTests: XCTestCase {
    /// Passes a value into Lua as a global, reads it back, and checks Lua saw the type we meant.
    private func roundTrip(_ value: LuaValue, in lua: LuaState) throws -> LuaValue {
        try lua.setGlobal("v", value)
        return try lua.run("return v").first ?? .nil
    }

    func testScalarsKeepTheirTypes() throws {
        let lua = try LuaState()
        for value: LuaValue in [.nil, true, false, 0, 42, -7, .integer(Int64.max), .integer(Int64.min), 3.5, 1e300, -0.25] {
            XCTAssertEqual(try roundTrip(value, in: lua), value)
        }
        try lua.setGlobal("i", 3)
        try lua.setGlobal("f", 3.0)
        XCTAssertEqual(try lua.run("return math.type(i), math.type(f), i == f"), ["integer", "float", true])
        XCTAssertEqual(try lua.run("return 7 // 2, 7 / 2, 2^53"), [.integer(3), .number(3.5), .number(9007199254740992)])
    }

    func testStringsAreBytes() throws {
        let lua = try LuaState()
        let awkward: [UInt8] = [0x61, 0x00, 0x62, 0xFF, 0xFE, 0xC3, 0x28, 0x00]
        let value = LuaValue.string(LuaString(bytes: awkward))
        XCTAssertEqual(try roundTrip(value, in: lua), value)
        XCTAssertEqual(try lua.run("return #v, v:byte(2), v:byte(4)"), [8, 0, 255])
        XCTAssertEqual(try roundTrip("بوتين پوتین Путин 普京", in: lua), "بوتين پوتین Путин 普京")
        XCTAssertEqual(try lua.run("return utf8.len(v)"), [20])
        XCTAssertEqual(try lua.run("return 'a\\0b'").first, .string(LuaString(bytes: [0x61, 0, 0x62])))
    }

    /// A string shared with a Swift string (no copy on the Swift side) is the same value as its
    /// bytes, and a list made element by element reaches Lua as a plain table.
    func testSharedStringsAndListsAreOrdinaryValues() throws {
        let lua = try LuaState()
        let text = "Rais Putin alisema: «Tutaendelea.» بوتين"
        let shared = LuaString(sharing: text.dropFirst(5))
        XCTAssertEqual(shared, LuaString(String(text.dropFirst(5))))
        XCTAssertEqual(shared.hashValue, LuaString(String(text.dropFirst(5))).hashValue)
        XCTAssertEqual(shared.count, text.utf8.count - 5)
        XCTAssertEqual(try roundTrip(.string(shared), in: lua), .string(LuaString(String(text.dropFirst(5)))))
        var made: [Int] = []
        let list = LuaList(count: 3) { i in made.append(i); return i == 1 ? .string(shared) : .integer(Int64(i)) }
        try lua.setGlobal("v", .object(list))
        XCTAssertEqual(made, [0, 1, 2])
        XCTAssertEqual(try lua.run("return type(v), #v, v[1], v[2] == \"\(shared.string)\", v[3]"),
                       ["table", 3, 0, true, 2])
    }

    /// A string a host holds in pieces is the same value as its bytes joined; its pieces are
    /// handed over in order without joining them.
    func testAStringInPiecesIsTheSameValueAsItsBytes() throws {
        let lua = try LuaState()
        let parts: [Substring] = ["Rais Putin ", "alisema: «Tutaendelea.»", "", " بوتين"]
        let joined = parts.joined()
        let pieces = LuaString(count: joined.utf8.count, sharingPieces: { body in
            for part in parts {
                var part = part
                part.withUTF8(body)
            }
        })
        XCTAssertEqual(pieces, LuaString(joined))
        XCTAssertEqual(pieces.hashValue, LuaString(joined).hashValue)
        XCTAssertEqual(pieces.count, joined.utf8.count)
        XCTAssertEqual(pieces.string, joined)
        XCTAssertTrue(pieces.isKnownUTF8)
        var handed: [[UInt8]] = []
        pieces.forEachPiece { handed.append(Array($0)) }
        XCTAssertEqual(handed, parts.map { Array($0.utf8) })
        XCTAssertEqual(try roundTrip(.string(pieces), in: lua), .string(LuaString(joined)))
    }

    func testNestedTables() throws {
        let lua = try LuaState()
        var inner = LuaTable(array: [1, 2.5, "three"])
        inner["name"] = "Putin"
        var outer = LuaTable(array: [.table(inner), .table([])])
        outer["flag"] = true
        outer["nested"] = .table(["deeper": .table(["x": -1])])
        let back = try roundTrip(.table(outer), in: lua)
        XCTAssertEqual(back, .table(outer))
        XCTAssertEqual(try lua.run("return v[1][3], v[1].name, v.nested.deeper.x, #v"), ["three", "Putin", -1, 2])
    }

    func testTablesFromLua() throws {
        let lua = try LuaState()
        let result = try lua.run("return {10, 20, 30, n = 3, [2.5] = 'x', [true] = 'yes'}").first?.tableValue
        XCTAssertEqual(result?.array, [10, 20, 30])
        XCTAssertEqual(result?["n"], 3)
        XCTAssertEqual(result?.fields.count, 3)
        // A hole ends the sequence part; the rest become fields.
        let holes = try lua.run("return {1, 2, nil, 4}").first?.tableValue
        XCTAssertEqual(holes?.array, [1, 2])
        XCTAssertEqual(holes?.fields.first?.key, 4)
    }

    func testCyclicTableIsAnErrorNotAHang() throws {
        let lua = try LuaState()
        XCTAssertThrowsError(try lua.run("local t = {} t.self = t return t")) { error in
            XCTAssertEqual((error as? LuaError)?.kind, .conversion)
        }
    }

    func testFunctionsComeBackAsReferences() throws {
        let lua = try LuaState()
        guard case .reference(let double) = try lua.run("return function(x) return x * 2 end").first else {
            return XCTFail("expected a function reference")
        }
        XCTAssertEqual(double.typeName, "function")
        XCTAssertEqual(try lua.call(double, [21]), [42])
        XCTAssertEqual(try lua.call(double, [1.5]), [3.0])
    }
}

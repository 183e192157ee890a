import XCTest
@testable import LuaBridge

final class UserdataTests: XCTestCase {
    final class Person {
        nonisolated(unsafe) static var alive = 0
        let name: String
        let aliases: [String]
        init(name: String, aliases: [String]) { self.name = name; self.aliases = aliases; Person.alive += 1 }
        deinit { Person.alive -= 1 }
    }

    private func personClass() -> LuaClass<Person> {
        var cls = LuaClass<Person>("Person")
        cls.field("name") { LuaValue($0.name) }
        cls.field("aliases") { LuaValue($0.aliases) }
        cls.field("missing") { _ in .nil }
        cls.method("greet") { person, call in [LuaValue("\(try call.string(2)), \(person.name)")] }
        cls.length { $0.aliases.count }
        cls.description { "Person: \($0.name)" }
        return cls
    }

    func testFieldsMethodsLengthStringAndPairs() throws {
        let lua = try LuaState()
        try lua.register(personClass())
        try lua.setGlobal("p", .object(Person(name: "Vladimir Putin", aliases: ["Putin", "بوتين"])))
        XCTAssertEqual(try lua.run("return p.name, p.aliases[2], #p, tostring(p), p:greet('Hello')"),
                       ["Vladimir Putin", "بوتين", 2, "Person: Vladimir Putin", "Hello, Vladimir Putin"])
        XCTAssertEqual(try lua.run("local keys = {} for k, v in pairs(p) do keys[#keys + 1] = k end return table.concat(keys, ',')"),
                       ["name,aliases"])
        XCTAssertThrowsError(try lua.run("return p.nmae", chunkName: "@typo.lua")) { error in
            XCTAssertEqual((error as! LuaError).message, "typo.lua:1: Person has no field 'nmae' (it has: name, aliases, missing)")
        }
        XCTAssertThrowsError(try lua.run("return p.greet({}, 'x')")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("bad argument #1 to 'greet' (Person expected, got table)"))
        }
    }

    func testObjectsComeBackAsTheSameSwiftObject() throws {
        let lua = try LuaState()
        try lua.register(personClass())
        let person = Person(name: "Xi Jinping", aliases: [])
        try lua.setGlobal("p", .object(person))
        guard case .object(let back) = try lua.run("return p").first else { return XCTFail() }
        XCTAssertTrue(back === person)
    }

    func testUserdataIsCollectedAndReleasesTheSwiftObject() throws {
        let lua = try LuaState()
        try lua.register(personClass())
        let before = Person.alive
        try lua.setGlobal("make", .function(LuaFunction("make") { call in
            [.object(Person(name: try call.string(1), aliases: []))]
        }))
        try lua.run("for i = 1, 1000 do local p = make('n' .. i) assert(p.name == 'n' .. i) end")
        XCTAssertGreaterThan(Person.alive, before)
        lua.collectGarbage()
        XCTAssertEqual(Person.alive, before)
        try lua.run("keep = make('kept')")
        lua.collectGarbage()
        XCTAssertEqual(Person.alive, before + 1)
        try lua.setGlobal("keep", .nil)
        lua.collectGarbage()
        XCTAssertEqual(Person.alive, before)
    }

    func testClosingTheStateReleasesEverything() throws {
        let before = Person.alive
        do {
            let lua = try LuaState()
            try lua.register(personClass())
            try lua.setGlobal("a", .object(Person(name: "a", aliases: [])))
            try lua.setGlobal("f", .function(LuaFunction("f") { _ in [] }))
            XCTAssertEqual(Person.alive, before + 1)
        }
        XCTAssertEqual(Person.alive, before)
    }

    func testSwiftFunctionsWorkInsideCoroutines() throws {
        let lua = try LuaState()
        try lua.setGlobal("twice", .function(LuaFunction("twice") { call in [LuaValue(try call.integer(1) * 2)] }))
        let code = "local co = coroutine.wrap(function(a) local b = coroutine.yield(twice(a)) return twice(b) end) return co(2), co(10)"
        XCTAssertEqual(try lua.run(code), [4, 20])
    }
}

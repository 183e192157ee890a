import Foundation
import LuaBridge
import XCTest
@testable import Toolkit

/// `toolkit parse --format json` writes through `JSONPieces`, whose short cuts (eight bytes at a
/// time, integers without `String`, lazily named paths) must give `LuaJSONEncoder`'s bytes and
/// errors exactly: random values, strings of random bytes (controls, quotes, every length of
/// UTF-8 sequence, broken ones), pieces of every size.
final class JSONPiecesTests: XCTestCase {
    /// The toolkit's own generator (the graph layout's), so runs reproduce.
    private typealias SplitMix = SplitMix64

    /// Bytes that are mostly text, with what JSON escapes and what UTF-8 forbids now and then.
    private static func bytes(_ rng: inout SplitMix, valid: Bool) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("Putin ".utf8), Array("بوتين".utf8), Array("پوتین‌".utf8), Array("€".utf8),
            Array("😀".utf8), [0x22], [0x5C], [0x0A], [0x0D], [0x09], [0x00], [0x1F], [0x7F], [0x20], [0x2F],
            Array("\u{10FFFF}".utf8), Array("\u{FFFF}".utf8), Array("\u{E000}".utf8), Array("\u{D7FF}".utf8),
        ]
        let broken: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3, 0x28], [0xFE],
        ]
        var out: [UInt8] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            if !valid && Int.random(in: 0..<12, using: &rng) == 0 {
                out += broken.randomElement(using: &rng)!
            } else if Int.random(in: 0..<3, using: &rng) == 0 {
                out += Array(repeating: UInt8.random(in: 0x20...0x7E, using: &rng), count: Int.random(in: 1...20, using: &rng))
            } else {
                out += pieces.randomElement(using: &rng)!
            }
        }
        return out
    }

    private static func value(_ rng: inout SplitMix, depth: Int, valid: Bool) -> LuaValue {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 9), using: &rng) {
        case 0: return .string(LuaString(bytes: bytes(&rng, valid: valid)))
        case 1:
            // Shared text is valid UTF-8 by construction.
            let text = String(decoding: bytes(&rng, valid: true), as: UTF8.self)
            return .string(LuaString(sharing: Substring(text)))
        case 2: return .integer([Int64.min, Int64.max, 0, -1, 9, 10, -10].randomElement(using: &rng)!)
        case 3: return .integer(Int64.random(in: Int64.min...Int64.max, using: &rng) >> UInt64.random(in: 0...63, using: &rng))
        case 4: return .boolean(Bool.random(using: &rng))
        case 5: return .number([0.5, -3.25, 1e300, 3.0, 0.1].randomElement(using: &rng)!)
        case 6:
            return .table(LuaTable(array: (0..<Int.random(in: 0...4, using: &rng)).map { _ in value(&rng, depth: depth + 1, valid: valid) }))
        case 7:
            let count = Int.random(in: 0...4, using: &rng)
            return .object(LuaList(count: count) { _ in .integer(Int64(count)) })
        default:
            var fields: [(key: LuaValue, value: LuaValue)] = []
            for k in 0..<Int.random(in: 0...6, using: &rng) {
                let key: LuaValue = Int.random(in: 0..<5, using: &rng) == 0
                    ? .integer(Int64(k * 7 - 3)) : .string(LuaString(bytes: Array(bytes(&rng, valid: valid).prefix(8))))
                guard !fields.contains(where: { $0.key == key }) else { continue }
                fields.append((key, value(&rng, depth: depth + 1, valid: valid)))
            }
            let array = (0..<Int.random(in: 0...2, using: &rng)).map { _ in value(&rng, depth: depth + 1, valid: valid) }
            return .table(LuaTable(array: array, fields: fields))
        }
    }

    /// The value as the encoder takes it: a list is the table Lua would receive.
    private static func plain(_ value: LuaValue) throws -> LuaValue {
        switch value {
        case .object(let list as LuaList): return .table(LuaTable(array: try (0..<list.count).map { try plain(list.value(at: $0)) }))
        case .table(let t):
            return .table(LuaTable(array: try t.array.map(plain), fields: try t.fields.map { ($0.key, try plain($0.value)) }))
        default: return value
        }
    }

    private static func pieces(_ value: LuaValue, emptyAsObject: Bool, pieceSize: Int) -> (bytes: [UInt8], pieces: [[UInt8]], error: String?) {
        var pieces: [[UInt8]] = []
        var out = JSONPieces(sink: { pieces.append($0) }, pieceSize: pieceSize)
        do {
            try out.value(value, emptyAsObject: emptyAsObject, path: "value")
        } catch {
            return ([], [], (error as? LuaJSONEncoder.Problem)?.message ?? "\(error)")
        }
        out.flush()
        return (pieces.flatMap { $0 }, pieces, nil)
    }

    func testRandomValuesAreTheEncodersBytesAndErrors() throws {
        var rng = SplitMix(seed: 13)
        var failures = 0, written = 0
        for round in 0..<4_000 {
            let valid = round % 3 != 0
            let value = Self.value(&rng, depth: 0, valid: valid)
            let emptyAsObject = Bool.random(using: &rng)
            let expected: Result<[UInt8], LuaJSONEncoder.Problem> = Result {
                try LuaJSONEncoder(sortKeys: true, emptyAsObject: emptyAsObject).encode(try Self.plain(value))
            }.mapError { $0 as! LuaJSONEncoder.Problem }
            for pieceSize in [Int.max, 1 << 16, 5] {
                let got = Self.pieces(value, emptyAsObject: emptyAsObject, pieceSize: pieceSize)
                switch expected {
                case .success(let bytes):
                    XCTAssertNil(got.error)
                    XCTAssertEqual(got.bytes, bytes, "round \(round), pieces of \(pieceSize)")
                    if got.bytes != bytes { failures += 1 }
                    written += 1
                case .failure(let problem):
                    XCTAssertEqual(got.error, problem.message, "round \(round)")
                }
                if failures > 3 { return }
            }
        }
        XCTAssertGreaterThan(written, 6_000)
    }

    /// A piece handed on never ends inside a character, however small the pieces.
    func testPiecesEndAtCharacterBoundaries() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<500 {
            let text = String(decoding: Self.bytes(&rng, valid: true), as: UTF8.self)
            let value = LuaValue.table(LuaTable(array: [.string(LuaString(sharing: Substring(text))), .string(LuaString(text))]))
            for pieceSize in [1, 3, 8] {
                let got = Self.pieces(value, emptyAsObject: false, pieceSize: pieceSize)
                for piece in got.pieces { XCTAssertNotNil(String(validating: piece, as: UTF8.self)) }
            }
        }
    }

    func testUTF8CheckIsStringValidating() {
        var rng = SplitMix(seed: 42)
        for round in 0..<20_000 {
            var bytes = Self.bytes(&rng, valid: round % 2 == 0)
            if round % 5 == 0 { bytes += (0..<Int.random(in: 0...6, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer(JSONStringBytes.isValidUTF8), expected, "\(bytes)")
        }
        // Every two-byte and three-byte start against the reference.
        for a in 0...255 {
            for b in stride(from: 0, through: 255, by: 1) {
                for tail in [[], [0x80], [0xBF, 0x80], [0x41]] as [[UInt8]] {
                    let bytes = [UInt8(a), UInt8(b)] + tail
                    XCTAssertEqual(bytes.withUnsafeBufferPointer(JSONStringBytes.isValidUTF8),
                                   String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
                }
            }
        }
    }

    func testEscapeScanFindsWhatTheByteLoopFinds() {
        var rng = SplitMix(seed: 99)
        func plain(_ b: [UInt8], from: Int) -> Int {
            var i = from
            while i < b.count && !(b[i] < 0x20 || b[i] == 0x22 || b[i] == 0x5C || b[i] == 0x7F) { i += 1 }
            return i
        }
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Int.random(in: 0..<4, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng) : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            let from = Int.random(in: 0...bytes.count, using: &rng)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { JSONStringBytes.firstEscape($0, from: from) }, plain(bytes, from: from), "\(bytes)")
        }
        // Every byte value in every lane of a word.
        for byte in 0...255 {
            for lane in 0..<8 {
                var word = [UInt8](repeating: 0x61, count: 8)
                word[lane] = UInt8(byte)
                XCTAssertEqual(word.withUnsafeBufferPointer { JSONStringBytes.firstEscape($0, from: 0) }, plain(word, from: 0))
            }
        }
    }
}

extension SplitMix64: RandomNumberGenerator {}

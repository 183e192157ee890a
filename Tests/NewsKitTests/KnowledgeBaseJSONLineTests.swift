import Foundation
import XCTest
@testable import NewsKit

/// The knowledge-base line reader for the usual shape against the general reader
/// (`JSONSerialization` and the loader's checks): every line of the bundled knowledge bases, and
/// made-up lines at the edges of the shape, read to the same profile, byte for byte, or left to
/// the general reader.
final class KnowledgeBaseJSONLineTests: XCTestCase {
    static func bytes(_ p: EntityProfile) -> [[UInt8]] {
        var fields = [p.id, p.kind, p.name].map { Array($0.utf8) }
        for v in p.variants {
            fields += [v.text, v.lang ?? "-", v.script, v.short ? "short" : "long", v.form ?? "-"].map { Array($0.utf8) }
        }
        for (key, value) in p.attrs.sorted(by: { $0.key < $1.key }) { fields += [Array(key.utf8), Array(value.utf8)] }
        return fields
    }

    /// Whether the fast reader agrees with the general one on `line`; nil when it leaves the line.
    @discardableResult
    func check(_ line: String, file: StaticString = #filePath, sourceLine: UInt = #line) -> Bool? {
        let general = try? KnowledgeBaseLoader.generalProfile(line, path: "t.jsonl", line: 1)
        guard let fast = KnowledgeBaseJSONLine.profile(line) else { return nil }
        XCTAssertNotNil(general, "the fast reader took a line the loader refuses: \(line)", file: file, line: sourceLine)
        if let general {
            XCTAssertEqual(fast, general, line, file: file, line: sourceLine)
            XCTAssertEqual(Self.bytes(fast), Self.bytes(general), line, file: file, line: sourceLine)
        }
        return true
    }

    func testBundledKnowledgeBaseLinesReadAsTheGeneralReaderReadsThem() throws {
        let plugins = SharedTestData.repoRoot.appendingPathComponent("Plugins")
        var read = 0, lines = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: plugins.path) {
            let kb = plugins.appendingPathComponent(folder).appendingPathComponent("kb")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: kb.path)) ?? [] where name.hasSuffix(".jsonl") {
                let text = try String(contentsOf: kb.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    lines += 1
                    if check(String(line)) == true { read += 1 }
                }
            }
        }
        XCTAssertGreaterThan(lines, 1000)
        XCTAssertEqual(read, lines, "every bundled line has the usual shape")
    }

    func testLinesAtTheEdgesOfTheShape() {
        let taken = [
            #"{"id":"p/a","kind":"person","name":"A"}"#,
            #" { "id" : "p/a" , "kind":"person", "name":" A\t", "variants" : [ ] , "attrs" : { } } "#,
            #"{"id":"p/a","kind":"person","name":"A","variants":["Ab",{"text":"أ","lang":"ar","short":true},{"text":"b","short":false,"form":"adjective","script":""}]}"#,
            #"{"id":"p/\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t","kind":"person","name":"A","attrs":{"k":"v","e":""}}"#,
            #"{"id":"p/a","kind":"person","name":"A","variants":[{"text":" x ","lang":""}]}"#,
        ]
        for line in taken { XCTAssertEqual(check(line), true, line) }
        let left = [
            #"{"id":"p/a","kind":"person","name":"A","attrs":{"n":3}}"#,
            #"{"id":"p/a","kind":"person","name":"A","attrs":{"n":null}}"#,
            #"{"id":"p/a","kind":"person","name":"A","variants":null}"#,
            #"{"id":"p/a","kind":"person","name":"A","extra":1}"#,
            #"{"id":"p/a","id":"p/b","kind":"person","name":"A"}"#,
            #"{"id":"p/a","kind":"person","name":"  "}"#,
            #"{"id":"p/a","kind":"person"}"#,
            #"{"id":"p/a","kind":"person","name":"A",}"#,
            #"{"id":"p/a","kind":"person","name":"A"} x"#,
            #"{"id":"p/\ud800","kind":"person","name":"A"}"#,
            "{\"id\":\"\u{FEFF}p/a\",\"kind\":\"person\",\"name\":\"A\"}",
            #"{"id":"p/a","kind":"person","name":"A","variants":[" "]}"#,
            #"{"id":"p/a","kind":"person","name":"A","variants":[{"lang":"en"}]}"#,
            #"{"id":"p/a","kind":"person","name":"A","variants":[{"text":"a","short":1}]}"#,
            #"{"id":"p/a","kind":"person","name":"A","variants":[{"text":"a","x":"y"}]}"#,
            "{\"id\":\"p/a\u{1}\",\"kind\":\"person\",\"name\":\"A\"}",
            #"["id"]"#, #"{"#, "",
        ]
        for line in left { XCTAssertNil(check(line), line) }
        // Taken or left, never read otherwise than the general reader reads it.
        check(#"{"id":"p/\u0000","kind":"person","name":"A"}"#)
    }
}

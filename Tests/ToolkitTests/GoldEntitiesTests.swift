import Foundation
import XCTest

/// `toolkit entities seeds/` against ../shared/gold/seeds.json (a fixture outside the repository;
/// skipped when absent): every gold entity found with its kind and name, precision at least 0.95,
/// and the gold amounts.
final class GoldEntitiesTests: ToolkitProcessTestCase {
    /// Mentions a careful reader accepts although the gold does not list them (the gold lists what
    /// must be found, not everything that may be). Each was checked by reading the seed.
    static let alsoAccepted: Set<String> = [
        "000 place Europe",             // "mabara ya Ulaya na Asia": the continents
        "000 place Asia",
        "000 place Western countries",  // "nchi za Magharibi"
        "004 place Western countries",
    ]

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func testEntitiesAgreeWithGold() throws {
        let goldURL = ToolkitProcessTestCase.repo.deletingLastPathComponent().appendingPathComponent("shared/gold/seeds.json")
        guard let goldData = try? Data(contentsOf: goldURL) else { throw XCTSkip("../shared/gold/seeds.json is absent") }
        let gold = try XCTUnwrap((try JSONSerialization.jsonObject(with: goldData) as? [String: Any])?["articles"] as? [String: [String: Any]])
        let result = try toolkit(["entities", "seeds/", "--format", "jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let mentions = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        var correct = 0, judged = 0
        var wrong: [String] = []
        for (file, expected) in gold.sorted(by: { $0.key < $1.key }) {
            let seed = String(file.prefix(3))
            let ours = mentions.filter { ($0["path"] as? String)?.hasSuffix(file) == true }
            let entities = try XCTUnwrap(expected["entities"] as? [String: [String]])
            var accepted = Set<String>()
            for (kind, names) in entities {
                for alternatives in names {
                    let options = alternatives.split(separator: "|").map { Self.fold(String($0)) }
                    options.forEach { accepted.insert("\(kind) \($0)") }
                    let found = ours.contains { m in
                        m["kind"] as? String == kind
                            && (options.contains(Self.fold(m["name"] as? String ?? "")) || options.contains(Self.fold(m["text"] as? String ?? "")))
                    }
                    XCTAssertTrue(found, "\(file): \(kind) \(alternatives) not found")
                }
            }
            // Precision over people, organisations and places in the title, lede and body.
            for m in ours {
                guard let kind = m["kind"] as? String, ["person", "org", "place"].contains(kind),
                      ["text", "title"].contains(m["section"] as? String ?? "") else { continue }
                judged += 1
                let name = m["name"] as? String ?? "", text = m["text"] as? String ?? ""
                if accepted.contains("\(kind) \(Self.fold(name))") || accepted.contains("\(kind) \(Self.fold(text))")
                    || Self.alsoAccepted.contains("\(seed) \(kind) \(name)")
                {
                    correct += 1
                } else {
                    wrong.append("\(seed) \(kind) \(name) «\(text)»")
                }
            }
            for amount in (expected["amounts"] as? [[String: Any]]) ?? [] {
                let text = try XCTUnwrap(amount["text"] as? String)
                let value = try XCTUnwrap(amount["value"] as? Double)
                XCTAssertTrue(ours.contains { m in
                    m["text"] as? String == text && m["number"] as? Double == value && m["unit"] as? String == amount["unit"] as? String
                }, "\(file): amount \(text) not found")
            }
        }
        let precision = Double(correct) / Double(max(judged, 1))
        XCTAssertGreaterThanOrEqual(precision, 0.95, "precision \(correct)/\(judged); not accepted: \(wrong)")
        print("gold entity precision: \(correct)/\(judged) = \(precision); not accepted: \(wrong)")
    }
}

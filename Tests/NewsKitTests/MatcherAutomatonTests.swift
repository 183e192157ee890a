import XCTest
@testable import NewsKit

/// The automaton against a naive search: every occurrence, overlapping ones included, on short
/// texts (one scan) and long ones (four interleaved scans), with small and large dense tables.
final class MatcherAutomatonTests: XCTestCase {
    private func naive(_ patterns: [[UInt8]], _ text: [UInt8]) -> [String] {
        var result: [String] = []
        for (p, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= text.count {
            for start in 0...(text.count - pattern.count) where text[start..<start + pattern.count].elementsEqual(pattern) {
                result.append("\(start + pattern.count):\(p)")
            }
        }
        return result.sorted()
    }

    private func automatonOccurrences(_ automaton: AhoCorasickAutomaton, _ text: [UInt8]) -> [String] {
        text.withUnsafeBufferPointer { automaton.occurrences(in: $0) }.map { "\($0.end):\($0.pattern)" }.sorted()
    }

    func testAgreesWithNaiveSearch() {
        var rng = FoldingPropertyTests.SplitMix(state: 5)
        let alphabet = ["a", "b", " ", "ب", "ی", "习"].map { Array($0.utf8) }
        func random(_ length: Int) -> [UInt8] { (0..<length).flatMap { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] } }
        for round in 0..<6 {
            var patterns = (0..<40).map { _ in random(Int(rng.next() % 6) + 1) }
            patterns.append(patterns[0])  // duplicates report twice
            patterns.append([])  // empty patterns never match
            let textLength = round % 2 == 0 ? 150 : 2500
            let text = random(textLength)
            for budget in [0, 256, 1 << 20] {
                let automaton = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: budget)
                XCTAssertEqual(automatonOccurrences(automaton, text), naive(patterns, text), "round \(round) budget \(budget)")
                let count = text.withUnsafeBufferPointer { automaton.countMatches(in: $0) }
                XCTAssertEqual(count, naive(patterns, text).count)
            }
        }
    }

    func testMatchesAcrossTheQuarterBoundaries() {
        let pattern = Array("boundary".utf8)
        for length in [4096, 5000, 10_001] {
            for at in [length / 4 - 4, length / 2 - 3, length - length / 4 - 1, length - pattern.count] {
                var text = [UInt8](repeating: 0x20, count: length)
                text.replaceSubrange(at..<at + pattern.count, with: pattern)
                let automaton = AhoCorasickAutomaton(patterns: [pattern, Array("dary".utf8)])
                XCTAssertEqual(automatonOccurrences(automaton, text), ["\(at + 8):0", "\(at + 8):1"], "length \(length) at \(at)")
            }
        }
    }

    func testCompiledOncePerKnowledgeBase() {
        let kb = MatcherTests.fixture
        let first = EntityMatcher(knowledgeBase: kb)
        let second = EntityMatcher(knowledgeBase: kb, titles: TitleWords())
        XCTAssertTrue(first.automaton.storage === second.automaton.storage)
        let extended = kb.adding([EntityProfile(id: "place/tashkent", kind: "place", name: "Tashkent")])
        XCTAssertFalse(EntityMatcher(knowledgeBase: extended).automaton.storage === first.automaton.storage)
        XCTAssertEqual(EntityMatcher(knowledgeBase: extended).matches(in: "in Tashkent").map(\.profileID), ["place/tashkent"])
    }

    func testBytesThatAreNotUTF8StayInsideTheTables() {
        let automaton = EntityMatcher(knowledgeBase: MatcherTests.fixture).automaton
        let small = AhoCorasickAutomaton(patterns: EntityMatcher(knowledgeBase: MatcherTests.fixture).foldedPatterns,
                                         denseTableBudget: 0)
        var rng = FoldingPropertyTests.SplitMix(state: 3)
        let noise = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        _ = noise.withUnsafeBufferPointer { automaton.countMatches(in: $0) }
        _ = noise.withUnsafeBufferPointer { small.countMatches(in: $0) }
    }

    func testDenseTableSize() {
        let automaton = EntityMatcher(knowledgeBase: MatcherTests.fixture).automaton
        XCTAssertGreaterThan(automaton.stateCount, automaton.patternCount)
        XCTAssertEqual(automaton.denseStateCount, automaton.stateCount, "a small KB is all dense")
    }
}

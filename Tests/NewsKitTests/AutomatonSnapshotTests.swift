import Foundation
import XCTest
@testable import NewsKit

/// Automata kept on disk (`AutomatonSnapshots`): what is read back is the automaton that was
/// built, and nothing but a whole snapshot of the same patterns, budget and build is ever used.
final class AutomatonSnapshotTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func randomPatterns(seed: UInt64, count: Int = 300) -> [[UInt8]] {
        var rng = FoldingPropertyTests.SplitMix(state: seed)
        let alphabet = ["a", "b", "c", " ", "ب", "ی", "ت", "习", "é"].map { Array($0.utf8) }
        return (0..<count).map { _ in (0..<Int(rng.next() % 7 + 1)).flatMap { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] } }
    }

    private func randomText(seed: UInt64, length: Int) -> [UInt8] {
        var rng = FoldingPropertyTests.SplitMix(state: seed)
        let alphabet = ["a", "b", "c", " ", "ب", "ی", "ت", "习", "é", "x"].map { Array($0.utf8) }
        return (0..<length).flatMap { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    private func occurrences(_ automaton: AhoCorasickAutomaton, _ text: [UInt8]) -> [String] {
        text.withUnsafeBufferPointer { automaton.occurrences(in: $0) }.map { "\($0.end):\($0.pattern)" }.sorted()
    }

    private func assertSameTables(_ a: AutomatonStorage, _ b: AutomatonStorage, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual([a.patternCount, a.stateCount, a.denseCount, a.classCount, a.midWidth, Int(a.denseLimit), a.denseTableWords, a.sparseWords, a.maxPatternLength],
                       [b.patternCount, b.stateCount, b.denseCount, b.classCount, b.midWidth, Int(b.denseLimit), b.denseTableWords, b.sparseWords, b.maxPatternLength],
                       file: file, line: line)
        XCTAssertTrue(UnsafeBufferPointer(start: a.classOf, count: 256).elementsEqual(UnsafeBufferPointer(start: b.classOf, count: 256)), file: file, line: line)
        XCTAssertTrue(UnsafeBufferPointer(start: a.dense, count: a.denseTableWords).elementsEqual(UnsafeBufferPointer(start: b.dense, count: b.denseTableWords)), file: file, line: line)
        XCTAssertTrue(UnsafeBufferPointer(start: a.sparse, count: a.sparseWords).elementsEqual(UnsafeBufferPointer(start: b.sparse, count: b.sparseWords)), file: file, line: line)
        XCTAssertEqual(a.outputStart, b.outputStart, file: file, line: line)
        XCTAssertEqual(a.outputPatterns, b.outputPatterns, file: file, line: line)
        XCTAssertEqual(a.outputLink, b.outputLink, file: file, line: line)
        XCTAssertEqual(a.matchCount, b.matchCount, file: file, line: line)
        XCTAssertEqual(a.patternLengths, b.patternLengths, file: file, line: line)
    }

    func testASnapshotReadsBackAsTheBuiltTables() {
        for (seed, budget) in [(UInt64(1), 0), (2, 4096), (3, 8 << 20)] {
            let patterns = randomPatterns(seed: seed)
            let built = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: budget)
            let key = ContentDigest("key \(seed)")
            let bytes = built.storage.snapshot(key: key)
            guard let read = bytes.withUnsafeBytes({ AutomatonStorage(snapshot: $0, key: key) }) else {
                return XCTFail("seed \(seed): the snapshot does not read back")
            }
            assertSameTables(built.storage, read)
            let text = randomText(seed: seed + 100, length: 3000)
            XCTAssertEqual(occurrences(AhoCorasickAutomaton(storage: read), text), occurrences(built, text), "seed \(seed)")
        }
    }

    func testOnlyAWholeSnapshotOfTheSameKeyIsRead() {
        let built = AhoCorasickAutomaton(patterns: randomPatterns(seed: 7))
        let key = ContentDigest("key")
        let bytes = built.storage.snapshot(key: key)
        func reads(_ bytes: [UInt8], _ key: ContentDigest) -> Bool {
            bytes.withUnsafeBytes { AutomatonStorage(snapshot: $0, key: key) } != nil
        }
        XCTAssertTrue(reads(bytes, key))
        XCTAssertFalse(reads(bytes, ContentDigest("another key")), "another key")
        XCTAssertFalse(reads([], key), "empty")
        XCTAssertFalse(reads(Array(bytes.dropLast()), key), "truncated by a byte")
        XCTAssertFalse(reads(Array(bytes.prefix(bytes.count / 2)), key), "truncated by half")
        XCTAssertFalse(reads(bytes + [0], key), "a byte too many")
        var rng = FoldingPropertyTests.SplitMix(state: 11)
        for _ in 0..<40 {
            var damaged = bytes
            let at = Int(rng.next() % UInt64(bytes.count))
            damaged[at] ^= UInt8(1 << (rng.next() % 8))
            XCTAssertFalse(reads(damaged, key), "a bit flipped at \(at) of \(bytes.count)")
        }
    }

    func testTheStoreKeysByPatternsBudgetAndSalt() throws {
        let store = AutomatonSnapshots(folder: try folder(), salt: "build 1")
        let patterns = randomPatterns(seed: 21)
        let key = store.key(patterns: patterns, denseTableBudget: 4096)
        var changed = patterns
        changed[5].append(0x61)
        XCTAssertNotEqual(store.key(patterns: changed, denseTableBudget: 4096), key, "a pattern changed")
        XCTAssertNotEqual(store.key(patterns: patterns + [[]], denseTableBudget: 4096), key, "a pattern added")
        XCTAssertNotEqual(store.key(patterns: patterns, denseTableBudget: 8192), key, "another budget")
        XCTAssertNotEqual(AutomatonSnapshots(folder: store.folder, salt: "build 2").key(patterns: patterns, denseTableBudget: 4096), key, "another build")
        // Patterns are told apart, not just their concatenation.
        XCTAssertNotEqual(store.key(patterns: [[0x61, 0x62], [0x63]], denseTableBudget: 0), store.key(patterns: [[0x61], [0x62, 0x63]], denseTableBudget: 0))
    }

    func testTheFirstProcessBuildsAndStoresTheNextReads() throws {
        let store = AutomatonSnapshots(folder: try folder(), salt: "build")
        let patterns = randomPatterns(seed: 31)
        let first = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store)
        let key = store.key(patterns: patterns, denseTableBudget: 4096)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.file(for: key).path), "stored")
        let second = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store)
        XCTAssertFalse(first.storage === second.storage)
        assertSameTables(first.storage, second.storage)
        let text = randomText(seed: 32, length: 5000)
        XCTAssertEqual(occurrences(second, text), occurrences(first, text))
    }

    func testADamagedFileIsBuiltAgainAndReplaced() throws {
        let store = AutomatonSnapshots(folder: try folder(), salt: "build")
        let patterns = randomPatterns(seed: 41)
        let plain = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096)
        _ = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store)
        let file = store.file(for: store.key(patterns: patterns, denseTableBudget: 4096))
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: file)
        XCTAssertNil(store.load(store.key(patterns: patterns, denseTableBudget: 4096)), "the damaged file is not read")
        let rebuilt = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store)
        assertSameTables(rebuilt.storage, plain.storage)
        XCTAssertNotNil(store.load(store.key(patterns: patterns, denseTableBudget: 4096)), "replaced by a whole one")
        try Data("not a snapshot".utf8).write(to: file)
        assertSameTables(AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store).storage, plain.storage)
    }

    func testAFolderThatCannotBeWrittenOnlyCostsTheBuild() throws {
        let blocker = try folder()
        try Data("a file where the folder would be".utf8).write(to: blocker)
        let store = AutomatonSnapshots(folder: blocker.appendingPathComponent("compiled"), salt: "build")
        let patterns = randomPatterns(seed: 51)
        let automaton = AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096, snapshots: store)
        assertSameTables(automaton.storage, AhoCorasickAutomaton(patterns: patterns, denseTableBudget: 4096).storage)
    }

    func testOnlyTheNewestSnapshotsAreKept() throws {
        let store = AutomatonSnapshots(folder: try folder(), salt: "build", kept: 2)
        for seed in UInt64(60)..<UInt64(64) {
            _ = AhoCorasickAutomaton(patterns: randomPatterns(seed: seed, count: 20), denseTableBudget: 0, snapshots: store)
            // Modification times a second apart at least, so that "oldest" is well defined.
            let file = store.file(for: store.key(patterns: randomPatterns(seed: seed, count: 20), denseTableBudget: 0))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(seed) - 100)], ofItemAtPath: file.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).sorted()
        let expected = (UInt64(62)..<UInt64(64)).map { store.file(for: store.key(patterns: randomPatterns(seed: $0, count: 20), denseTableBudget: 0)).lastPathComponent }.sorted()
        XCTAssertEqual(names, expected)
    }

    func testAKnowledgeBaseMatchesTheSameFromASnapshotAndPassesItOn() throws {
        let store = AutomatonSnapshots(folder: try folder(), salt: "build")
        let text = "Vladimir Putin met Xi Jinping in Tashkent; بوتين وشي جين بينغ في طشقند."
        let plain = EntityMatcher(knowledgeBase: MatcherTests.fixture).matches(in: text).map { "\($0.utf8Range) \($0.profileID)" }
        for _ in 0..<2 {
            let kb = MatcherTests.fixture.adding([])
            kb.automatonSnapshots = store
            XCTAssertEqual(EntityMatcher(knowledgeBase: kb).matches(in: text).map { "\($0.utf8Range) \($0.profileID)" }, plain)
            XCTAssertEqual(kb.adding([]).automatonSnapshots?.folder, store.folder, "adding keeps the store")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.folder.path).filter { $0.hasSuffix(".automaton") }.count, 1)
    }
}

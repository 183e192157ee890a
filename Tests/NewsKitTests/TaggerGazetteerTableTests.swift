import Foundation
import XCTest
@testable import NewsKit

/// The tagger's gazetteer is an open-addressed table of word hashes, not a `Dictionary`: it must
/// answer what the dictionary it is made from answers, for the words it holds (neighbouring
/// hashes included, so that probes run into each other) and for random others.
final class TaggerGazetteerTableTests: XCTestCase {
    private typealias SplitMix = FoldingPropertyTests.SplitMix

    func testGazetteerTableAnswersAsTheDictionary() {
        var rng = SplitMix(state: 3)
        for size in [0, 1, 2, 7, 8, 9, 100, 5_000] {
            var masks: [UInt64: UInt8] = [:]
            while masks.count < size {
                // Near neighbours as well as random hashes, so that probes run into each other.
                let hash = Bool.random(using: &rng) ? UInt64.random(in: 0...UInt64.max, using: &rng) : UInt64(masks.count)
                masks[hash] = UInt8.random(in: 1...63, using: &rng)
            }
            let table = TaggerGazetteer(masks: masks)
            XCTAssertEqual(table.wordCount, masks.count)
            for (hash, mask) in masks { XCTAssertEqual(table.mask(of: hash), mask) }
            for _ in 0..<2_000 {
                let hash = Bool.random(using: &rng) ? UInt64.random(in: 0...UInt64.max, using: &rng) : UInt64.random(in: 0...20_000, using: &rng)
                XCTAssertEqual(table.mask(of: hash), masks[hash] ?? 0)
            }
        }
        XCTAssertEqual(TaggerGazetteer.empty.mask(of: 0), 0)
    }
}

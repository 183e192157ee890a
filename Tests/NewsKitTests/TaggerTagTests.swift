import Foundation
import XCTest
@testable import NewsKit

/// `TaggerModel.tag` fills its tables of feature rows and emissions without zeroing them first:
/// every entry must still be written before it is read. On a random model and random text, the
/// tags and margins are those of the plain computation: each token's emission is the sum of its
/// feature rows' 8-bit weights times the scale, decoded by the full Viterbi loop.
final class TaggerTagTests: XCTestCase {
    private typealias SplitMix = FoldingPropertyTests.SplitMix

    func testTagsAndMarginsAreThePlainComputation() throws {
        var rng = SplitMix(state: 17)
        let T = TaggerLabel.count, F = TaggerFeatures.count, bits = 8
        let weights = (0..<((1 << bits) * T)).map { _ in Float.random(in: -2...2, using: &rng) }
        let transitions = (0..<((T + 1) * T)).map { _ in Float.random(in: -1...1, using: &rng) }
        let model = try TaggerModel(data: TaggerModel.encode(language: "xx", bits: bits, weights: weights, transitions: transitions))
        let quantised = TaggerModel.encode(language: "xx", bits: bits, weights: weights, transitions: transitions)
            .subdata(in: TaggerModel.weightsOffset..<(TaggerModel.weightsOffset + (1 << bits) * T)).map { Int8(bitPattern: $0) }
        let words = ["Rais", "Ruto", "alisema", "بوتين", "الرئيس", "، ", "1,200", "Kenya's", "پوتین", "\n", "-"]
        for _ in 0..<300 {
            var text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let tokens = text.withUTF8 { TaggerTokenizer.tokens(in: $0, gazetteer: .empty) }
            var tags: [Int] = [], margins: [Float] = []
            tokens.withUnsafeBufferPointer { model.tag($0, tags: &tags, margins: &margins) }

            var emissions: [Float] = []
            var rows = [UInt32](repeating: 0, count: F)
            tokens.withUnsafeBufferPointer { tokens in
                for i in 0..<tokens.count {
                    rows.withUnsafeMutableBufferPointer { TaggerFeatures.rows(at: i, of: tokens, bits: bits, into: $0.baseAddress!) }
                    for t in 0..<T {
                        var sum: Int16 = 0
                        for row in rows { sum &+= Int16(quantised[Int(row) * T + t]) }
                        emissions.append(Float(sum) * model.scale)
                    }
                }
            }
            var expected: [Int] = []
            emissions.withUnsafeBufferPointer {
                TaggerViterbi.decode(emissions: $0, count: tokens.count, transitions: model.transitions, into: &expected)
            }
            XCTAssertEqual(tags, expected, text)
            XCTAssertEqual(margins, (0..<tokens.count).map { i in
                let others = (0..<T).filter { $0 != expected[i] }.map { emissions[i * T + $0] }
                return emissions[i * T + expected[i]] - (others.max() ?? -.infinity)
            }, text)
        }
    }
}

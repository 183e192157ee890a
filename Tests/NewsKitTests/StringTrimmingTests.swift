import Foundation
import XCTest
@testable import NewsKit

/// `trimming` must trim exactly as Foundation's `trimmingCharacters(in:)`, which it replaces.
final class StringTrimmingTests: XCTestCase {
    func testTrimsAsFoundationDoes() {
        let samples = ["", " ", "\t \u{A0}", "plain", "  both ends\t", "\u{A0}بوتين\u{2009}", "\nline\n", " \u{301}mark ",
                       "e\u{301} ", "\u{3000}全角\u{3000}", " {\"id\": \"x\"} \r\n", "\u{200B}zero-width\u{200B}"]
        for sample in samples {
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                XCTAssertEqual(sample.trimming(set), sample.trimmingCharacters(in: set), sample.debugDescription)
                XCTAssertEqual(sample.dropFirst(0).trimming(set), sample.trimmingCharacters(in: set))
            }
        }
    }
}

import Foundation
import _FoundationICU

/// An ICU regular expression matched over UTF-8 bytes: ICU reads the bytes in place through a
/// UText, so match positions are byte offsets (what `string.sub` takes) with no UTF-16 copy.
/// ICU stops a match that backtracks past `stepLimit` steps (about a millisecond each), so a
/// pattern like `(a+)+$` ends with an error instead of hanging the run.
final class ICURegex {
    struct Failure: Error {
        var message: String
    }

    /// Byte ranges (0-based, half-open) of the whole match and of each group; nil for a group that
    /// did not take part.
    typealias Match = [Range<Int>?]

    static let stepLimit: Int32 = 4_000

    private let handle: OpaquePointer
    let groupCount: Int

    init(_ pattern: String) throws(Failure) {
        var status = U_ZERO_ERROR
        var parse = UParseError()
        let units = Array(pattern.utf16)
        guard let handle = swift_uregex_open(units, Int32(units.count), 0, &parse, &status), status.rawValue <= 0 else {
            let place = parse.offset >= 0 ? " at character \(parse.offset + 1)" : ""
            throw Failure(message: "invalid pattern \"\(pattern)\"\(place): \(ICURegex.describe(status))")
        }
        self.handle = handle
        swift_uregex_setTimeLimit(handle, ICURegex.stepLimit, &status)
        groupCount = Int(swift_uregex_groupCount(handle, &status))
    }

    deinit { swift_uregex_close(handle) }

    /// Matches from byte `start` on, at most `limit` of them (nil: all).
    func matches(in bytes: [UInt8], from start: Int = 0, limit: Int? = nil) throws(Failure) -> [Match] {
        var found: [Match] = []
        var status = U_ZERO_ERROR
        // An empty array has no storage; ICU wants a valid pointer even for length 0.
        let storage = bytes.isEmpty ? [0] : bytes
        let result: Result<Void, Failure> = storage.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // ICU keeps a shallow clone of the UText: the next call sets new text before any read.
                let text = swift_utext_openUTF8(nil, chars.baseAddress, Int64(bytes.count), &status)
                defer { swift_utext_close(text) }
                swift_uregex_setUText(handle, text, &status)
                guard status.rawValue <= 0 else { return .failure(Failure(message: ICURegex.describe(status))) }
                var first = true
                while limit.map({ found.count < $0 }) ?? true {
                    let hit = first ? swift_uregex_find64(handle, Int64(start), &status) : swift_uregex_findNext(handle, &status)
                    first = false
                    guard status.rawValue <= 0 else { return .failure(Failure(message: ICURegex.describe(status))) }
                    guard hit != 0 else { break }
                    var match: Match = []
                    for group in 0...groupCount {
                        let from = swift_uregex_start64(handle, Int32(group), &status)
                        let to = swift_uregex_end64(handle, Int32(group), &status)
                        match.append(from < 0 ? nil : Int(from)..<Int(to))
                    }
                    found.append(match)
                }
                return .success(())
            }
        }
        try result.get()
        return found
    }

    /// ICU's error name made readable: U_REGEX_MISMATCHED_PAREN -> "mismatched paren (U_REGEX_MISMATCHED_PAREN)".
    static func describe(_ status: UErrorCode) -> String {
        if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW {
            return "the match was stopped after about \(stepLimit / 1000) seconds of backtracking (a pattern such as (a+)+ backtracks catastrophically on text that almost matches; make it simpler)"
        }
        let name = String(cString: swift_u_errorName(status))
        let words = name.replacingOccurrences(of: "U_REGEX_", with: "").replacingOccurrences(of: "U_", with: "")
            .replacingOccurrences(of: "_", with: " ").lowercased()
        return "\(words) (\(name))"
    }
}

import _FoundationICU

/// Words and sentences by ICU's Unicode segmentation (UAX #29): Arabic, Persian and Chinese words
/// come out, which Lua's byte patterns never find, and sentences end at ؟ and ۔ as at ? and .
enum ICUBreaks {
    /// The words of `text`: segments holding letters, digits or ideographs (ICU's rule status of
    /// UBRK_WORD_NONE_LIMIT and up), without spaces and punctuation.
    static func words(_ text: String) -> [String] {
        segments(text, UBRK_WORD) { status in status >= UBRK_WORD_NONE_LIMIT.rawValue }
    }

    /// The sentences of `text`, trimmed, empty ones left out.
    static func sentences(_ text: String) -> [String] {
        segments(text, UBRK_SENTENCE) { _ in true }
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    private static func segments(_ text: String, _ kind: UBreakIteratorType, keep: (Int32) -> Bool) -> [String] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var status = U_ZERO_ERROR
        guard let iterator = swift_ubrk_open(kind, "", units, Int32(units.count), &status), status.rawValue <= 0 else { return [text] }
        defer { swift_ubrk_close(iterator) }
        var result: [String] = []
        var start = swift_ubrk_first(iterator)
        while true {
            let end = swift_ubrk_next(iterator)
            if end == UBRK_DONE { break }
            if keep(swift_ubrk_getRuleStatus(iterator)) {
                result.append(String(decoding: units[Int(start)..<Int(end)], as: UTF16.self))
            }
            start = end
        }
        return result
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

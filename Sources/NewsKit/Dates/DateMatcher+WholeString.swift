/// Forms accepted only by `DateParser.parse`, where the caller says the whole string is a date
/// (metadata fields, a dateline): a bare year, an ISO year-month, a time of day after the date.
extension DateMatcher {
    func isLeadWord(_ token: DateToken) -> Bool {
        token.value >= 0 && vocabulary.senses(of: token.value).contains { $0.kind == .lead || $0.kind == .filler }
    }

    /// "2024" or "2024-06" as a whole string.
    func bareYear(at index: Int) -> DateCandidate? {
        let token = tokens[index]
        guard token.isNumber, token.digits == 4, token.value >= 1000, token.value <= 2200 else { return nil }
        var parts = DateParts()
        parts.year = Int(token.value)
        var end = index + 1
        if end + 1 < tokens.count, tokens[end].isPunct(0x2D) || tokens[end].isPunct(0x2F), tokens[end].gapBefore == .none,
           tokens[end + 1].isNumber, tokens[end + 1].gapBefore == .none, tokens[end + 1].digits == 2,
           (1...12).contains(tokens[end + 1].value) {
            parts.month = Int(tokens[end + 1].value)
            end += 2
        }
        return DateCandidate(firstToken: index, endToken: end, shape: .explicit(start: parts, end: nil), weekday: nil)
    }

    /// Skips "21:35:43 +0400", "T10:00:00Z", "10:30 PM GMT" after a date; returns the index
    /// after it, or `index` when no time follows.
    func skipTimeOfDay(from index: Int) -> Int {
        var position = index
        if position < tokens.count, tokens[position].isPunct(0x2C) { position += 1 }
        if position < tokens.count, tokens[position].isWord, wordIs(tokens[position], ["t", "at", "a", "à", "saa", "الساعة", "ساعت"]) {
            position += 1
        }
        guard position + 2 < tokens.count, tokens[position].isNumber, tokens[position].digits <= 2,
              tokens[position + 1].isPunct(0x3A), tokens[position + 2].isNumber, tokens[position + 2].digits == 2
        else { return index }
        position += 3
        if position + 1 < tokens.count, tokens[position].isPunct(0x3A), tokens[position + 1].isNumber {
            position += 2
            if position + 1 < tokens.count, tokens[position].isPunct(0x2E), tokens[position + 1].isNumber { position += 2 }
        }
        if position < tokens.count, tokens[position].isWord, wordIs(tokens[position], ["am", "pm", "z", "gmt", "utc", "ص", "م"]) {
            position += 1
        }
        if position + 1 < tokens.count, tokens[position].isPunct(0x2B) || tokens[position].isPunct(0x2D),
           tokens[position + 1].isNumber {
            position += 2
            if position + 1 < tokens.count, tokens[position].isPunct(0x3A), tokens[position + 1].isNumber { position += 2 }
        }
        if position < tokens.count, tokens[position].isWord, wordIs(tokens[position], ["z", "gmt", "utc"]) { position += 1 }
        return position
    }

    private func wordIs(_ token: DateToken, _ words: [String]) -> Bool {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.byteRange]), as: UTF8.self).lowercased()
        return words.contains(text)
    }
}

/// Reads the value of a number token's key (ASCII digits with separators as the tokenizer
/// wrote them: `,` `.`, `d` for ٫, `t` for ٬ and ', `s` for /).
///
/// ٫ is always a decimal mark and ٬ always a thousands mark. With `,` and `.` both present the
/// last one is the decimal mark. A single separator followed by exactly three digits groups
/// thousands (1,000 / 1.000), except a comma in decimal-comma languages and a point in
/// decimal-point languages; any other single separator is a decimal mark (2.5 / 2,5).
/// A single slash is a decimal mark in Persian (۲/۵), otherwise the token is no amount (24/7, dates).
enum AmountNumber {
    static func value(_ key: String, decimalComma: Bool, decimalPoint: Bool, slashDecimal: Bool) -> Double? {
        let chars = Array(key.utf8)
        var separators: [(index: Int, mark: UInt8)] = []
        for (i, c) in chars.enumerated() where c < 0x30 || c > 0x39 { separators.append((i, c)) }
        if separators.isEmpty { return Double(key) }

        var decimalIndex: Int?
        var thousands = Set<Int>()
        let marks = Set(separators.map(\.mark))
        let slash: UInt8 = 0x73, d: UInt8 = 0x64, t: UInt8 = 0x74, comma: UInt8 = 0x2C, point: UInt8 = 0x2E

        if marks.contains(slash) {
            guard slashDecimal, separators.count == 1 else { return nil }
            decimalIndex = separators[0].index
        } else if marks.contains(d) {
            guard separators.filter({ $0.mark == d }).count == 1,
                  let dIndex = separators.first(where: { $0.mark == d })?.index,
                  !separators.contains(where: { $0.mark != d && $0.index > dIndex }) else { return nil }
            decimalIndex = dIndex
            thousands = Set(separators.filter { $0.mark != d }.map(\.index))
        } else if marks == [t] {
            thousands = Set(separators.map(\.index))
        } else if marks.contains(comma) && marks.contains(point) {
            let last = separators.last!
            guard separators.filter({ $0.mark == last.mark }).count == 1 else { return nil }
            decimalIndex = last.index
            thousands = Set(separators.dropLast().map(\.index))
        } else if separators.count > 1 {
            thousands = Set(separators.map(\.index))
        } else {
            let separator = separators[0]
            let digitsAfter = chars.count - separator.index - 1
            let integerPart = chars[..<separator.index]
            let groupsThousands = digitsAfter == 3 && !(integerPart.count == 1 && integerPart.first == 0x30)
            let isThousands: Bool
            switch separator.mark {
            case comma: isThousands = groupsThousands && !decimalComma
            case point: isThousands = groupsThousands && !decimalPoint
            default: isThousands = groupsThousands
            }
            if isThousands { thousands = [separator.index] } else { decimalIndex = separator.index }
        }

        // Thousands groups must hold three digits each.
        let groupMarks = separators.map(\.index).filter { thousands.contains($0) }
        for (n, index) in groupMarks.enumerated() {
            let nextMark = n + 1 < groupMarks.count ? groupMarks[n + 1] : (decimalIndex ?? chars.count)
            if nextMark - index - 1 != 3 { return nil }
        }
        var text = ""
        text.reserveCapacity(chars.count)
        for (i, c) in chars.enumerated() {
            if i == decimalIndex { text.append(".") } else if !thousands.contains(i) { text.unicodeScalars.append(Unicode.Scalar(c)) }
        }
        return Double(text)
    }
}

import Foundation

/// Rule 4: amounts of money, percentages and quantities: a number (digits in any of the
/// three digit sets, or a number word), scale words (million, مليار, میلیون, milioni) and a
/// currency, percent sign or unit, in the order each language writes them ("$1.5 billion",
/// "75 مليون يورو", "dola milioni 5", "asilimia 30", "۲ هزار و ۳۰۰ میلیارد ریال").
/// A number with neither unit nor scale is not an amount (years, dates, counts).
extension RuleDocument {
    static let amountScore = 0.9
    static let defaultedCurrencyScore = 0.7

    func amounts() -> [Mention] {
        var found: [Mention] = []
        var contextCodes: [String: Int]?
        var i = 0
        while i < count {
            guard let amount = amount(at: i, contextCodes: &contextCodes) else { i += 1; continue }
            found.append(amount.mention)
            i = amount.end
        }
        return found
    }

    private struct UnitHit {
        let unit: RuleUnit
        let end: Int
    }

    private struct Numeric {
        var value: Double
        var hasScale: Bool
        var end: Int
    }

    private func unit(at i: Int) -> UnitHit? {
        guard i < count, tokens[i].kind != .number else { return nil }
        if let hit = tables.units.longest(in: tokens, at: i) { return UnitHit(unit: hit.payload, end: hit.end) }
        return nil
    }

    private func amount(at start: Int, contextCodes: inout [String: Int]?) -> (mention: Mention, end: Int)? {
        var pos = start
        var unitBefore: UnitHit?
        if let hit = unit(at: pos), hit.unit.position.allowsBefore, hit.end < count, !tokens[hit.end].lineBefore {
            unitBefore = hit
            pos = hit.end
        }
        guard let numeric = readNumeric(from: pos, currencyBefore: unitBefore?.unit.kind == "money") else { return nil }
        pos = numeric.end
        var unitAfter: UnitHit?
        if unitBefore == nil, pos < count, !tokens[pos].lineBefore, let hit = unit(at: pos), hit.unit.position.allowsAfter {
            unitAfter = hit
            pos = hit.end
        }
        let hit = unitBefore ?? unitAfter
        guard hit != nil || numeric.hasScale else { return nil }
        if let hit, hit.unit.needsScale && !numeric.hasScale { return nil }
        // A scale word alone ("مليار دولار") is one of it only before a currency.
        if numeric.value == 0 && !numeric.hasScale { return nil }

        var kind = "quantity", code: String?, score = RuleDocument.amountScore
        var value = numeric.value
        if let unit = hit?.unit {
            kind = unit.kind
            value *= unit.factor
            if unit.codes.count > 1 {
                let counts = contextCodes ?? currencyContextCounts()
                contextCodes = counts
                let best = unit.codes.max { counts[$0, default: 0] < counts[$1, default: 0] }!
                code = counts[best, default: 0] > 0 ? best : unit.codes[0]
                if counts[best, default: 0] == 0 { score = RuleDocument.defaultedCurrencyScore }
            } else {
                code = unit.codes[0]
            }
        }
        // "وملياري دولار": the amount begins after the proclitic.
        var startByte = tokens[start].start
        if tokens[start].kind == .word && tables.numbers.longest(in: tokens, at: start) == nil && unitBefore == nil,
           let stem = stems(start).first(where: { tables.numbers.longest(in: tokens, at: start, firstKey: $0.key) != nil }) {
            startByte = byteOffset(of: start, afterLetters: stem.letters)
        }
        let range = startByte..<tokens[pos - 1].end
        let id = "~" + kind + "/" + RuleDocument.canonicalNumber(value) + (code.map { "-" + $0 } ?? "")
        let mention = Mention(id: id, kind: kind, name: normalizedSurface(range), text: surface(range),
                              utf8Range: range, extractor: "amount", score: score, number: value, unit: code)
        return (mention, pos)
    }

    /// Numbers, number words and scale words from `start`; nil if there is no value.
    private func readNumeric(from start: Int, currencyBefore: Bool) -> Numeric? {
        guard start < count else { return nil }
        // Scale first (Swahili "milioni 5", "mia tano"): the product of the scales times the number.
        var scaleProduct = 1.0, k = start
        while let scale = scaleWord(at: k), scale.number.position.allowsBefore, scale.number.role == .scale {
            scaleProduct *= scale.number.value
            k = scale.end
        }
        if k > start {
            guard let number = numberAt(k), !tokens[k].lineBefore else { return nil }
            return Numeric(value: scaleProduct * number.value, hasScale: true, end: number.end)
        }
        guard numberAt(start) != nil else {
            // A bare scale before a currency ("مليار دولار" is one billion dollars).
            if let scale = scaleWord(at: start), scale.number.bare, scale.number.role == .scale,
               let hit = unit(at: scale.end), hit.unit.kind == "money", !tokens[scale.end].lineBefore {
                return Numeric(value: scale.number.value, hasScale: true, end: scale.end)
            }
            return nil
        }

        // Number first: groups of a number and the scales after it, joined by و in Arabic and
        // Persian; a larger scale multiplies everything before it ("۲ هزار و ۳۰۰ میلیارد").
        var total = 0.0, largest = 0.0
        var hasScale = false
        var pos = start
        var end = start
        var lastScale = 0.0
        while let number = numberAt(pos) ?? conjoinedNumberWord(at: pos, after: end > start),
              pos == start || !tokens[pos].lineBefore {
            let saved = (total, largest, end)
            var group = number.value
            var groupScale = 0.0
            pos = number.end
            while pos < count, !tokens[pos].lineBefore, let scale = scaleWord(at: pos),
                  scale.number.position.allowsAfter {
                if scale.number.role == .suffix && !(currencyBefore && tokens[pos].attached) { break }
                let s = scale.number.value
                if s > largest { total = (total + group) * s; largest = s } else { total += group * s }
                group = 0
                groupScale = s
                pos = scale.end
            }
            if end > start {
                // After "و" a group joins the amount when it is smaller than the scale before it
                // ("۲ هزار و ۵۰", "3 مليارات و500 مليون") or multiplies the whole ("۲ هزار و ۳۰۰ میلیارد");
                // "50 مليار و60 مليار" are two amounts.
                let joins = groupScale == 0 ? number.value < lastScale : groupScale != lastScale
                if !joins {
                    (total, largest, end) = saved
                    break
                }
            }
            total += group
            end = pos
            hasScale = hasScale || groupScale > 0
            lastScale = groupScale
            guard groupScale > 0, pos + 1 < count, !tokens[pos + 1].lineBefore else { break }
            if tokens[pos].kind == .word && tokens[pos].key == "و" {
                pos += 1
            } else if conjoinedNumberWord(at: pos, after: true) == nil {
                break
            }
        }
        guard end > start else { return nil }
        return Numeric(value: total, hasScale: hasScale, end: end)
    }

    /// "وسبعين": a number word with the conjunction و attached, continuing an amount.
    private func conjoinedNumberWord(at i: Int, after continuing: Bool) -> (value: Double, end: Int)? {
        guard continuing, i < count, isWord(i, .arabic), tokens[i].key.hasPrefix("و"),
              tokens[i].key.unicodeScalars.count > 2 else { return nil }
        let stem = RuleKey(String(tokens[i].key.unicodeScalars.dropFirst()))
        guard let hit = tables.numbers.longest(in: tokens, at: i, firstKey: stem), hit.payload.role == .number else {
            return nil
        }
        return (hit.payload.value, hit.end)
    }

    private func scaleWord(at i: Int) -> (number: RuleNumber, end: Int)? {
        guard i < count, tokens[i].kind == .word,
              let hit = tables.numbers.longest(in: tokens, at: i), hit.payload.role != .number else { return nil }
        return (hit.payload, hit.end)
    }

    /// A digit number (not glued to letters as in "G20" or "2nd", not part of a range or a
    /// date) or a number word.
    private func numberAt(_ i: Int) -> (value: Double, end: Int)? {
        guard i < count else { return nil }
        let token = tokens[i]
        if token.kind == .word {
            if let hit = tables.numbers.longest(in: tokens, at: i), hit.payload.role == .number {
                return (hit.payload.value, hit.end)
            }
            // "وملياري دولار": a proclitic before a number word.
            for stem in stems(i) {
                if let hit = tables.numbers.longest(in: tokens, at: i, firstKey: stem.key), hit.payload.role == .number {
                    return (hit.payload.value, hit.end)
                }
            }
            return nil
        }
        guard token.kind == .number else { return nil }
        if i > 0 && token.attached {
            let previous = tokens[i - 1]
            switch previous.kind {
            case .word:
                if previous.writing == .cased && !unitEnds(at: i) { return nil }
            case .punct:
                if ["-", "–", "/", ":", ".", ","].contains(previous.key) && i > 1 && tokens[i - 1].attached
                    && tokens[i - 2].kind != .punct { return nil }
            case .number:
                return nil
            }
        }
        if i + 1 < count && tokens[i + 1].attached {
            let next = tokens[i + 1]
            if next.kind == .word && next.writing == .cased && scaleWord(at: i + 1) == nil && unit(at: i + 1) == nil {
                return nil
            }
            if next.kind == .punct && ["-", "–", "/", ":"].contains(next.key) && i + 2 < count
                && tokens[i + 2].kind == .number && tokens[i + 2].attached { return nil }
        }
        let slashDecimal = tables.lang == "fa"
        guard let value = AmountNumber.value(token.key, decimalComma: tables.decimalComma,
                                             decimalPoint: tables.decimalPoint, slashDecimal: slashDecimal)
        else { return nil }
        return (value, i + 1)
    }

    /// A unit phrase ("Sh", "US$", "KSh") ends right before token `i`.
    private func unitEnds(at i: Int) -> Bool {
        for start in stride(from: i - 1, through: max(0, i - 3), by: -1) {
            if let hit = unit(at: start), hit.end == i, hit.unit.position.allowsBefore { return true }
        }
        return false
    }

    private func currencyContextCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for context in tables.currencyContexts {
            for i in 0..<count where tokens[i].kind == .word {
                for phrase in context.phrases where phrase.first == tokens[i].key && i + phrase.count <= count {
                    if zip(phrase, tokens[i..<(i + phrase.count)]).allSatisfy({ $0 == $1.key }) {
                        counts[context.code, default: 0] += 1
                    }
                }
            }
        }
        return counts
    }

    static func canonicalNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Rule 3: organisations and places named by a head word ("Shirika la X", "منظمة X",
/// "سازمان X", "Ministry of X", "X Party", "mji wa X", "شهر X").
extension RuleDocument {
    static let patternScore = 0.7
    static let maxPatternNames = 6

    func patternEntities() -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < count {
            guard isWord(i), let head = patternHead(at: i) else { i += 1; continue }
            // "یک سازمان ..." (an organisation) names none.
            if has(i - 1, .determiner) { i = head.end; continue }
            var next = i + 1
            let pattern = head.pattern
            if pattern.position.allowsBefore, let tail = patternTail(from: head.end, kind: pattern.kind) {
                let start = pattern.includesHead ? head.start : tokens[tail.first].start
                found.append(entity(pattern.kind, start..<tokens[tail.end - 1].end))
                next = tail.end
            } else if pattern.position.allowsAfter, tokens[i].upperInitial, let first = patternLead(before: i) {
                let end = pattern.includesHead ? tokens[head.end - 1].end : tokens[i - 1].end
                found.append(entity(pattern.kind, tokens[first].start..<end))
                next = head.end
            }
            i = next
        }
        return found
    }

    private func entity(_ kind: String, _ range: Range<Int>) -> Mention {
        let display = normalizedSurface(range)
        return Mention(id: Mention.unlinkedID(kind: kind, name: display), kind: kind, name: display,
                       text: surface(range), utf8Range: range, extractor: "pattern", score: RuleDocument.patternScore)
    }

    private func patternHead(at i: Int) -> (pattern: RulePattern, start: Int, end: Int)? {
        if let hit = tables.patterns.longest(in: tokens, at: i) { return (hit.payload, tokens[i].start, hit.end) }
        for stem in stems(i) {
            if let hit = tables.patterns.longest(in: tokens, at: i, firstKey: stem.key) {
                return (hit.payload, byteOffset(of: i, afterLetters: stem.letters), hit.end)
            }
        }
        return nil
    }

    /// The tokens of the name that follows a head word, or nil.
    private func patternTail(from start: Int, kind: String) -> (first: Int, end: Int)? {
        var start = start
        // "العاصمة الأردنية عمان": a nationality adjective qualifies the head.
        while start < count, isWord(start, .arabic), let phrase = phraseClass(at: start), phrase.cls.contains(.nationality) {
            start = phrase.end
        }
        guard start < count, !tokens[start].lineBefore, tokens[start].kind == .word else { return nil }
        let end: Int?
        switch tokens[start].writing {
        case .cased:
            end = casedProperRun(from: start, maxNames: kind == "place" ? 3 : RuleDocument.maxPatternNames)
        case .arabic:
            end = tables.proclitics.isEmpty
                ? unmarkedTail(from: start, maxUnits: kind == "place" ? 2 : 3)
                : definiteTail(from: start)
        case .other:
            end = nil
        }
        return end.map { (start, $0) }
    }

    /// Capitalised words joined by lower-case connectors and particles ("Afya Duniani",
    /// "Dar es Salaam", "Roads and Urban Development").
    private func casedProperRun(from start: Int, maxNames: Int) -> Int? {
        guard isNameCased(start), !has(start, [.stop, .month, .weekday, .cueAfter, .cueBefore]) else { return nil }
        var k = start, names = 0, end = start
        while k < count && names < maxNames {
            if k > start && tokens[k].lineBefore { break }
            if isNameCased(k) && !(k > start && has(k, [.weekday, .cueAfter, .cueBefore])) {
                names += 1; k += 1; end = k
                continue
            }
            if names > 0 && isWord(k, .cased) && !tokens[k].upperInitial && has(k, [.connector, .particle])
                && isNameCased(k + 1) {
                k += 1
                continue
            }
            break
        }
        return names > 0 ? end : nil
    }

    /// Arabic: a definite noun phrase ("الصحة العالمية", "التحرير الفلسطينية"), or a proper word that
    /// is no indefinite adjective (ending in ي/ية/ة), then definite words; at most three.
    private func definiteTail(from start: Int) -> Int? {
        guard isWord(start, .arabic), !breaksPatternTail(start) else { return nil }
        let key = tokens[start].key
        let definite = isDefinite(start)
        if !definite && (key.hasSuffix("ي") || key.hasSuffix("ة") || has(start, .firstName)) { return nil }
        var k = start + 1
        while k < count && k - start < 3 && isWord(k, .arabic) && tokens[k].spaceBefore && !tokens[k].lineBefore
                && !breaksPatternTail(k) {
            guard isDefinite(k) else { break }
            k += 1
        }
        return k
    }

    /// Persian and other unmarked Arabic-script languages: one to `maxUnits` words bounded by the word classes.
    private func unmarkedTail(from start: Int, maxUnits: Int) -> Int? {
        var k = start, units = 0
        while k < count && units < maxUnits {
            guard isWord(k, .arabic), k == start || (tokens[k].spaceBefore && !tokens[k].lineBefore),
                  !breaksPatternTail(k), !(units > 0 && (has(k, [.place, .nationality]) || startsBreakingPhrase(k))) else { break }
            let unitStart = k
            k += 1
            while k < count && tokens[k].zwnjBefore && isWord(k, .arabic) {
                if has(k, [.stop, .common, .verb]) { return units > 0 ? unitStart : nil }
                k += 1
            }
            // A word before a light verb is the noun of a compound verb ("خبر داد").
            if k < count && has(k, .verb) { return units > 0 ? unitStart : nil }
            units += 1
        }
        return units > 0 ? k : nil
    }

    private func breaksPatternTail(_ i: Int) -> Bool {
        has(i, [.stop, .verb, .common, .month, .weekday, .cueAfter, .cueBefore, .numberWord, .modifier])
            || title(at: i) != nil || patternHead(at: i) != nil
    }

    /// "X Party": the capitalised words before the head, without a sentence-initial function word.
    private func patternLead(before head: Int) -> Int? {
        var k = head - 1, first: Int?
        var names = 0
        while k >= 0 && names < RuleDocument.maxPatternNames && !tokens[k + 1].lineBefore {
            if isNameCased(k) && !has(k, [.stop, .weekday, .month, .cueAfter, .cueBefore]) {
                first = k; names += 1; k -= 1
                continue
            }
            if names > 0 && isWord(k, .cased) && !tokens[k].upperInitial && has(k, [.connector, .particle]) && isNameCased(k - 1) {
                k -= 1
                continue
            }
            break
        }
        return first
    }
}

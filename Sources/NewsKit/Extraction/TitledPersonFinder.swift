/// Rule 1: people named next to a title or role ("Rais X", "الملك الأردني X",
/// "X، سفیر ایران در ژاپن", "X, the ambassador of ...").
extension RuleDocument {
    static let titledScore = 0.8
    static let titledSingleScore = 0.7

    func titledPeople() -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < count {
            guard let title = title(at: i) else { i += 1; continue }
            var next = title.end
            if title.title.position.allowsBefore, let chain = roleChain(from: title.end),
               !(title.title.needsComplement && chain.roleEnd == title.end),
               let name = nameForward(from: chain.nameStart),
               acceptsUnqualified(title.title, name: name, qualified: chain.roleEnd > title.end) {
                let roleRange = title.start..<tokens[chain.roleEnd - 1].end
                found.append(person(name, roleRange: roleRange, score: score(name)))
                next = max(next, name.end)
            }
            if title.title.position.allowsAfter, let name = appositiveName(beforeTitle: i) {
                let roleEnd = roleChain(from: title.end)?.roleEnd ?? title.end
                let roleRange = title.start..<tokens[roleEnd - 1].end
                found.append(person(name, roleRange: roleRange, score: score(name)))
            }
            i = next
        }
        return found
    }

    /// In Persian (no capitals, no article) a role title followed directly by a word could be
    /// followed by its domain ("سخنگوی گمرک"): a name must then open with a known first name.
    /// Even after a country ("نخست‌وزیر ژاپن کابینه ..."), as Persian often names the person
    /// before the title instead.
    private func acceptsUnqualified(_ title: RuleTitle, name: RuleNameSpan, qualified: Bool) -> Bool {
        guard tokens[name.first].writing == .arabic, tables.proclitics.isEmpty, !title.isHonorific else {
            return true
        }
        return has(name.first, .firstName) && name.units >= 2
    }

    private func score(_ name: RuleNameSpan) -> Double {
        name.units >= 2 ? RuleDocument.titledScore : RuleDocument.titledSingleScore
    }

    func person(_ name: RuleNameSpan, roleRange: Range<Int>?, score: Double, extractor: String = "title") -> Mention {
        let range = tokens[name.first].start..<tokens[name.end - 1].end
        let display = displayName(name.first, name.end)
        return Mention(id: Mention.unlinkedID(kind: "person", name: display), kind: "person", name: display,
                       text: surface(range), utf8Range: range, extractor: extractor, score: score,
                       role: roleRange.map { normalizedSurface($0) })
    }

    private func nameForward(from start: Int) -> RuleNameSpan? {
        guard start < count, !(start > 0 && tokens[start].lineBefore && tokens[start - 1].kind == .word) else { return nil }
        switch tokens[start].writing {
        case .cased where tokens[start].kind == .word:
            guard let name = casedNameForward(from: start), hasLongPart(name), !runsIntoOrganisation(after: name.end)
            else { return nil }
            return name
        case .arabic where tokens[start].kind == .word:
            guard let name = arabicNameForward(from: start) else { return nil }
            // A lone word is a name only when a boundary follows it, never when more text does.
            if name.units == 1 && !isArabicBoundary(name.end) { return nil }
            return name
        default:
            return nil
        }
    }

    /// "X, role" / "X، role": the name before a comma that precedes the title.
    private func appositiveName(beforeTitle i: Int) -> RuleNameSpan? {
        var c = i - 1
        while c >= 0 && has(c, .skip) && tokens[c].kind == .word { c -= 1 }
        guard isPunct(c, RuleDocument.commas), c > 0, !tokens[c].spaceBefore || tokens[c - 1].kind == .word else {
            return nil
        }
        switch tokens[c - 1].writing {
        case .cased:
            // One capitalised word before a comma is as often a place or an event ("the Algerian War,").
            guard let name = casedNameBackward(endingBefore: c), hasLongPart(name), name.units >= 2 else { return nil }
            return name
        case .arabic:
            guard let name = arabicNameBackward(endingBefore: c), name.units >= 2 else { return nil }
            return name
        case .other:
            return nil
        }
    }

    /// What follows a title before the name: more titles, modifiers ("former", "السابق"),
    /// nationality adjectives, places with or without a connector ("wa Urusi", "ایران در ژاپن"),
    /// Arabic definite complements ("باسم الخارجية"), an optional comma.
    /// Returns the token after the role and where the name starts.
    func roleChain(from start: Int) -> (roleEnd: Int, nameStart: Int)? {
        var k = start, roleEnd = start
        var definite = 0
        chain: for _ in 0..<12 {
            guard k < count, !tokens[k].lineBefore else { break }
            let token = tokens[k]
            if token.kind == .punct && token.key == "." && token.attached && k == start && isWord(k - 1, .cased)
                && tokens[k - 1].end - tokens[k - 1].start <= 4 {
                k += 1; roleEnd = k
                continue
            }
            if let next = title(at: k) {
                k = next.end; roleEnd = k
                continue
            }
            if let phrase = phraseClass(at: k) {
                if !phrase.cls.isDisjoint(with: [.modifier, .nationality, .place]) {
                    k = phrase.end; roleEnd = k
                    continue
                }
                if phrase.cls.contains(.connector) {
                    var after = phrase.end
                    while after < count && has(after, .skip) && tokens[after].kind == .word { after += 1 }
                    if let place = phraseClass(at: after), !place.cls.isDisjoint(with: [.place, .nationality]) {
                        k = place.end; roleEnd = k
                        continue
                    }
                    if isNameCased(after) { return complementSplit(from: after) }
                    if isDefiniteComplement(after) {
                        k = after + 1; roleEnd = k; definite += 1
                        continue
                    }
                    break chain
                }
            }
            if definite < 5 && isDefiniteComplement(k) {
                // "الأمير الحسين بن عبد الله": before بن the definite word is the name.
                if isWord(k + 1, .arabic) && ["بن", "بنت", "ابن"].contains(tokens[k + 1].key) { break }
                k += 1; roleEnd = k; definite += 1
                continue
            }
            // "المدير الفني لمانشستر سيتي": a word with the preposition ل after a definite
            // complement continues the complement, and no name can be told from it.
            if definite > 0 && isWord(k, .arabic) && tokens[k].key.hasPrefix("ل") && !tokens[k].key.hasPrefix("لل")
                && !has(k, [.stop, .verb, .firstName]) && !isDefiniteComplement(k + 1) {
                return nil
            }
            // "المرصد السوري لحقوق الإنسان": ل + noun + definite noun continues the complement.
            if definite > 0 && definite < 5 && isWord(k, .arabic) && tokens[k].key.hasPrefix("ل")
                && tokens[k].key.unicodeScalars.count >= 4 && !has(k, [.stop, .verb, .firstName])
                && isDefiniteComplement(k + 1) {
                k += 2; roleEnd = k; definite += 2
                continue
            }
            break
        }
        let nameStart = isPunct(k, RuleDocument.commas) ? k + 1 : k
        return (roleEnd, nameStart)
    }

    /// An Arabic definite noun or adjective completing a title ("الخارجية", "للأمم").
    func isDefiniteComplement(_ i: Int) -> Bool {
        guard !tables.proclitics.isEmpty, isWord(i, .arabic), !tokens[i].lineBefore else { return false }
        if has(i, [.stop, .verb, .month, .weekday, .cueAfter, .cueBefore, .firstName]) || title(at: i) != nil {
            return false
        }
        return isDefinite(i)
    }

    /// After "wa"/"of" comes a capitalised run holding the end of the role and the name
    /// ("Rais wa Benki ya Dunia David Malpass"): split it where a title or a
    /// known first name begins, else leave one word to the role when at least three follow.
    private func complementSplit(from start: Int) -> (roleEnd: Int, nameStart: Int)? {
        var names: [Int] = []
        var lastLink = start - 1
        var k = start
        while k < count {
            if k > start && tokens[k].lineBefore { break }
            if isNameCased(k) && !has(k, .connector) {
                if k > start, title(at: k) != nil {
                    return roleChain(from: k).map { ($0.roleEnd, $0.nameStart) }
                }
                names.append(k)
                k += 1
                continue
            }
            if isWord(k) && !tokens[k].upperInitial && has(k, [.connector, .particle]) && isNameCased(k + 1) {
                lastLink = k
                k += 1
                continue
            }
            break
        }
        if let m = names.dropFirst().first(where: { has($0, .firstName) }) { return (m, m) }
        let tail = names.filter { $0 > lastLink }
        if tail.count >= 3 { return (tail[1], tail[1]) }
        return nil
    }
}

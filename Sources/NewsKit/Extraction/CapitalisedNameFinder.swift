/// Rule 2: runs of two to four capitalised words in cased scripts, emitted as people only
/// with a cue: a speech verb after or before ("said", "alisema"), or a known first name.
/// Without a cue nothing is emitted; the knowledge base covers places and organisations.
extension RuleDocument {
    static let capitalisedScore = 0.6

    func capitalisedPeople(skipping covered: [Bool]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < count {
            guard !covered[i], isNameCased(i), !(i > 0 && isNameCased(i - 1) && !tokens[i].lineBefore
                                                 && !breaksCasedName(i - 1, first: false)) else {
                i += 1
                continue
            }
            guard var name = casedNameForward(from: i) else { i += 1; continue }
            defer { i = max(i + 1, name.end) }
            if (name.first..<name.end).contains(where: { covered[$0] }) { continue }
            // A run longer than four names, or one that runs into an organisation word, is no person.
            if isNameCased(name.end) && !tokens[name.end].lineBefore && !breaksCasedName(name.end, first: false) { continue }
            if runsIntoOrganisation(after: name.end) { continue }
            // A quoted run ('Black Star', "Red Brigade") names a group, a work or a brand.
            if isPunct(name.first - 1, RuleDocument.quotes) && isPunct(name.end, RuleDocument.quotes) { continue }
            let sentenceStart = isSentenceStart(name.first)
            if sentenceStart && has(name.first, [.stop, .common]) {
                name.first += 1
                name.units -= 1
            }
            // "Islamic Guidance Reza Salehi-Amiri": a run whose given name comes later starts there.
            if !has(name.first, .firstName),
               let given = (name.first + 1..<name.end).first(where: { has($0, .firstName) && isNameCased($0) }),
               name.end - given >= 2 {
                name.units -= given - name.first
                name.first = given
            }
            guard name.units >= 2, hasLongPart(name) else { continue }
            let cueAfter = hasCueAfter(name.end)
            let cueBefore = hasCueBefore(name.first)
            let firstName = has(name.first, .firstName)
            let allowed = sentenceStart && name.first == i ? (cueAfter || firstName) : (cueAfter || cueBefore || firstName)
            guard allowed else { continue }
            found.append(person(name, roleRange: nil, score: RuleDocument.capitalisedScore, extractor: "capitalised"))
        }
        return found
    }

    /// Some part of the name has two letters or more ("U.S" is no name).
    func hasLongPart(_ name: RuleNameSpan) -> Bool {
        (name.first..<name.end).contains { tokens[$0].kind == .word && tokens[$0].key.unicodeScalars.count >= 2 }
    }

    func hasCueAfter(_ i: Int) -> Bool {
        var k = i
        if isPunct(k, RuleDocument.commas) { k += 1 }
        guard k < count, !tokens[k].lineBefore else { return false }
        return phraseClass(at: k)?.cls.contains(.cueAfter) ?? false
    }

    func hasCueBefore(_ i: Int) -> Bool {
        var end = i
        if isPunct(end - 1, RuleDocument.commas) { end -= 1 }
        for start in stride(from: end - 1, through: max(0, end - 3), by: -1) {
            if let phrase = phraseClass(at: start), phrase.end == end, phrase.cls.contains(.cueBefore) { return true }
        }
        return false
    }

    /// The capitalised run continues, within two words, into an organisation or place word
    /// ("Imam Khomeini International Airport").
    func runsIntoOrganisation(after end: Int) -> Bool {
        var k = end
        while k < min(count, end + 3), isNameCased(k), !tokens[k].lineBefore {
            if has(k, .orgWord) { return true }
            k += 1
        }
        return false
    }
}

/// A run of name tokens: token indices `first..<end`, `units` name parts
/// (an Arabic "عبد الله" or a ZWNJ compound counts as one part).
struct RuleNameSpan: Equatable {
    var first: Int
    var end: Int
    var units: Int
}

/// Reading personal names next to a cue: capitalised words in cased scripts; in Arabic
/// script (no capitals) one to three words bounded by function words, verbs, punctuation
/// and the other word classes of the data.
extension RuleDocument {
    static let maxCasedNames = 4
    static let maxArabicUnits = 3

    // MARK: cased scripts

    /// The token cannot be part of a capitalised name (`first`: it would be the first part).
    func breaksCasedName(_ i: Int, first: Bool) -> Bool {
        guard isNameCased(i) else { return true }
        let cls = classes[i]
        if !cls.isDisjoint(with: [.stop, .common, .orgWord, .place, .nationality, .weekday, .cueAfter, .cueBefore,
                                  .verb, .modifier, .numberWord, .connector]) {
            // A lone upper-case particle ("Al Thani", "Bin Salman") is part of a name.
            if !first && cls.contains(.particle) && isNameCased(i + 1) { return false }
            return true
        }
        // Months end a name only where they read as a date or open it ("Theresa May" stays whole).
        if cls.contains(.month) && (first || (i + 1 < count && tokens[i + 1].kind == .number)) { return true }
        if title(at: i) != nil || startsBreakingPhrase(i) { return true }
        return false
    }

    /// A multi-word place, organisation or other non-name phrase begins at `i` ("Hong Kong", "کره شمالی").
    func startsBreakingPhrase(_ i: Int) -> Bool {
        guard let phrase = phraseClass(at: i), phrase.end > i + 1 else { return false }
        return !phrase.cls.isDisjoint(with: RuleWordClass.nameBreakers)
    }

    func casedNameForward(from start: Int) -> RuleNameSpan? {
        var k = start, names = 0, end = start
        while k < count && names < RuleDocument.maxCasedNames {
            if k > start && tokens[k].lineBefore { break }
            if !breaksCasedName(k, first: names == 0) {
                names += 1
                k += 1
                end = k
                continue
            }
            if isWord(k, .cased) && has(k, .particle) && !tokens[k].upperInitial
                && isNameCased(k + 1) && !breaksCasedName(k + 1, first: false) {
                k += 1
                continue
            }
            if names > 0 && tokens[k].kind == .punct && tokens[k].key == "." && tokens[k].attached
                && tokens[k - 1].key.unicodeScalars.count == 1 && isNameCased(k + 1) {
                k += 1
                continue
            }
            break
        }
        return names > 0 ? RuleNameSpan(first: start, end: end, units: names) : nil
    }

    func casedNameBackward(endingBefore end: Int) -> RuleNameSpan? {
        var k = end - 1, names = 0, first = end
        while k >= 0 && names < RuleDocument.maxCasedNames {
            if !breaksCasedName(k, first: false) {
                names += 1
                first = k
                if tokens[k].lineBefore { break }
                k -= 1
                continue
            }
            if names > 0 && isWord(k, .cased) && has(k, .particle) && !tokens[k].upperInitial && isNameCased(k - 1) {
                k -= 1
                continue
            }
            break
        }
        guard names > 0 else { return nil }
        // The first word of a sentence is capitalised anyway; keep it only if it can open a name.
        if breaksCasedName(first, first: true) {
            guard names > 1 else { return nil }
            first += 1
            names -= 1
        }
        return RuleNameSpan(first: first, end: end, units: names)
    }

    // MARK: Arabic script

    /// The token cannot be part of an Arabic-script name (`unit`: the index of the part it would be).
    func breaksArabicName(_ i: Int, unit: Int) -> Bool {
        guard isWord(i, .arabic) else { return true }
        if has(i, RuleWordClass.nameBreakers) { return true }
        if title(at: i) != nil || startsBreakingPhrase(i) { return true }
        let key = tokens[i].key
        if key.unicodeScalars.count < 2 { return true }
        // Only the word itself, not its stem ("لعباس" is ل + عباس), exempts it as a known name.
        let own = tables.single[tokens[i].ruleKey] ?? []
        guard !tables.proclitics.isEmpty, own.isDisjoint(with: [.firstName, .namePart]) else { return false }
        let scalars = Array(key.unicodeScalars)
        // "وشي" after a name is "and Xi": a conjunction ends (or opens no) name; transliterated
        // names that begin with و write a long vowel after it ("وود", "وانغ").
        if scalars[0] == "و" && scalars.count > 2 {
            if key.hasPrefix("وال") || !["ا", "ي", "و"].contains(scalars[1]) { return true }
            // "وإيسكو" (and Isco), "ويستخدم" (and uses): a hamza or a verb after the conjunction.
            let second = tokens[i].start + 2
            if second + 1 < tokens[i].end && bytes[second] == 0xD8 && [0xA2, 0xA3, 0xA5].contains(bytes[second + 1]) { return true }
            if RuleDocument.looksLikeArabicVerbOrVerbalNoun(String(key.unicodeScalars.dropFirst())) { return true }
        }
        // ل + ال: a preposition and a definite noun ("للإغاثة") never opens or continues a name.
        if key.hasPrefix("لل") { return true }
        // A name does not open with the article ("الرئيس الإيطالي، المنتمي ...").
        if unit == 0 && startsWithArticle(i) { return true }
        if RuleDocument.looksLikeArabicVerbOrVerbalNoun(key) { return true }
        // A preposition before a noun ("لتعزيز", "بقيادة", "بدعم") opens no name; names written
        // with ب or ل have a long vowel after it ("بوريس", "ليونيل") or are listed ("بشار").
        if scalars.count >= 3 && (scalars[0] == "ب" || scalars[0] == "ل")
            && !["ا", "و", "ي", "ى"].contains(scalars[1]) { return true }
        if unit == 0 && stems(i).contains(where: { RuleDocument.looksLikeArabicVerbOrVerbalNoun($0.text) }) { return true }
        // A possessive pronoun suffix ("تجريده", "أهدافها") or the accusative tanween ("رسمياً").
        let n = scalars.count
        if n >= 4 && scalars[n - 1] == "ه" && !key.hasSuffix("لله") { return true }
        // A later part ending in the accusative alef with no long vowel inside ("ردا", "مصدرا")
        // is a noun; transliterated surnames carry their vowels ("كوستا", "بيريرا").
        if unit > 0 && n >= 3 && n <= 5 && scalars[n - 1] == "ا"
            && !scalars[1..<(n - 1)].contains(where: { ["ا", "و", "ي", "ى"].contains($0) }) { return true }
        if n >= 5 && (key.hasSuffix("ها") || key.hasSuffix("هم") || key.hasSuffix("هما")) { return true }
        return endsWithTanweenFath(i)
    }

    /// The raw word ends in ً (U+064B), possibly before a final alef: an adverb or accusative noun.
    private func endsWithTanweenFath(_ i: Int) -> Bool {
        let end = tokens[i].end
        for back in [2, 4] where end - back >= tokens[i].start {
            if bytes[end - back] == 0xD9 && bytes[end - back + 1] == 0x8B { return true }
        }
        return false
    }

    /// Arabic verb forms and verbal nouns by their shape: imperfect "يفعل" (transliterated names
    /// write a long vowel after the ي: يوسف، يانغ), and the masdar patterns تفعيل، إفعال،
    /// استفعال، افتعال، انفعال ("تغيير", "إصدار", "استقبال", "اجتماع", "انسحاب").
    static func looksLikeArabicVerbOrVerbalNoun(_ key: String) -> Bool {
        let s = Array(key.unicodeScalars)
        let n = s.count
        if n >= 4 && s[0] == "ي" && !["و", "ا", "ي"].contains(s[1]) { return true }
        if n == 5 && s[0] == "ت" && s[3] == "ي" { return true }
        // Future dual and plural verbs: "سيناقشان", "ستعقدون".
        if n >= 6 && s[0] == "س" && (s[1] == "ي" || s[1] == "ت") && (key.hasSuffix("ان") || key.hasSuffix("ون")) { return true }
        // Future singular verbs of a short root: "سيحل", "ستعقد"; a name after سي/ست carries a long
        // vowel ("سيسي", "ستيفن").
        if (4...5).contains(n) && s[0] == "س" && (s[1] == "ي" || s[1] == "ت")
            && !s[2...].contains(where: { ["ا", "و", "ي", "ى"].contains($0) }) { return true }
        // The accusative of a passive participle: "موجودا", "مسؤولا" (مفعولا).
        if n >= 6 && s[0] == "م" && s[n - 1] == "ا" && s[n - 3] == "و" { return true }
        if n == 5 && s[0] == "ا" && s[3] == "ا" { return true }
        if n >= 6 && s[0] == "ا" && s[1] == "س" && s[2] == "ت" { return true }
        if n == 6 && s[0] == "ا" && (s[2] == "ت" || s[1] == "ن") && s[4] == "ا" { return true }
        return false
    }

    /// A name part that a compound verb (Persian: the noun before کرد/شد) or a construct noun
    /// (Arabic: before a definite noun, "انسحاب الولايات") turns out to be.
    private func endsWithNonName(_ next: Int) -> Bool {
        guard next < count, isWord(next, .arabic), !tokens[next].lineBefore else { return false }
        // Persian: the word before a verb is the noun of a compound verb ("X کرد"), not a name
        // part; before a verb of saying it is the speaker's name ("کاظمی می‌گوید").
        if tables.proclitics.isEmpty { return has(next, .verb) && !(phraseClass(at: next)?.cls.contains(.speechAfter) ?? false) }
        return startsWithArticle(next) && !isArabicBoundary(next)
    }

    /// A word, punctuation or the end that can follow a complete Arabic-script name.
    func isArabicBoundary(_ i: Int) -> Bool {
        guard i < count else { return true }
        let token = tokens[i]
        if token.kind != .word || token.lineBefore { return true }
        return breaksArabicName(i, unit: 1)
    }

    /// The index after the ZWNJ-joined parts that follow token `i`, or nil when one is a
    /// suffix such as "ها" (a plural noun is no name).
    private func compoundEnd(after i: Int) -> Int? {
        var k = i + 1
        while k < count && isWord(k, .arabic) && (tokens[k].zwnjBefore || isDetachedYeSuffix(k)) {
            if !isDetachedYeSuffix(k) && has(k, [.stop, .common, .verb]) { return nil }
            k += 1
        }
        return k
    }

    /// Persian "خامنه ای" typed with a space for the ZWNJ of "خامنه‌ای": the ای belongs to the word.
    func isDetachedYeSuffix(_ k: Int) -> Bool {
        tables.proclitics.isEmpty && k > 0 && tokens[k].key == "اي" && !tokens[k].lineBefore
            && isWord(k - 1, .arabic) && tokens[k - 1].key.hasSuffix("ه")
    }

    func arabicNameForward(from start: Int) -> RuleNameSpan? {
        var k = start, units = 0
        var ends: [Int] = []
        while k < count && units < RuleDocument.maxArabicUnits {
            guard isWord(k, .arabic), k == start || (!tokens[k].lineBefore && tokens[k].spaceBefore) else { break }
            if breaksArabicName(k, unit: units) { break }
            var next = k
            // "بن عبد العزيز": joiners bind to the next word, and a joiner may follow a joiner.
            while has(next, .nameJoiner) {
                guard isWord(next + 1, .arabic), !tokens[next + 1].lineBefore,
                      has(next + 1, .nameJoiner) || !breaksArabicName(next + 1, unit: 1) else { break }
                next += 1
            }
            if has(next, .nameJoiner) { break }
            guard let end = compoundEnd(after: next) else { break }
            k = end
            units += 1
            ends.append(k)
        }
        while units > 0 && endsWithNonName(ends[units - 1]) {
            ends.removeLast()
            units -= 1
        }
        guard units > 0 else { return nil }
        k = ends[units - 1]
        // Prefer two parts when a third is followed by more text rather than a boundary, and
        // in Persian unless a given name opens the three (noun phrases end at function words too).
        if units == RuleDocument.maxArabicUnits
            && (!isArabicBoundary(k) || (tables.proclitics.isEmpty && !has(start, .firstName))) {
            return RuleNameSpan(first: start, end: ends[1], units: 2)
        }
        return RuleNameSpan(first: start, end: k, units: units)
    }

    func arabicNameBackward(endingBefore end: Int) -> RuleNameSpan? {
        var k = end - 1, units = 0, first = end
        var starts: [Int] = []
        while k >= 0 && units < RuleDocument.maxArabicUnits {
            guard isWord(k, .arabic) else { break }
            var unitStart = k
            while unitStart > 0 && (tokens[unitStart].zwnjBefore || isDetachedYeSuffix(unitStart))
                    && isWord(unitStart - 1, .arabic) { unitStart -= 1 }
            if breaksArabicName(unitStart, unit: 1) { break }
            if unitStart < k && (unitStart + 1...k).contains(where: { !isDetachedYeSuffix($0) && has($0, [.stop, .common, .verb]) }) {
                break
            }
            if unitStart > 0 && has(unitStart - 1, .nameJoiner) && isWord(unitStart - 1, .arabic)
                && tokens[unitStart].spaceBefore {
                unitStart -= 1
            }
            units += 1
            first = unitStart
            starts.append(unitStart)
            if tokens[unitStart].lineBefore || !tokens[unitStart].spaceBefore { break }
            k = unitStart - 1
        }
        guard units > 0 else { return nil }
        // The name must open after punctuation, a line break or a function word: stopping at a
        // common noun means it is the tail of a longer noun phrase ("... ارشاد اسلامی خراسان شمالی").
        let opensCleanly = first == 0 || tokens[first].lineBefore || !tokens[first].spaceBefore
            || tokens[first - 1].kind != .word || has(first - 1, [.stop, .verb, .cueAfter, .cueBefore])
            || title(at: first - 1) != nil
        if !opensCleanly {
            guard units == RuleDocument.maxArabicUnits else { return nil }
            return RuleNameSpan(first: starts[1], end: end, units: 2)
        }
        return RuleNameSpan(first: first, end: end, units: units)
    }
}

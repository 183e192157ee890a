/// The date grammar: recognises date expressions in a token stream, starting at one token.
///
/// Shapes, with optional parts in brackets (S = separator , ، . - /, F = filler words such
/// as "of", "de", "mwezi", "من", "ماه", "سال"):
///   numeric       2024-06-19, 19.06.2024, 06/19/2024, ۱۴۰۳/۰۴/۱۵ [calendar cue]
///   day first     [weekday S] D[ordinal][.] [F] Month [S] [F] [Year [cue] | this-year]
///   month first   [weekday S] Month [F] D[ordinal] [S] [Year [cue]]
///   month-year    Month [S] [F] Year [cue]                       (month precision)
///   year first    Year[.] Month D[.]                             (Hungarian, Lithuanian style)
///   units         Y年M月D日, 2024년 6월 19일
///   year          year-cue Year [cue] | Year year-suffix        (mwaka 2001, 2001 года)
///   range         [from] A (to | - | and) B, where A may lack its month and year
///   relative      relative-word [weekday] [date] | [last/next] weekday [last/next]
struct DateMatcher {
    let tokens: [DateToken]
    let bytes: UnsafeBufferPointer<UInt8>
    let vocabulary: DateVocabulary
    /// Base language id of the text, when the caller gave one.
    let language: UInt16?
    /// The caller's language tag, for the numeric day/month order ("en-US" vs "en-GB").
    let languageTag: String?
    /// Base language ids the parser was restricted to.
    let allowed: [Bool]?
    /// parse(): the caller says the whole string is a date, so ambiguous words are trusted.
    let lenient: Bool

    private var count: Int { tokens.count }

    // MARK: Entry point

    func match(at index: Int) -> DateCandidate? {
        let token = tokens[index]
        if token.isNumber {
            if rejectsContext(before: index) { return nil }
            if let numeric = numericDate(at: index) { return numeric }
            if let year = suffixedYear(at: index) { return year }
            return dateOrRange(at: index, first: index)
        }
        guard token.isWord, token.value >= 0 else { return nil }
        if let relative = relativeExpression(at: index) { return relative }
        if let weekday = weekdayExpression(at: index) { return weekday }
        if has(index, .rangeStart), let range = dateOrRange(at: index + 1, first: index, afterRangeStart: true) {
            return range
        }
        if has(index, .yearCueBefore), let year = cuedYear(at: index) { return year }
        if month(at: index) != nil { return dateOrRange(at: index, first: index) }
        return nil
    }

    // MARK: Senses

    private func languageAllowed(_ sense: DateSense) -> Bool {
        guard let allowed else { return true }
        return sense.languages.contains { Int($0) < allowed.count && allowed[Int($0)] }
    }

    /// The best sense of a kind at a token: the caller's language first, then the most
    /// widespread. `native` says whether it belongs to the caller's language.
    private func sense(_ index: Int, _ kind: DateSense.Kind) -> (sense: DateSense, native: Bool)? {
        guard index < count else { return nil }
        let token = tokens[index]
        guard token.isWord, token.value >= 0 else { return nil }
        var best: DateSense?
        var bestNative = false
        let filtered = kind == .month || kind == .weekday || kind == .relative
        for candidate in vocabulary.senses(of: token.value) where candidate.kind == kind {
            if filtered && !languageAllowed(candidate) { continue }
            if candidate.flags.contains(.needsCapital) && !token.isCapitalized && !lenient
                && language.map(vocabulary.capitalLanguages.contains) ?? true { continue }
            let native = language.map { candidate.languages.contains($0) } ?? false
            if best == nil || (native && !bestNative) {
                best = candidate
                bestNative = native
                if native || language == nil { break }
            }
        }
        return best.map { ($0, bestNative) }
    }

    private func has(_ index: Int, _ kind: DateSense.Kind) -> Bool {
        index < count && tokens[index].isWord && vocabulary.keyHas(tokens[index].value, kind)
    }

    /// A token that continues the expression: present and on the same line.
    private func adjacent(_ index: Int) -> Bool {
        index < count && tokens[index].gapBefore != .newline
    }

    private func isPunct(_ index: Int, _ scalars: [UInt32]) -> Bool {
        guard adjacent(index), tokens[index].kind == .punct else { return false }
        return scalars.contains(UInt32(bitPattern: tokens[index].value))
    }

    private static let separators: [UInt32] = [0x2C, 0x060C, 0x2E, 0x2D, 0x2F, 0x2013]  // , ، . - / –
    private static let commas: [UInt32] = [0x2C, 0x060C]

    private func skipSeparator(_ index: Int, _ scalars: [UInt32] = separators) -> Int {
        isPunct(index, scalars) ? index + 1 : index
    }

    private func skipFillers(_ index: Int) -> Int {
        var index = index
        var skipped = 0
        while skipped < 3, adjacent(index), has(index, .filler) {
            index += 1
            skipped += 1
        }
        return index
    }

    // MARK: Names

    struct MonthHit {
        var value: Int
        var calendar: DateCalendarKind
        /// Trusted only in a full date (day, month, year): a foreign, regional or rare name,
        /// a lower-case abbreviation, or a word that is common in the text's language.
        var needsYear: Bool
        var short: Bool
        var languages: [UInt16]
        var arabicScript: Bool
        var end: Int
    }

    func month(at index: Int) -> MonthHit? {
        guard let (found, native) = sense(index, .month) else { return nil }
        var needsYear = !lenient && weakName(found, native: native, at: index)
        var end = index + 1
        if found.flags.contains(.short) {
            if end < count, tokens[end].isPunct(0x2E), tokens[end].gapBefore == .none {
                end += 1  // "Sept." "janv."
            } else if language == nil && !lenient {
                needsYear = true  // "Mate 20 Pro": an undotted abbreviation of unknown language
            }
        }
        // Double forms: "أيلول/سبتمبر", "سبتمبر (أيلول)", and without the slash "فبراير شباط".
        let slashed = isPunct(end, [0x2F, 0x28])
        let otherIndex = slashed ? end + 1 : end
        if slashed || adjacent(end), let (other, otherNative) = sense(otherIndex, .month),
           other.value == found.value, other.calendar == found.calendar, otherIndex > index {
            end = otherIndex + 1
            if isPunct(end, [0x29]) { end += 1 }
            if !lenient && !weakName(other, native: otherNative, at: otherIndex) { needsYear = false }
        }
        let lead = bytes[Int(tokens[index].start)]
        return MonthHit(value: Int(found.value), calendar: found.calendar, needsYear: needsYear,
                        short: found.flags.contains(.short), languages: found.languages,
                        arabicScript: lead >= 0xD8 && lead <= 0xDB, end: end)
    }

    private func weakName(_ found: DateSense, native: Bool, at index: Int) -> Bool {
        if found.flags.contains(.regional) { return true }
        if let languages = vocabulary.needsYearLanguages[tokens[index].value],
           language.map(languages.contains) ?? true {
            return true
        }
        if language != nil && !native { return true }
        if language == nil && !found.languages.contains(where: vocabulary.commonLanguages.contains) { return true }
        if found.flags.contains(.short) && isCased(index) && !tokens[index].isCapitalized { return true }
        return false
    }

    /// Latin, Greek, Cyrillic: scripts where capitals tell names from common words.
    private func isCased(_ index: Int) -> Bool {
        let lead = bytes[Int(tokens[index].start)]
        return lead < 0x80 || (lead >= 0xC3 && lead <= 0xD4)
    }

    struct WeekdayHit {
        var value: Int
        var short: Bool
        var languages: [UInt16]
        var end: Int
    }

    private func weekday(at index: Int) -> WeekdayHit? {
        guard let (found, _) = sense(index, .weekday) else { return nil }
        var end = index + 1
        if found.flags.contains(.short), end < count, tokens[end].isPunct(0x2E), tokens[end].gapBefore == .none {
            end += 1
        }
        return WeekdayHit(value: Int(found.value), short: found.flags.contains(.short), languages: found.languages, end: end)
    }

    /// Whether a bare weekday (no date after it) may count as a date mention.
    private func weekdayStandsAlone(_ index: Int) -> Bool {
        if lenient { return true }
        guard let (found, native) = sense(index, .weekday) else { return false }
        if found.flags.contains(.short) { return false }
        if language != nil { return native }
        if found.flags.contains(.notAlone) || found.flags.contains(.regional) { return false }
        if !found.languages.contains(where: vocabulary.commonLanguages.contains) { return false }
        if has(index, .month) { return false }
        return !isCased(index) || tokens[index].isCapitalized
    }

    // MARK: Numbers

    private func day(at index: Int) -> (value: Int, end: Int)? {
        guard index < count else { return nil }
        let token = tokens[index]
        guard token.isNumber, token.digits <= 2, token.value >= 1, token.value <= 31 else { return nil }
        var end = index + 1
        if end < count, tokens[end].gapBefore == .none, has(end, .ordinal) { end += 1 }
        return (Int(token.value), end)
    }

    private func yearNumber(at index: Int) -> DateToken? {
        guard index < count else { return nil }
        let token = tokens[index]
        guard token.isNumber, token.digits == 4, token.value >= 1000, token.value <= 2999 else { return nil }
        if index + 2 < count, tokens[index + 1].gapBefore == .none, tokens[index + 1].kind == .punct,
           tokens[index + 1].isPunct(0x3A) || tokens[index + 1].isPunct(0x2C),
           tokens[index + 2].gapBefore == .none, tokens[index + 2].isNumber {
            return nil  // "1,250" or a time "2024:" is not a year
        }
        return token
    }

    /// A calendar cue or year suffix after a year ("هـ", "م", "ه.ش", "г.", "года").
    private func yearTail(_ index: Int, into parts: inout DateParts) -> Int {
        var end = index
        if adjacent(end), let (cue, _) = sense(end, .calendarCue) {
            applyCue(DateSense.CalendarCue(rawValue: cue.value) ?? .gregorian, to: &parts)
            end += 1
            if isPunct(end, [0x2E]) && tokens[end].gapBefore == .none { end += 1 }
        } else if adjacent(end), has(end, .yearCueAfter) {
            end += 1
            if isPunct(end, [0x2E]) && tokens[end].gapBefore == .none { end += 1 }
        }
        return end
    }

    private func applyCue(_ cue: DateSense.CalendarCue, to parts: inout DateParts) {
        if parts.calendarIsExplicit && parts.calendar != .gregorian { return }
        switch cue {
        case .gregorian: parts.calendar = .gregorian
        case .persian: parts.calendar = .persian
        case .islamic: parts.calendar = .islamic
        case .hijri:
            // Persian "هجری" alone means the solar year; Arabic "هجري" the lunar one.
            parts.calendar = isPersianContext ? .persian : .islamic
        }
        parts.calendarIsExplicit = true
    }

    private var isPersianContext: Bool {
        guard let language else { return false }
        return language == vocabulary.languageId("fa")
    }

    /// Whether a year fits the calendar of its month name.
    private func plausibleYear(_ year: Int, _ calendar: DateCalendarKind, languages: [UInt16]) -> Bool {
        switch calendar {
        case .gregorian: return year >= 1000 && year <= 2200 || (year >= 2400 && year <= 2800 && isThai(languages))
        case .persian, .islamic: return year >= 1000 && year <= 1700
        }
    }

    private func isThai(_ languages: [UInt16]) -> Bool {
        guard let thai = vocabulary.languageId("th") else { return false }
        return languages.contains(thai)
    }

    /// "3.5 June", "10:30 June", "A15 June", "123 June": the number is part of something else.
    private func rejectsContext(before index: Int) -> Bool {
        guard index > 0, tokens[index].gapBefore == .none else { return false }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .number: return true
        case .word: return bytes[Int(previous.end) - 1] < 0x80
        case .punct:
            guard index >= 2, previous.gapBefore == .none, tokens[index - 2].isNumber else { return false }
            return [0x2E, 0x2C, 0x3A, 0x2F, 0x2D, 0x066B, 0x066C].contains(UInt32(bitPattern: previous.value))
        }
    }

    // MARK: Numeric dates

    private func numericDate(at index: Int) -> DateCandidate? {
        guard index + 4 < count else { return nil }
        let a = tokens[index], s1 = tokens[index + 1], b = tokens[index + 2], s2 = tokens[index + 3], c = tokens[index + 4]
        guard s1.kind == .punct, s1.gapBefore == .none, b.isNumber, b.gapBefore == .none,
              s2.kind == .punct, s2.gapBefore == .none, s2.value == s1.value, c.isNumber, c.gapBefore == .none,
              [0x2D, 0x2F, 0x2E].contains(UInt32(bitPattern: s1.value))
        else { return nil }
        // 10.10.10.10 (an address) or 2024-06-19-3 (an id): part of a longer chain.
        if index + 6 < count, tokens[index + 5].gapBefore == .none, tokens[index + 5].value == s1.value,
           tokens[index + 5].kind == .punct, tokens[index + 6].gapBefore == .none, tokens[index + 6].isNumber {
            return nil
        }
        var parts = DateParts()
        let yearValue: Int
        if a.digits == 4 {
            guard b.digits <= 2, c.digits <= 2 else { return nil }
            (yearValue, parts.month, parts.day) = (Int(a.value), Int(b.value), Int(c.value))
        } else if a.digits <= 2, b.digits <= 2, c.digits == 4 || (c.digits == 2 && s1.value != 0x2D) {
            let first = Int(a.value), second = Int(b.value)
            if first > 12 && second <= 12 {
                (parts.day, parts.month) = (first, second)
            } else if second > 12 && first <= 12 && s1.isPunct(0x2F) {
                (parts.month, parts.day) = (first, second)  // month first is a slash habit (US)
            } else if first <= 12 && second <= 12 {
                if s1.isPunct(0x2F), let tag = languageTag, DateNumericOrder.monthFirst(tag) {
                    (parts.month, parts.day) = (first, second)
                } else {
                    (parts.day, parts.month) = (first, second)
                }
            } else {
                return nil
            }
            yearValue = Int(c.value)
            parts.twoDigitYear = c.digits == 2
        } else {
            return nil
        }
        guard let month = parts.month, let day = parts.day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        parts.year = yearValue
        let end = yearTail(index + 5, into: &parts)
        if parts.twoDigitYear && !parts.calendarIsExplicit && (isPersianContext || a.digitScript == .persian) {
            parts.calendar = .persian  // "27/2/90" in Persian text is 1390
        } else if !parts.calendarIsExplicit && !parts.twoDigitYear && yearValue >= 1300 && yearValue < 1500 {
            // A Hijri year: Solar in Persian use, lunar in Arabic use.
            let arabic = language != nil && language == vocabulary.languageId("ar")
            parts.calendar = (arabic || a.digitScript == .arabicIndic && !isPersianContext) ? .islamic : .persian
        } else if !parts.calendarIsExplicit && !parts.twoDigitYear && (yearValue < 1800 || yearValue > 2200) {
            return nil
        }
        return DateCandidate(firstToken: index, endToken: end, shape: .explicit(start: parts, end: nil), weekday: nil)
    }

    // MARK: Years

    /// "mwaka 2001", "عام 2001", "سال ۱۴۰۳", "the year 2001".
    private func cuedYear(at index: Int) -> DateCandidate? {
        guard adjacent(index + 1), let number = yearNumber(at: index + 1) else { return nil }
        var parts = DateParts()
        let value = Int(number.value)
        parts.year = value
        let end = yearTail(index + 2, into: &parts)
        if !parts.calendarIsExplicit {
            if value >= 1200 && value < 1600 {
                let cueLanguages = vocabulary.senses(of: tokens[index].value).first { $0.kind == .yearCueBefore }?.languages ?? []
                if let fa = vocabulary.languageId("fa"), cueLanguages.contains(fa) || number.digitScript == .persian {
                    parts.calendar = .persian
                } else if let ar = vocabulary.languageId("ar"), cueLanguages.contains(ar) {
                    parts.calendar = .islamic
                }
            }
        }
        guard plausibleYear(value, parts.calendar, languages: []) else { return nil }
        // "in 2015": a preposition cues the year but is no part of the date.
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[index].start)..<Int(tokens[index].end)]), as: UTF8.self)
        let first = Self.prepositionCues.contains(word.lowercased()) ? index + 1 : index
        return DateCandidate(firstToken: first, endToken: end, shape: .explicit(start: parts, end: nil), weekday: nil)
    }

    /// Year cues (date-words.json) that are prepositions, left out of the date's text.
    private static let prepositionCues: Set<String> = ["in", "since", "until", "during"]

    /// "2001 года", "2024 yılında", "2024年" (year alone).
    private func suffixedYear(at index: Int) -> DateCandidate? {
        let token = tokens[index]
        guard token.isNumber, token.digits == 4, token.value >= 1000, token.value <= 2200, adjacent(index + 1) else { return nil }
        if has(index + 1, .unitYear) {
            if let units = unitDate(at: index) { return units }
        }
        guard has(index + 1, .yearCueAfter) || (has(index + 1, .unitYear) && tokens[index + 1].gapBefore == .none) else { return nil }
        var parts = DateParts()
        parts.year = Int(token.value)
        var end = index + 2
        if isPunct(end, [0x2E]) && tokens[end].gapBefore == .none { end += 1 }
        return DateCandidate(firstToken: index, endToken: end, shape: .explicit(start: parts, end: nil), weekday: nil)
    }

    /// Y年M月D日, M月D日, 2024년 6월 19일.
    private func unitDate(at index: Int) -> DateCandidate? {
        var parts = DateParts()
        var position = index
        func number(_ i: Int) -> Int? {
            guard i < count, tokens[i].isNumber, i == index || adjacent(i) else { return nil }
            return Int(tokens[i].value)
        }
        if let value = number(position), tokens[position].digits == 4, has(position + 1, .unitYear), adjacent(position + 1) {
            parts.year = value
            position += 2
        }
        if let value = number(position), tokens[position].digits <= 2, (1...12).contains(value),
           has(position + 1, .unitMonth), adjacent(position + 1) {
            parts.month = value
            position += 2
            if let value = number(position), tokens[position].digits <= 2, (1...31).contains(value),
               has(position + 1, .unitDay), adjacent(position + 1) {
                parts.day = value
                position += 2
            }
        }
        guard parts.month != nil, parts.day != nil || parts.year != nil else { return nil }
        return DateCandidate(firstToken: index, endToken: position, shape: .explicit(start: parts, end: nil), weekday: nil)
    }

    // MARK: Dates with month names

    private struct Core {
        var parts: DateParts
        var end: Int
        /// A day number with no month after it: only the first half of a range.
        var bareDay: Bool
        var monthLanguages: [UInt16]
        var needsYear: Bool
    }

    private func core(at index: Int, allowBareDay: Bool, continuation: Bool) -> Core? {
        guard index < count, !continuation || adjacent(index) else { return nil }
        if tokens[index].isNumber {
            if tokens[index].digits == 4 { return yearFirst(at: index) }
            guard let (dayValue, dayEnd) = day(at: index) else { return nil }
            var position = dayEnd
            // "19. Juni", "19-Jun-2024"; a dash or slash only in a full date ("1-صفر" is a score).
            let linked = isPunct(position, [0x2D, 0x2F])
            if isPunct(position, [0x2E, 0x2D, 0x2F]) { position += 1 }
            let beforeFillers = position
            position = skipFillers(position)
            if adjacent(position), var hit = month(at: position), !(hit.short && position != beforeFillers) {
                if linked { hit.needsYear = true }
                var parts = DateParts()
                parts.day = dayValue
                parts.month = hit.value
                parts.calendar = hit.calendar
                parts.calendarIsExplicit = hit.calendar != .gregorian
                var end = yearAfterMonth(hit, from: hit.end, into: &parts, fillers: !hit.short)
                if parts.year == nil { end = directionAfter(end, into: &parts) }
                if !hit.needsYear || parts.year != nil || parts.direction != 0 {
                    return Core(parts: parts, end: end, bareDay: false, monthLanguages: hit.languages,
                                needsYear: hit.needsYear && parts.direction == 0)
                }
            }
            guard allowBareDay else { return nil }
            var parts = DateParts()
            parts.day = dayValue
            return Core(parts: parts, end: dayEnd, bareDay: true, monthLanguages: [], needsYear: false)
        }
        guard let hit = month(at: index) else { return nil }
        var parts = DateParts()
        parts.month = hit.value
        parts.calendar = hit.calendar
        parts.calendarIsExplicit = hit.calendar != .gregorian
        let afterSeparator = skipSeparator(hit.end, [0x2C, 0x060C, 0x2D, 0x2F, 0x2E])
        let afterMonth = hit.short ? afterSeparator : skipFillers(afterSeparator)
        if adjacent(afterMonth), let (dayValue, dayEnd) = day(at: afterMonth), !isUnitOrTime(after: dayEnd) {
            if hit.arabicScript && !lenient {
                // Arabic script writes the day first; "میزان ۱۰" is "rate 10", not a date.
                var probe = parts
                guard yearAfterMonth(hit, from: dayEnd, into: &probe) > dayEnd, probe.year != nil else { return nil }
            }
            parts.day = dayValue
            var end = yearAfterMonth(hit, from: dayEnd, into: &parts, fillers: false)
            if parts.year == nil { end = directionAfter(end, into: &parts) }
            return Core(parts: parts, end: end, bareDay: false, monthLanguages: hit.languages, needsYear: hit.needsYear)
        }
        var end = yearAfterMonth(hit, from: hit.end, into: &parts, fillers: !hit.short)
        if parts.year == nil && !parts.currentYear {
            // "أكتوبر المقبل", "in October", "last October": the month of the year the reference
            // date and the cue give.
            end = directionAfter(end, into: &parts)
            if parts.direction == 0, !hit.needsYear, index > 0, adjacent(index), isMonthCue(index - 1) {
                parts.direction = has(index - 1, .previous) ? -1 : has(index - 1, .next) ? 1 : 0
                parts.monthAlone = true
            } else if parts.direction != 0 && !hit.needsYear {
                parts.monthAlone = true
            } else {
                return nil
            }
        }
        return Core(parts: parts, end: end, bareDay: false, monthLanguages: hit.languages, needsYear: hit.needsYear)
    }

    /// "المقبل", "القادمة", "ijayo", "الماضي" after a date without year: which way from the
    /// reference date its year lies. The word stays out of the date's text; returns `index`.
    private func directionAfter(_ index: Int, into parts: inout DateParts) -> Int {
        guard adjacent(index), index < count, vocabulary.modifiersAfterWeekday.contains(tokens[index].vocabularyKey) else {
            return index
        }
        parts.direction = has(index, .previous) ? -1 : 1
        return index
    }

    /// A word before a month named alone that makes it a date: "in", "since", "until", "during"
    /// (year cues that also cue a month) and "last", "next", "coming".
    private func isMonthCue(_ index: Int) -> Bool {
        guard tokens[index].isWord, tokens[index].value >= 0 else { return false }
        return (has(index, .yearCueBefore) && bytes[Int(tokens[index].start)] < 0x80)
            || vocabulary.modifiersBeforeWeekday.contains(tokens[index].vocabularyKey)
    }

    /// A number followed by a unit or a time separator is a quantity or a clock: "June 5 km", "May 10:30".
    private func isUnitOrTime(after index: Int) -> Bool {
        guard index < count else { return false }
        let next = tokens[index]
        if next.kind == .punct && next.gapBefore == .none && (next.isPunct(0x3A) || next.isPunct(0x25)) { return true }
        return false
    }

    /// [S] [F] Year [cue] | [F] this-year, after a month name; returns the end token.
    private func yearAfterMonth(_ hit: MonthHit, from index: Int, into parts: inout DateParts, fillers: Bool = true) -> Int {
        var position = skipSeparator(index, [0x2C, 0x060C, 0x2D, 0x2F, 0x2E])
        if fillers { position = skipFillers(position) }
        if adjacent(position), let number = yearNumber(at: position), plausibleYear(Int(number.value), hit.calendar, languages: hit.languages) {
            parts.year = Int(number.value)
            if hit.calendar == .gregorian && number.value >= 2400 { parts.buddhistEra = true }
            return yearTail(position + 1, into: &parts)
        }
        // "13 شهریور 94": the Persian press writes Solar Hijri years with two digits.
        if hit.calendar == .persian, parts.day != nil, adjacent(position), position < count, tokens[position].isNumber,
           tokens[position].digits == 2, !isUnitOrTime(after: position + 1),
           !(position + 1 < count && tokens[position + 1].isNumber) {
            parts.year = Int(tokens[position].value)
            parts.twoDigitYear = true
            return yearTail(position + 1, into: &parts)
        }
        let phrase = skipFillers(index)
        if adjacent(phrase), has(phrase, .currentYear) {
            parts.currentYear = true
            return phrase + 1
        }
        return index
    }

    /// "2024. június 19.", "2024 June 19".
    private func yearFirst(at index: Int) -> Core? {
        guard let number = yearNumber(at: index) else { return nil }
        var position = skipSeparator(index + 1, [0x2E, 0x2C])
        guard adjacent(position), let hit = month(at: position),
              plausibleYear(Int(number.value), hit.calendar, languages: hit.languages) else { return nil }
        position = hit.end
        guard adjacent(position), let (dayValue, dayEnd) = day(at: position), !isUnitOrTime(after: dayEnd) else { return nil }
        var end = dayEnd
        if isPunct(end, [0x2E]), tokens[end].gapBefore == .none { end += 1 }
        var parts = DateParts()
        parts.year = Int(number.value)
        parts.month = hit.value
        parts.day = dayValue
        parts.calendar = hit.calendar
        parts.calendarIsExplicit = hit.calendar != .gregorian
        end = yearTail(end, into: &parts)
        return Core(parts: parts, end: end, bareDay: false, monthLanguages: hit.languages, needsYear: hit.needsYear)
    }

    private enum Connector { case to, and }

    private func connector(at index: Int) -> Connector? {
        guard adjacent(index) else { return nil }
        let token = tokens[index]
        if token.kind == .punct {
            switch vocabulary.punctuationKind(UInt32(bitPattern: token.value)) {
            case .rangeTo?: return .to
            case .rangeAnd?: return .and
            default: return nil
            }
        }
        if has(index, .rangeTo) { return .to }
        if has(index, .rangeAnd) { return .and }
        return nil
    }

    /// A single date or a range, starting at `index`; the mention starts at `first` (a
    /// weekday, a relative word or "from" before the date).
    private func dateOrRange(at index: Int, first: Int, weekday: WeekdayHit? = nil, afterRangeStart: Bool = false) -> DateCandidate? {
        guard let a = core(at: index, allowBareDay: true, continuation: index != first) else { return nil }
        if let link = connector(at: a.end),
           var b = core(at: a.end + 1, allowBareDay: a.parts.month != nil && !a.bareDay, continuation: true) {
            if b.bareDay {
                // "June 15-16, 2024": the second day takes the first one's month and a year after it.
                b.parts.month = a.parts.month
                b.parts.calendar = a.parts.calendar
                b.parts.calendarIsExplicit = a.parts.calendarIsExplicit
                if a.parts.year == nil, let hit = monthHitStub(a) {
                    b.end = yearAfterMonth(hit, from: b.end, into: &b.parts, fillers: false)
                } else {
                    b.parts.year = a.parts.year
                }
                b.monthLanguages = a.monthLanguages
                b.needsYear = a.needsYear
            }
            if let range = mergeRange(a, b, link: link, afterRangeStart: afterRangeStart),
               satisfiesYearNeed(b), weekdayFits(weekday, b) {
                return DateCandidate(firstToken: first, endToken: b.end, shape: .explicit(start: range.0, end: range.1),
                                     weekday: weekday?.value)
            }
        }
        if afterRangeStart || a.bareDay { return nil }
        guard satisfiesYearNeed(a), weekdayFits(weekday, a) else { return nil }
        return DateCandidate(firstToken: first, endToken: a.end, shape: .explicit(start: a.parts, end: nil), weekday: weekday?.value)
    }

    private func monthHitStub(_ core: Core) -> MonthHit? {
        guard let month = core.parts.month else { return nil }
        return MonthHit(value: month, calendar: core.parts.calendar, needsYear: core.needsYear, short: false,
                        languages: core.monthLanguages, arabicScript: false, end: core.end)
    }

    private func satisfiesYearNeed(_ core: Core) -> Bool {
        !core.needsYear || (core.parts.year != nil && core.parts.day != nil)
    }

    /// A weekday prefixes a date written in its own language: "Jumatano, 3 Julai", "Sun, 18 Feb";
    /// not "China 15 June" (Thursday in Shona). Numeric dates take any weekday.
    private func weekdayFits(_ weekday: WeekdayHit?, _ core: Core) -> Bool {
        guard let weekday, !lenient, !core.monthLanguages.isEmpty else { return true }
        return weekday.languages.contains { core.monthLanguages.contains($0) }
    }

    private func mergeRange(_ a: Core, _ b: Core, link: Connector, afterRangeStart: Bool) -> (DateParts, DateParts)? {
        var start = a.parts
        let end = b.parts
        guard let endMonth = end.month, let endDay = end.day, let startDay = start.day else { return nil }
        if a.bareDay {
            start.month = endMonth
            start.calendar = end.calendar
            start.calendarIsExplicit = end.calendarIsExplicit
        }
        guard let startMonth = start.month, start.calendar == end.calendar else { return nil }
        if start.year == nil, let endYear = end.year {
            start.year = (startMonth, startDay) > (endMonth, endDay) ? endYear - 1 : endYear
            start.buddhistEra = end.buddhistEra
        }
        if start.year == nil && end.currentYear { start.currentYear = true }
        let startKey = (start.year ?? 0, startMonth, startDay)
        let endKey = (end.year ?? (start.year ?? 0), endMonth, endDay)
        if start.year == nil || end.year == nil {
            guard (startMonth, startDay) != (endMonth, endDay) else { return nil }
            if start.year == nil && end.year == nil && (startMonth, startDay) > (endMonth, endDay) && startMonth == endMonth {
                return nil
            }
        } else {
            guard startKey < endKey else { return nil }
        }
        if link == .and && !afterRangeStart {
            // "20 و21 مارس": two consecutive days of one month; "5 and 12 June" is two dates.
            guard a.bareDay, endDay == startDay + 1 else { return nil }
        }
        return (start, end)
    }

    // MARK: Relative expressions

    private func relativeExpression(at index: Int) -> DateCandidate? {
        guard let (found, native) = sense(index, .relative) else { return nil }
        var position = skipSeparator(index + 1, Self.commas)
        if let weekdayHit = weekday(at: position), !weekdayHit.short, adjacent(position) {
            let afterWeekday = skipSeparator(weekdayHit.end, Self.commas)
            if let date = dateOrRange(at: afterWeekday, first: index, weekday: weekdayHit) { return date }
            return DateCandidate(firstToken: index, endToken: weekdayHit.end, shape: .relativeDay(offset: Int(found.value)),
                                 weekday: weekdayHit.value)
        }
        if let date = dateOrRange(at: position, first: index) { return date }
        position = index + 1
        if !lenient {
            if language != nil && !native { return nil }
            if language == nil && found.flags.contains(.needsLang) { return nil }
        }
        return DateCandidate(firstToken: index, endToken: position, shape: .relativeDay(offset: Int(found.value)), weekday: nil)
    }

    /// [last/next] weekday [last/next] [S date].
    private func weekdayExpression(at index: Int) -> DateCandidate? {
        var position = index
        var direction = 0
        if vocabulary.modifiersBeforeWeekday.contains(tokens[index].vocabularyKey),
           weekday(at: position + 1) != nil, adjacent(position + 1) {
            direction = has(position, .previous) ? -1 : 1
            position += 1
        }
        guard let hit = weekday(at: position) else { return nil }
        if direction == 0 {
            let afterWeekday = skipSeparator(hit.end, Self.separators)
            if let date = dateOrRange(at: afterWeekday, first: index, weekday: hit) { return date }
            if adjacent(afterWeekday), afterWeekday < count, tokens[afterWeekday].isNumber,
               var numeric = numericDate(at: afterWeekday) {
                numeric.firstToken = index
                numeric.weekday = hit.value
                return numeric
            }
        }
        guard weekdayStandsAlone(position) else { return nil }
        var end = hit.end
        if direction == 0, adjacent(end), end < count, vocabulary.modifiersAfterWeekday.contains(tokens[end].vocabularyKey) {
            direction = has(end, .previous) ? -1 : 1
            end += 1
        }
        return DateCandidate(firstToken: index, endToken: end, shape: .weekday(direction: direction), weekday: hit.value)
    }
}

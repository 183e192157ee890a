/// Accumulates names into folded keys and merged senses, then freezes them into a
/// `DateVocabulary`. Runs once per process.
struct DateVocabularyBuilder {
    struct Origin {
        var language: String
        var regional: Bool
        var weight: Int32
    }

    private struct SenseKey: Hashable {
        var kind: DateSense.Kind
        var value: Int8
        var calendar: DateCalendarKind
        /// Abbreviations stay apart from full names: Arabic "أحد" is an abbreviated Sunday
        /// (and the word "one"), Jawi "احد" a full one.
        var short: Bool
    }

    private struct Accumulator {
        var weight: Int32 = 0
        var languages = Set<UInt16>()
        var seenRegionFree = false
        var flags: DateSense.Flags = []
    }

    /// Words from the data file outweigh any count of CLDR locales.
    static let dataWeight: Int32 = 10_000

    private var keyIndex = [[UInt8]: Int]()
    private var keys = [[UInt8]]()
    private var accumulators = [[SenseKey: Accumulator]]()
    private var keyFlags = [[UInt8]: DateSense.Flags]()
    private var needsYearLanguages = [[UInt8]: Set<UInt16>]()
    private var phraseLengthByFirstWord = [[UInt8]: UInt8]()
    private var punctuationKinds = [UInt32: DateSense.Kind]()
    private var languageIds = [String: UInt16]()
    private var commonLanguages = Set<UInt16>()
    private var modifiersBefore = Set<[UInt8]>()
    private var modifiersAfter = Set<[UInt8]>()
    private var capitalLanguages = Set<UInt16>()
    private var folder = DateWordFolder()
    private var tokens = [DateToken]()
    /// Locales repeat the same names a hundred times over: fold each spelling once.
    private var foldCache = [String: (words: [[UInt8]], scalars: Int, punctuation: UInt32?)?]()

    mutating func languageId(_ code: String) -> UInt16 {
        if let id = languageIds[code] { return id }
        let id = UInt16(languageIds.count)
        languageIds[code] = id
        return id
    }

    /// The folded words of a name, nil when it holds a digit ("tháng 9", "1月").
    mutating func foldedWords(_ name: String) -> (words: [[UInt8]], scalars: Int, punctuation: UInt32?)? {
        if let cached = foldCache[name] { return cached }
        let folded = computeFoldedWords(name)
        foldCache[name] = folded
        return folded
    }

    private mutating func computeFoldedWords(_ name: String) -> (words: [[UInt8]], scalars: Int, punctuation: UInt32?)? {
        tokens.removeAll(keepingCapacity: true)
        var utf8 = Array(name.utf8)
        while utf8.last == 0x2E { utf8.removeLast() }  // "janv." and "Sept." are abbreviations, the dot is not part of the name
        utf8.withUnsafeBufferPointer { DateTokenizer.tokenize($0, vocabulary: nil, folder: &folder, into: &tokens) }
        var words = [[UInt8]]()
        var scalars = 0
        for token in tokens {
            switch token.kind {
            case .number: return nil
            case .punct: continue
            case .word:
                folder.reset()
                utf8.withUnsafeBufferPointer { folder.appendWord($0, token.byteRange) }
                if folder.count == 0 { continue }
                words.append(Array(folder.bytes))
                scalars += folder.scalarCount
            }
        }
        if words.isEmpty, tokens.count == 1, tokens[0].kind == .punct {
            return ([], 0, UInt32(bitPattern: tokens[0].value))
        }
        return (words, scalars, nil)
    }

    mutating func addName(
        _ name: String, kind: DateSense.Kind, value: Int8, calendar: DateCalendarKind = .gregorian,
        short: Bool = false, origin: Origin, minimumScalars: Int = 1
    ) {
        guard let folded = foldedWords(name) else { return }
        if let scalar = folded.punctuation {
            punctuationKinds[scalar] = kind
            return
        }
        guard !folded.words.isEmpty, folded.scalars >= minimumScalars else { return }
        let joined = Array(folded.words.joined(separator: [0x20]))
        register(joined, kind: kind, value: value, calendar: calendar, short: short, origin: origin)
        if folded.words.count > 1 {
            let first = folded.words[0]
            phraseLengthByFirstWord[first] = max(phraseLengthByFirstWord[first] ?? 1, UInt8(min(folded.words.count, 6)))
            // Persian writes "ربیع‌الاول" with a joiner that folding removes: one glued word.
            register(Array(folded.words.joined()), kind: kind, value: value, calendar: calendar, short: short, origin: origin)
        }
    }

    private mutating func register(
        _ key: [UInt8], kind: DateSense.Kind, value: Int8, calendar: DateCalendarKind, short: Bool, origin: Origin
    ) {
        let index: Int
        if let existing = keyIndex[key] {
            index = existing
        } else {
            index = keys.count
            keyIndex[key] = index
            keys.append(key)
            accumulators.append([:])
        }
        let senseKey = SenseKey(kind: kind, value: value, calendar: calendar, short: short)
        var accumulator = accumulators[index][senseKey] ?? Accumulator()
        accumulator.weight += origin.weight
        accumulator.languages.insert(languageId(origin.language))
        if !origin.regional { accumulator.seenRegionFree = true }
        accumulators[index][senseKey] = accumulator
    }

    /// Marks every sense of the folded `name` (of the given kinds) with `flags`.
    mutating func flag(_ name: String, _ flags: DateSense.Flags) {
        guard let folded = foldedWords(name), !folded.words.isEmpty else { return }
        let key = Array(folded.words.joined(separator: [0x20]))
        keyFlags[key, default: []].formUnion(flags)
    }

    // MARK: Data file

    mutating func add(_ file: DateVocabularySources.WordsFile) {
        func origin(_ language: String) -> Origin { Origin(language: language, regional: false, weight: Self.dataWeight) }
        func words(_ list: [String], _ kind: DateSense.Kind, value: Int8 = 0, language: String = "*") {
            for word in list { addName(word, kind: kind, value: value, origin: origin(language)) }
        }
        for list in file.months {
            let calendar: DateCalendarKind = list.calendar == "persian" ? .persian : (list.calendar == "islamic" ? .islamic : .gregorian)
            for (index, variants) in list.names.enumerated() {
                for name in variants {
                    addName(name, kind: .month, value: Int8(index + 1), calendar: calendar, origin: origin(list.lang))
                    if calendar == .persian, let suffix = file.persianMonthSuffix {
                        addName(name + suffix, kind: .month, value: Int8(index + 1), calendar: calendar, origin: origin(list.lang))
                    }
                }
            }
        }
        for list in file.weekdays {
            for (index, variants) in list.names.enumerated() {
                for name in variants { addName(name, kind: .weekday, value: Int8(index + 1), origin: origin(list.lang)) }
            }
        }
        for list in file.relative {
            for (offset, names) in list.days {
                guard let days = Int8(offset) else { continue }
                for name in names { addName(name, kind: .relative, value: days, origin: origin(list.lang)) }
            }
            for name in list.needsLang ?? [] { flag(name, .needsLang) }
        }
        words(file.weekdayModifiers.previousBefore + file.weekdayModifiers.previousAfter, .previous)
        words(file.weekdayModifiers.nextBefore + file.weekdayModifiers.nextAfter, .next)
        for (language, list) in file.yearCuesBefore { words(list, .yearCueBefore, language: language) }
        for (language, list) in file.yearCuesAfter { words(list, .yearCueAfter, language: language) }
        for (language, list) in file.currentYear { words(list, .currentYear, language: language) }
        let cues: [String: DateSense.CalendarCue] = ["gregorian": .gregorian, "persian": .persian, "islamic": .islamic, "hijri": .hijri]
        for (name, list) in file.calendarCues {
            guard let cue = cues[name] else { continue }
            words(list, .calendarCue, value: cue.rawValue)
        }
        words(file.rangeStarts, .rangeStart)
        words(file.rangeTo, .rangeTo)
        words(file.rangeAnd, .rangeAnd)
        words(file.fillers, .filler)
        words(file.leadWords, .lead)
        words(file.ordinalSuffixes, .ordinal)
        words(file.units.year, .unitYear)
        words(file.units.month, .unitMonth)
        words(file.units.day, .unitDay)
        for (language, list) in file.needsCapital {
            capitalLanguages.insert(languageId(language))
            for name in list { flag(name, .needsCapital) }
        }
        for language in file.commonLanguages { commonLanguages.insert(languageId(language)) }
        let modifiers = file.weekdayModifiers
        for name in modifiers.previousBefore + modifiers.nextBefore {
            if let words = foldedWords(name)?.words, !words.isEmpty { modifiersBefore.insert(Array(words.joined(separator: [0x20]))) }
        }
        for name in modifiers.previousAfter + modifiers.nextAfter {
            if let words = foldedWords(name)?.words, !words.isEmpty { modifiersAfter.insert(Array(words.joined(separator: [0x20]))) }
        }
        for (language, list) in file.needsYear {
            for name in list {
                guard let folded = foldedWords(name), !folded.words.isEmpty else { continue }
                needsYearLanguages[Array(folded.words.joined(separator: [0x20])), default: []].insert(languageId(language))
            }
        }
        for name in file.notAlone { flag(name, .notAlone) }
    }

    // MARK: Freezing

    func compiled() -> DateVocabulary.Compiled {
        var senses = [[DateSense]]()
        senses.reserveCapacity(keys.count)
        var needsYear = [Int32: [UInt16]]()
        var before = Set<Int32>()
        var after = Set<Int32>()
        for (index, key) in keys.enumerated() {
            let extra = keyFlags[key] ?? []
            var accumulators = self.accumulators[index]
            // A language that writes the name in full does not also count it as an abbreviation.
            for (senseKey, accumulator) in accumulators where senseKey.short {
                var full = senseKey
                full.short = false
                guard let fullLanguages = accumulators[full]?.languages else { continue }
                let remaining = accumulator.languages.subtracting(fullLanguages)
                if remaining.isEmpty { accumulators[senseKey] = nil } else { accumulators[senseKey]?.languages = remaining }
            }
            var list = accumulators.map { senseKey, accumulator -> DateSense in
                var flags = accumulator.flags
                if senseKey.short { flags.insert(.short) }
                if !accumulator.seenRegionFree { flags.insert(.regional) }
                if [.month, .weekday, .relative].contains(senseKey.kind) { flags.formUnion(extra) }
                return DateSense(kind: senseKey.kind, value: senseKey.value, calendar: senseKey.calendar, flags: flags,
                                 weight: accumulator.weight, languages: accumulator.languages.sorted())
            }
            list.sort { a, b in
                if a.weight != b.weight { return a.weight > b.weight }
                let shortA = a.flags.contains(.short), shortB = b.flags.contains(.short)
                if shortA != shortB { return !shortA }
                return (a.kind.rawValue, a.value, a.calendar.rawValue) < (b.kind.rawValue, b.value, b.calendar.rawValue)
            }
            senses.append(list)
            if let languages = needsYearLanguages[key] { needsYear[Int32(index)] = languages.sorted() }
            if modifiersBefore.contains(key) { before.insert(Int32(index)) }
            if modifiersAfter.contains(key) { after.insert(Int32(index)) }
        }
        return DateVocabulary.Compiled(
            keys: keys, senses: senses, phraseLengthByFirstWord: phraseLengthByFirstWord,
            punctuationKinds: punctuationKinds, languageIds: languageIds,
            commonLanguages: commonLanguages, capitalLanguages: capitalLanguages,
            needsYearLanguages: needsYear, modifiersBeforeWeekday: before, modifiersAfterWeekday: after)
    }
}

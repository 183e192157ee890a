import Foundation

/// What a word or phrase is to the rules (rows of `words*.tsv`, plus CLDR place, month and
/// weekday names). A phrase can be several things at once ("Mei" is a month and a name part).
struct RuleWordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let stop = RuleWordClass(rawValue: 1 << 0)
    static let verb = RuleWordClass(rawValue: 1 << 1)
    static let common = RuleWordClass(rawValue: 1 << 2)
    static let modifier = RuleWordClass(rawValue: 1 << 3)
    static let nationality = RuleWordClass(rawValue: 1 << 4)
    static let place = RuleWordClass(rawValue: 1 << 5)
    static let connector = RuleWordClass(rawValue: 1 << 6)
    static let particle = RuleWordClass(rawValue: 1 << 7)
    static let cueAfter = RuleWordClass(rawValue: 1 << 8)
    static let cueBefore = RuleWordClass(rawValue: 1 << 9)
    static let firstName = RuleWordClass(rawValue: 1 << 10)
    static let orgWord = RuleWordClass(rawValue: 1 << 11)
    static let skip = RuleWordClass(rawValue: 1 << 12)
    static let month = RuleWordClass(rawValue: 1 << 13)
    static let weekday = RuleWordClass(rawValue: 1 << 14)
    static let nameJoiner = RuleWordClass(rawValue: 1 << 15)
    static let proclitic = RuleWordClass(rawValue: 1 << 16)
    static let decimalComma = RuleWordClass(rawValue: 1 << 17)
    static let decimalPoint = RuleWordClass(rawValue: 1 << 18)
    static let namePart = RuleWordClass(rawValue: 1 << 19)
    static let determiner = RuleWordClass(rawValue: 1 << 20)
    /// A verb of saying that follows its subject ("افزود", "خاطرنشان کرد"): the subject opening a
    /// sentence before one is a speaker's name (`speakingPeople`). Also `cueAfter`: it ends a name.
    static let speechAfter = RuleWordClass(rawValue: 1 << 21)
    /// Derived: the first word of a title phrase.
    static let titleStart = RuleWordClass(rawValue: 1 << 24)
    /// Derived: a number or scale word.
    static let numberWord = RuleWordClass(rawValue: 1 << 25)

    /// Words that end a name read after a title (or before an appositive).
    static let nameBreakers: RuleWordClass = [.stop, .verb, .common, .modifier, .nationality, .place, .month,
                                              .weekday, .orgWord, .cueAfter, .cueBefore, .numberWord, .connector]

    static let names: [String: RuleWordClass] = [
        "stop": .stop, "verb": .verb, "common": .common, "modifier": .modifier, "nationality": .nationality,
        "place": .place, "connector": .connector, "particle": .particle, "cue-after": .cueAfter,
        "cue-before": .cueBefore, "first-name": .firstName, "org-word": .orgWord, "skip": .skip,
        "month": .month, "weekday": .weekday, "name-joiner": .nameJoiner, "proclitic": .proclitic,
        "decimal-comma": .decimalComma, "decimal-point": .decimalPoint, "name-part": .namePart, "determiner": .determiner,
        "speech-after": [.speechAfter, .cueAfter],
    ]
}

struct RuleTitle: Sendable {
    var position: RulePosition
    var roleClass: String
    /// An Arabic title in the construct state ("رئيس", "وزير", "زعيم") names its domain before
    /// the name ("رئيس وزراء كندا X"); without one, what follows is the domain, not a name.
    var needsComplement: Bool
    /// Honorifics and religious or military ranks stand right before names ("آقای X", "سردار X").
    var isHonorific: Bool { ["honorific", "religious", "military"].contains(roleClass) }
}

struct RulePattern: Sendable {
    var position: RulePosition
    var kind: String
    var includesHead: Bool
}

struct RuleUnit: Sendable {
    var codes: [String]
    var kind: String
    var position: RulePosition
    var factor: Double
    var needsScale: Bool
}

struct RuleNumber: Sendable {
    var value: Double
    var role: RuleLexicon.NumberWord.Role
    var position: RulePosition
    var bare: Bool
}

/// The extraction data of one language (rows for that language and for `*`), compiled into
/// phrase tables once. Immutable, shared between threads.
final class RuleTables: Sendable {
    let lang: String?
    let titles: RulePhraseTable<RuleTitle>
    let patterns: RulePhraseTable<RulePattern>
    let units: RulePhraseTable<RuleUnit>
    let numbers: RulePhraseTable<RuleNumber>
    let words: RulePhraseTable<RuleWordClass>
    /// Classes of single tokens (one-word phrases and derived classes), for the hot path.
    let single: RuleKeyTable<RuleWordClass>
    /// Single-letter Arabic proclitics (و ف ب ل ك) for languages that attach them.
    let proclitics: Set<String>
    /// `proclitics` holds the scalar, for U+0600...U+06FF: asked for every Arabic word.
    private let arabicProclitics: [Bool]
    /// Words whose presence in a text selects one of several currency codes ("Kenya" → KES).
    let currencyContexts: [(code: String, phrases: [[String]])]
    let decimalComma: Bool
    let decimalPoint: Bool

    init(lexicon: RuleLexicon, lang: String?) {
        self.lang = lang
        func applies(_ rowLang: String) -> Bool { lang == nil || rowLang == "*" || rowLang == lang }
        // A language's own rows come before the rows for every language, so they win a shared phrase.
        func ordered<Row>(_ rows: [Row], _ rowLang: (Row) -> String) -> [Row] {
            rows.filter { rowLang($0) != "*" && applies(rowLang($0)) } + rows.filter { rowLang($0) == "*" }
        }

        let procliticLanguages = Set(lexicon.words.filter { $0.wordClass == "proclitic" }.map(\.lang))
        var titles = RulePhraseTable<RuleTitle>()
        for row in ordered(lexicon.titles, { $0.lang }) {
            var title = RuleTitle(position: row.position, roleClass: row.roleClass, needsComplement: false)
            if procliticLanguages.contains(row.lang), !title.isHonorific,
               let last = RuleTokenizer.tokens(of: row.phrase).last?.key, !last.hasPrefix("ال") {
                title.needsComplement = true
            }
            titles.insert(row.phrase, title)
        }
        var patterns = RulePhraseTable<RulePattern>()
        for row in ordered(lexicon.patterns, { $0.lang }) {
            patterns.insert(row.phrase, RulePattern(position: row.position, kind: row.kind, includesHead: row.includesHead))
        }
        var units = RulePhraseTable<RuleUnit>()
        for row in ordered(lexicon.units, { $0.lang }) {
            units.insert(row.phrase, RuleUnit(codes: row.codes, kind: row.kind, position: row.position,
                                              factor: row.factor, needsScale: row.needsScale))
        }
        var numbers = RulePhraseTable<RuleNumber>()
        for row in ordered(lexicon.numbers, { $0.lang }) {
            numbers.insert(row.phrase, RuleNumber(value: row.value, role: row.role, position: row.position, bare: row.bare))
        }

        var words = RulePhraseTable<RuleWordClass>()
        var contexts: [String: [[String]]] = [:]
        var contextOrder: [String] = []
        let union: (RuleWordClass, RuleWordClass) -> RuleWordClass = { $0.union($1) }
        for row in ordered(lexicon.words, { $0.lang }) {
            if row.wordClass.hasPrefix("context:") {
                let code = String(row.wordClass.dropFirst("context:".count))
                if contexts[code] == nil { contextOrder.append(code) }
                contexts[code, default: []].append(RuleTokenizer.tokens(of: row.phrase).map(\.key))
            } else if let cls = RuleWordClass.names[row.wordClass] {
                words.insert(row.phrase, cls, combine: union)
            }
        }
        for (phrase, cls) in CLDRWords.words(for: lang, languages: lexicon.languages) {
            words.insert(phrase, cls, combine: union)
        }

        var single: [RuleKey: RuleWordClass] = [:]
        for (first, entries) in words.byFirst {
            for entry in entries where entry.rest.isEmpty { single[first, default: []].formUnion(entry.payload) }
        }
        for first in titles.byFirst.keys { single[first, default: []].insert(.titleStart) }
        for (first, entries) in numbers.byFirst where entries.contains(where: { $0.rest.isEmpty }) {
            single[first, default: []].insert(.numberWord)
        }

        self.titles = titles
        self.patterns = patterns
        self.units = units
        self.numbers = numbers
        self.words = words
        self.single = RuleKeyTable(single)
        self.proclitics = Set(lexicon.words.filter { applies($0.lang) && $0.wordClass == "proclitic" }
            .map { RuleFolding.fold($0.phrase) })
        self.arabicProclitics = (0x600...0x6FF).map { [proclitics = self.proclitics] u in
            proclitics.contains(String(Unicode.Scalar(UInt32(u))!))
        }
        self.currencyContexts = contextOrder.map { ($0, contexts[$0]!) }
        self.decimalComma = lexicon.words.contains { applies($0.lang) && $0.wordClass == "decimal-comma" }
        self.decimalPoint = lexicon.words.contains { applies($0.lang) && $0.wordClass == "decimal-point" }
    }
}

extension RuleTables {
    /// The scalar alone is one of `proclitics`.
    @inline(__always)
    func isProclitic(_ u: UInt32) -> Bool {
        if u >= 0x600 && u <= 0x6FF { return arabicProclitics[Int(u) - 0x600] }
        guard let scalar = Unicode.Scalar(u) else { return false }
        return proclitics.contains(String(scalar))
    }
}

/// Place, month and weekday names from Foundation's CLDR data, so the data files need not
/// repeat every country of the world in every language.
enum CLDRWords {
    static func words(for lang: String?, languages: Set<String>) -> [(String, RuleWordClass)] {
        let targets = lang.map { [$0] } ?? languages.sorted()
        var result: [(String, RuleWordClass)] = []
        var englishAdded = false
        for code in targets {
            let locale = Locale(identifier: code)
            let names = regionNames(locale)
            result += names.map { ($0, .place) }
            // The Latin-script press writes many country names in English form ("China" in Swahili).
            if !englishAdded, code != "en", names.first.map(isCased) == true {
                result += regionNames(Locale(identifier: "en")).map { ($0, .place) }
                englishAdded = true
            }
            var calendars = [Calendar(identifier: .gregorian)]
            if code == "fa" { calendars.append(Calendar(identifier: .persian)) }
            for var calendar in calendars {
                calendar.locale = locale
                for month in calendar.monthSymbols + calendar.standaloneMonthSymbols {
                    result.append((month, .month))
                }
                for day in calendar.weekdaySymbols + calendar.standaloneWeekdaySymbols {
                    result.append((day, .weekday))
                }
            }
        }
        return result
    }

    private static func regionNames(_ locale: Locale) -> [String] {
        Locale.Region.isoRegions.compactMap { region in
            guard let name = locale.localizedString(forRegionCode: region.identifier),
                  name != region.identifier, name.count > 1 else { return nil }
            return name
        }
    }

    private static func isCased(_ name: String) -> Bool {
        guard let u = name.unicodeScalars.first?.value else { return false }
        return RuleScalarClass.writing(u) == .cased
    }
}

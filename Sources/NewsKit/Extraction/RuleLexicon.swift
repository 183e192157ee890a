import Foundation

/// A data file of the rule extractor that could not be read.
public struct RuleLexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Where a title, unit or scale word stands relative to what it qualifies.
enum RulePosition: Sendable {
    case before, after, both

    var allowsBefore: Bool { self != .after }
    var allowsAfter: Bool { self != .before }

    init?(_ text: String) {
        switch text {
        case "before": self = .before
        case "after": self = .after
        case "both": self = .both
        default: return nil
        }
    }
}

/// The raw rows of the extraction data files (titles, patterns, units, numbers, words),
/// exactly as read; `RuleTables` compiles them per language.
///
/// A file's table is given by its name: `titles*.tsv`, `patterns*.tsv`, `units*.tsv`,
/// `numbers*.tsv` or `words*.tsv`. Each file documents its columns in its header comment.
/// Lines are tab-separated; `#` starts a comment line; language `*` means every language.
struct RuleLexicon: Sendable {
    struct Title: Sendable {
        var lang: String, phrase: String, position: RulePosition, roleClass: String
    }
    struct Pattern: Sendable {
        var lang: String, phrase: String, position: RulePosition, kind: String, includesHead: Bool
    }
    struct Unit: Sendable {
        var lang: String, phrase: String, codes: [String], kind: String, position: RulePosition
        var factor: Double, needsScale: Bool
    }
    struct NumberWord: Sendable {
        enum Role: String, Sendable { case number, scale, suffix }
        var lang: String, phrase: String, value: Double, role: Role, position: RulePosition, bare: Bool
    }
    struct Word: Sendable {
        var lang: String, wordClass: String, phrase: String
    }

    var titles: [Title] = []
    var patterns: [Pattern] = []
    var units: [Unit] = []
    var numbers: [NumberWord] = []
    var words: [Word] = []

    var languages: Set<String> {
        var all = Set<String>()
        for l in titles.map(\.lang) + patterns.map(\.lang) + units.map(\.lang) + numbers.map(\.lang) + words.map(\.lang) {
            all.insert(l)
        }
        all.remove("*")
        return all
    }

    mutating func append(_ other: RuleLexicon) {
        titles += other.titles
        patterns += other.patterns
        units += other.units
        numbers += other.numbers
        words += other.words
    }

    static func load(_ url: URL) throws -> RuleLexicon {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RuleLexiconError(file: name, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(String(decoding: data, as: UTF8.self), fileName: name)
    }

    static func parse(_ text: String, fileName: String) throws -> RuleLexicon {
        let table = ["titles", "patterns", "units", "numbers", "words"].first { fileName.hasPrefix($0) }
        guard let table else {
            throw RuleLexiconError(file: fileName, line: 0,
                                   message: "unknown table: the file name must start with titles, patterns, units, numbers or words")
        }
        var lexicon = RuleLexicon()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimming(.whitespaces) }
            func fail(_ message: String) -> RuleLexiconError {
                RuleLexiconError(file: fileName, line: lineNumber, message: message)
            }
            func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
            func position(_ i: Int) throws -> RulePosition {
                guard let p = RulePosition(field(i)) else {
                    throw fail("position must be before, after or both, not '\(field(i))'")
                }
                return p
            }
            let lang = field(0), phrase = field(1)
            guard !lang.isEmpty, !phrase.isEmpty else { throw fail("language and phrase are required") }
            switch table {
            case "titles":
                lexicon.titles.append(Title(lang: lang, phrase: phrase, position: try position(2),
                                            roleClass: field(3)))
            case "patterns":
                let kind = field(3)
                guard ["org", "place", "person"].contains(kind) else { throw fail("kind must be org, place or person") }
                lexicon.patterns.append(Pattern(lang: lang, phrase: phrase, position: try position(2), kind: kind,
                                                includesHead: field(4) != "no"))
            case "units":
                let kind = field(3)
                guard ["money", "percent", "quantity"].contains(kind) else {
                    throw fail("kind must be money, percent or quantity")
                }
                guard !field(2).isEmpty else { throw fail("unit is required") }
                let factor = field(5).isEmpty ? 1 : Double(field(5))
                guard let factor else { throw fail("factor must be a number") }
                lexicon.units.append(Unit(lang: lang, phrase: phrase,
                                          codes: field(2).split(separator: "|").map(String.init), kind: kind,
                                          position: try position(4), factor: factor,
                                          needsScale: field(6).split(separator: ",").contains("needs-scale")))
            case "numbers":
                guard let value = Double(field(2)) else { throw fail("value must be a number") }
                guard let role = NumberWord.Role(rawValue: field(3)) else {
                    throw fail("role must be number, scale or suffix")
                }
                lexicon.numbers.append(NumberWord(lang: lang, phrase: phrase, value: value, role: role,
                                                  position: field(4).isEmpty ? .both : try position(4),
                                                  bare: field(5).split(separator: ",").contains("bare")))
            default:
                // words: lang, class, phrase
                guard fields.count >= 3, !field(2).isEmpty else { throw fail("words rows are lang, class, phrase") }
                lexicon.words.append(Word(lang: lang, wordClass: field(1), phrase: field(2)))
            }
        }
        return lexicon
    }
}

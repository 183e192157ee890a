import Foundation

/// Entities beyond the knowledge base, found by rules whose words are data
/// (`Resources/extraction/*.tsv`, extendable by plugins): people by titles and roles and by
/// capitalised names with a cue, organisations and places by head words, and amounts.
///
/// Mentions of `mentions(in:lang:)` do not overlap one another; the knowledge-base matcher's
/// mentions should win over them where they overlap.
public struct RuleExtractor: Sendable {
    private let lexicon: RuleLexicon
    private let compiled: CompiledRuleSet
    /// A trained tagger whose names fill what the rules and the knowledge base leave (see
    /// `EntityAnnotator.mergingTagger`); plugins ship its weights (`tagger/*.tagger`).
    public var tagger: NameTagger?

    /// The bundled data, loaded and compiled once.
    public static let bundled: RuleExtractor = {
        let titles = Bundle.module.url(forResource: "titles", withExtension: "tsv", subdirectory: "Resources/extraction")
        let folder = titles?.deletingLastPathComponent()
        let listed = folder.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) } ?? []
        let urls = listed.filter { $0.pathExtension == "tsv" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        precondition(!urls.isEmpty, "NewsKit: the bundled extraction data (Resources/extraction/*.tsv) is missing")
        do {
            return try RuleExtractor(dataFiles: urls)
        } catch {
            preconditionFailure("NewsKit: bundled extraction data is invalid: \(error)")
        }
    }()

    /// Loads data files; each file's table is given by its name (titles*, patterns*, units*,
    /// numbers*, words* .tsv).
    public init(dataFiles: [URL]) throws {
        var lexicon = RuleLexicon()
        for url in dataFiles { lexicon.append(try RuleLexicon.load(url)) }
        self.init(lexicon: lexicon)
    }

    init(lexicon: RuleLexicon) {
        self.lexicon = lexicon
        self.compiled = CompiledRuleSet(lexicon: lexicon)
    }

    /// This extractor's data followed by `other`'s (earlier rows win where both define a phrase).
    public func merging(_ other: RuleExtractor) -> RuleExtractor {
        var combined = lexicon
        combined.append(other.lexicon)
        var merged = RuleExtractor(lexicon: combined)
        merged.tagger = tagger ?? other.tagger
        return merged
    }

    /// People, organisations and places found by rules, in text order, not overlapping.
    public func mentions(in text: String, lang: String?) -> [Mention] {
        RuleExtractor.mentions(of: RuleDocument(text: text, tables: compiled.tables(for: lang, text: text)))
    }

    /// Money, percentages and quantities, in text order.
    public func amounts(in text: String, lang: String?) -> [Mention] {
        RuleDocument(text: text, tables: compiled.tables(for: lang, text: text), wordClasses: false).amounts()
    }

    /// `mentions(in:lang:)` and `amounts(in:lang:)` of one text, which is tokenised once for both.
    public func mentionsAndAmounts(in text: String, lang: String?) -> (mentions: [Mention], amounts: [Mention]) {
        let document = RuleDocument(text: text, tables: compiled.tables(for: lang, text: text))
        return (RuleExtractor.mentions(of: document), document.amounts())
    }

    private static func mentions(of document: RuleDocument) -> [Mention] {
        var people = document.titledPeople()
        var covered = document.coverage(of: people)
        people += document.capitalisedPeople(skipping: covered)
        covered = document.coverage(of: people)
        people += document.speakingPeople(skipping: covered)
        covered = document.coverage(of: people)
        let entities = document.patternEntities()
        var all = RuleExtractor.withoutOverlaps(people + entities)
        all += document.repeatedPeople(all.filter { $0.kind == "person" }, covered: document.coverage(of: all))
        return RuleExtractor.withoutOverlaps(all)
    }

    /// Keeps, of overlapping mentions, the one with the higher score, then the longer one.
    static func withoutOverlaps(_ mentions: [Mention]) -> [Mention] {
        let ranked = mentions.sorted {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.utf8Range.count != $1.utf8Range.count { return $0.utf8Range.count > $1.utf8Range.count }
            return $0.utf8Range.lowerBound < $1.utf8Range.lowerBound
        }
        var kept: [Mention] = []
        for mention in ranked where !kept.contains(where: { $0.utf8Range.overlaps(mention.utf8Range) }) {
            kept.append(mention)
        }
        return kept.sorted { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
    }
}

/// The compiled tables of every language of the data, plus one for all languages together.
final class CompiledRuleSet: Sendable {
    private let byLanguage: [String: RuleTables]
    private let anyLanguage: RuleTables

    init(lexicon: RuleLexicon) {
        var byLanguage: [String: RuleTables] = [:]
        for lang in lexicon.languages { byLanguage[lang] = RuleTables(lexicon: lexicon, lang: lang) }
        self.byLanguage = byLanguage
        self.anyLanguage = RuleTables(lexicon: lexicon, lang: nil)
    }

    /// The tables of `lang` ("fa-IR" reads as "fa"); without a known language, a guess from
    /// the script (Persian letters → fa, other Arabic script → ar), else all languages together.
    func tables(for lang: String?, text: String) -> RuleTables {
        if let lang {
            let base = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            if let tables = byLanguage[base] { return tables }
        }
        if let guess = CompiledRuleSet.guessArabicScriptLanguage(text), let tables = byLanguage[guess] { return tables }
        return anyLanguage
    }

    private static func guessArabicScriptLanguage(_ text: String) -> String? {
        var arabic = 0, persian = 0, latin = 0
        for scalar in text.unicodeScalars.prefix(4000) {
            switch scalar.value {
            case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: persian += 1; arabic += 1
            case 0x0600...0x06FF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        guard arabic > latin else { return nil }
        return persian * 20 > arabic ? "fa" : "ar"
    }
}

extension RuleDocument {
    /// Which tokens lie inside one of the mentions.
    func coverage(of mentions: [Mention]) -> [Bool] {
        var covered = [Bool](repeating: false, count: count)
        guard !mentions.isEmpty else { return covered }
        let ranges = mentions.map(\.utf8Range).sorted { $0.lowerBound < $1.lowerBound }
        var r = 0
        for i in 0..<count {
            while r < ranges.count && ranges[r].upperBound <= tokens[i].start { r += 1 }
            var s = r
            while s < ranges.count && ranges[s].lowerBound < tokens[i].end {
                if ranges[s].overlaps(tokens[i].start..<tokens[i].end) { covered[i] = true; break }
                s += 1
            }
        }
        return covered
    }

    /// Later mentions of a person already found in this text: the same name of two or more
    /// words anywhere, and (cased scripts) the surname alone ("Kenyatta" after "Uhuru Kenyatta").
    func repeatedPeople(_ people: [Mention], covered: [Bool]) -> [Mention] {
        var sequences: [[String]: Mention] = [:]
        var surnames: [RuleKey: Mention?] = [:]
        for person in people {
            let span = tokenSpan(of: person.utf8Range)
            let words = span.filter { tokens[$0].kind == .word }
            guard words.count >= 2 else { continue }
            let keys = span.map { tokens[$0].key }
            if sequences[keys] == nil { sequences[keys] = person }
            if let last = words.last, tokens[last].writing == .cased, tokens[last].key.count >= 4,
               classes[last].isEmpty {
                // A surname shared by two different people names neither of them.
                if let existing = surnames[tokens[last].ruleKey], existing?.id != person.id {
                    surnames[tokens[last].ruleKey] = .some(nil)
                } else {
                    surnames[tokens[last].ruleKey] = person
                }
            }
        }
        guard !sequences.isEmpty else { return [] }
        // By first word, in the dictionary's order: each token looks only at the names that can
        // start with it (a long text has many tokens and many names).
        var byFirst: [RuleKey: [(keys: [String], person: Mention)]] = [:]
        for (keys, person) in sequences { byFirst[RuleKey(keys[0]), default: []].append((keys, person)) }
        var found: [Mention] = []
        var covered = covered
        for i in 0..<count where !covered[i] && tokens[i].kind == .word {
            for (keys, person) in byFirst[tokens[i].ruleKey] ?? [] where i + keys.count <= count {
                let range = i..<(i + keys.count)
                guard range.allSatisfy({ !covered[$0] && tokens[$0].key == keys[$0 - i] }),
                      range.dropFirst().allSatisfy({ !tokens[$0].lineBefore }),
                      !(tokens[i].writing == .cased && range.contains { tokens[$0].kind == .word && !isNameCased($0) })
                else { continue }
                let bytes = tokens[i].start..<tokens[range.upperBound - 1].end
                found.append(Mention(id: person.id, kind: "person", name: person.name, text: surface(bytes),
                                     utf8Range: bytes, extractor: person.extractor,
                                     score: person.score >= 0.8 ? 0.7 : 0.5, role: nil))
                for k in range { covered[k] = true }
                break
            }
            guard !covered[i], let entry = surnames[tokens[i].ruleKey], let person = entry,
                  isNameCased(i),
                  // Not after another name part (a different "X Kenyatta", also at the start of a
                  // sentence: "Ivanka Trump"); a function word that opens the sentence ("Baadaye
                  // Kenyatta ...") is no name part.
                  !(isNameCased(i - 1) && !tokens[i].lineBefore && !breaksCasedName(i - 1, first: true)),
                  !(isNameCased(i + 1) && !tokens[i + 1].lineBefore) else { continue }
            let bytes = tokens[i].start..<tokens[i].end
            found.append(Mention(id: person.id, kind: "person", name: person.name, text: surface(bytes),
                                 utf8Range: bytes, extractor: person.extractor, score: 0.5, role: nil))
            covered[i] = true
        }
        return found
    }

    /// The tokens inside `range`. Tokens are in text order and do not overlap, so they are
    /// one run, found by binary search rather than a pass over the text per person.
    private func tokenSpan(of range: Range<Int>) -> [Int] {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var result: [Int] = []
        var i = lo
        while i < count && tokens[i].end <= range.upperBound {
            result.append(i)
            i += 1
        }
        return result
    }
}

import Foundation
import XCTest
@testable import NewsKit

/// Issue 7, "any input size": `PersonCoreference` compares each person with the names holding its
/// words instead of with every person of the window. It must decide exactly what comparing every
/// pair decided (`PersonCoreferenceOracle`, the code before the index), including re-identifications
/// that build on earlier ones in the same pass: generated mention lists (names from a small
/// vocabulary that overlap, knowledge-base and other ids, Arabic clitics, regnal numbers, titles,
/// shared positions) and, when ../shared/corpus is there, the people of its articles.
final class PersonCoreferenceEquivalenceTests: XCTestCase {
    /// The same cases on every run and platform.
    typealias Generator = FoldingPropertyTests.SplitMix

    static let latin = ["Donald", "Trump", "Trump's", "Ivanka", "Jennifer", "Nkosi", "Maaba", "Kim", "Jong", "Un", "Yo",
                        "Abdullah", "King", "II", "III", "President", "Tower", "But", "Putin", "Vladimir", "Xi", "Jinping",
                        "Al-Sisi", "Smith", "Trumpism", "Mr", "Rais", "Samia", "Suluhu", "Hassan", "Kagame", "Paul"]
    static let arabic = ["دونالد", "ترمب", "وترمب", "لترمب", "بولسونارو", "وبولسونارو", "فبولسونارو", "جائير", "الرئيس",
                         "عبدالله", "الثاني", "احمدي", "نژاد", "احمدی‌نژاد", "محمود", "والرئيس", "بوتين", "وبوتين", "فلاديمير"]
    static let filler = ["said", "the", "met", "and", ".", ",", "in", "on", "Monday", "of", "a", "visit", "قال", "في", "مع"]
    static let linkedPeople = [
        ("person/donald-trump", "Donald Trump"), ("person/abdullah-ii", "Abdullah II of Jordan"),
        ("person/kim-jong-un", "Kim Jong Un"), ("person/jennifer-nkosi", "Jennifer Nkosi"),
        ("person/mahmoud-ahmadinejad", "Mahmoud Ahmadinejad"), ("person/vladimir-putin", "Vladimir Putin"),
        ("person/paul-kagame", "Paul Kagame"), ("person/samia-suluhu-hassan", "Samia Suluhu Hassan"),
    ]
    static let unlinkedIDs = ["~person/trump", "~person/nkosi", "~person/donald-trump", "~person/بولسونارو",
                              "~person/jennifer-nkosi", "~person/kim"]

    /// A text of random words and a list of mentions over it, in random order.
    static func generate(_ g: inout Generator, words: Int, mentions count: Int) -> (text: String, mentions: [EntityMention]) {
        var text = "", tokens: [Range<Int>] = []
        for _ in 0..<words {
            let word = g.chance(35) ? g.pick(filler) : g.chance(70) ? g.pick(latin) : g.pick(arabic)
            if !text.isEmpty { text += g.chance(8) ? "\n\n" : g.chance(5) ? "" : " " }
            let start = text.utf8.count
            text += word
            tokens.append(start..<text.utf8.count)
        }
        var mentions: [EntityMention] = []
        let bytes = Array(text.utf8)
        for _ in 0..<count {
            let s = g.below(tokens.count), length = 1 + g.below(min(3, tokens.count - s))
            let range = tokens[s].lowerBound..<tokens[s + length - 1].upperBound
            let surface = String(decoding: bytes[range], as: UTF8.self)
            var id: String, name = surface
            if g.chance(35) {
                let person = g.pick(linkedPeople)
                id = person.0
                if g.chance(80) { name = person.1 }
            } else if g.chance(25) {
                id = g.pick(unlinkedIDs)
            } else {
                id = Mention.unlinkedID(kind: "person", name: surface)
                if g.chance(10) { name = g.pick(linkedPeople).1 }
            }
            let kind = g.chance(88) ? "person" : g.pick(["place", "org"])
            if kind != "person" && id.hasPrefix("~") { id = "~" + kind + "/" + id.split(separator: "/").last! }
            var first: Int? = range.lowerBound + 1, last: Int? = range.upperBound
            if g.chance(8) {
                first = nil
                last = nil
            } else if g.chance(8), let other = mentions.randomElement(using: &g), other.first != nil {
                first = other.first
                last = other.last
            }
            var m = EntityMention(id: id, kind: kind, name: name, text: surface, first: first, last: last,
                                  extractor: g.pick(["kb", "tagger", "title", "capitalised"]), score: 0.7)
            if first == nil { m.section = "title" }
            mentions.append(m)
        }
        return (text, mentions)
    }

    /// Both resolutions of `mentions`: equal, the surnames found compared by position (the oracle
    /// gives them in the order of a dictionary, the annotator sorts them by position).
    func compare(_ mentions: [EntityMention], text: String, lang: String, label: @autoclosure () -> String,
                 windowSize: Int? = nil) -> (changed: Int, surnames: Int)? {
        let old: [EntityMention], new: [EntityMention]
        if let windowSize {
            old = PersonCoreferenceOracle().resolveByWindow(mentions, text: Substring(text), lang: lang, windowSize: windowSize)
            new = PersonCoreference().resolveByWindow(mentions, text: Substring(text), lang: lang, windowSize: windowSize)
        } else {
            old = PersonCoreferenceOracle().resolve(mentions, text: Substring(text), lang: lang)
            new = PersonCoreference().resolve(mentions, text: Substring(text), lang: lang)
        }
        func ordered(_ resolved: [EntityMention]) -> [EntityMention] {
            Array(resolved.prefix(mentions.count)) + resolved.dropFirst(mentions.count).sorted { $0.first! < $1.first! }
        }
        let (a, b) = (ordered(old), ordered(new))
        guard a == b else {
            let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail("""
                \(label()): \(a.count) mentions by the oracle, \(b.count) now; first difference at \(at):
                  oracle: \(at < a.count ? "\(a[at].id) \(a[at].text) \(a[at].first ?? 0)" : "(end)")
                  now:    \(at < b.count ? "\(b[at].id) \(b[at].text) \(b[at].first ?? 0)" : "(end)")
                """)
            return nil
        }
        return (zip(mentions, a).filter { $0.id != $1.id }.count, a.count - mentions.count)
    }

    func testGeneratedMentionListsResolveAsComparingEveryPairDid() {
        var g = Generator(state: 7)
        var changed = 0, surnames = 0, failures = 0
        for n in 0..<1500 where failures < 5 {
            let small = n % 4 != 3
            let (text, mentions) = Self.generate(&g, words: small ? 4 + g.below(40) : 60 + g.below(300),
                                                 mentions: small ? 1 + g.below(12) : 20 + g.below(150))
            let lang = g.pick(["en", "ar", "fa", "sw"])
            guard let result = compare(mentions, text: text, lang: lang, label: "case \(n)") else { failures += 1; continue }
            changed += result.changed
            surnames += result.surnames
            if n % 10 == 0 {
                let size = max(8, text.utf8.count / (2 + g.below(4)))
                if compare(mentions, text: text, lang: lang, label: "case \(n), windows of \(size)", windowSize: size) == nil {
                    failures += 1
                }
            }
        }
        // The cases exercise what they are meant to: many re-identifications and surnames.
        XCTAssertGreaterThan(changed, 1500)
        XCTAssertGreaterThan(surnames, 150)
    }

    /// One name written hundreds of times beside a few fuller ones, chains of partial names, and
    /// ids changing mid pass: where the index groups identical names and searches them by position.
    func testCrowdsOfOneNameResolveAsComparingEveryPairDid() {
        var g = Generator(state: 11)
        let crowd = ["Trump", "Donald Trump", "Nkosi", "Jennifer Nkosi", "Jennifer Nkosi Maaba", "King Abdullah",
                     "King Abdullah II", "Kim", "Kim Jong Un", "Kim Yo Jong", "ترمب", "وترمب", "دونالد ترمب"]
        for round in 0..<12 {
            var text = "", mentions: [EntityMention] = []
            for _ in 0..<(200 + g.below(600)) {
                if !text.isEmpty { text += g.chance(50) ? " said. " : " " }
                let surface = g.pick(Array(crowd.prefix(4 + round)))
                let start = text.utf8.count
                text += surface
                var id = g.chance(15) ? g.pick(Self.unlinkedIDs) : Mention.unlinkedID(kind: "person", name: surface)
                var name = surface
                if g.chance(10 + 2 * round) {
                    let person = g.pick(Self.linkedPeople)
                    (id, name) = (person.0, person.1)
                }
                let first = g.chance(5) ? mentions.last?.first ?? start + 1 : start + 1
                mentions.append(EntityMention(id: id, kind: "person", name: name, text: surface, first: first,
                                              last: first + surface.utf8.count - 1, extractor: "tagger", score: 0.6))
            }
            if round % 2 == 1 { mentions.shuffle(using: &g) }
            _ = compare(mentions, text: text, lang: round % 3 == 0 ? "ar" : "en", label: "crowd \(round)")
        }
    }

    /// The corpus's articles: their people as the annotator leaves them and as they stood before
    /// coreference (each unlinked find's own id back), alone and many articles as one window.
    func testCorpusArticlesResolveAsComparingEveryPairDid() throws {
        guard let corpus = SharedTestData.corpus() else { throw XCTSkip("no corpus at ../shared/corpus: skipped") }
        let kb = try KnowledgeBase.load(directory: SharedTestData.repoRoot.appendingPathComponent("Plugins/world/kb"))
        // With the shipped tagger, as a run has it: most people outside the knowledge base are its finds.
        var rules = RuleExtractor.bundled
        let taggerFolder = SharedTestData.repoRoot.appendingPathComponent("Plugins/ner/tagger")
        let taggerFiles = try FileManager.default.contentsOfDirectory(atPath: taggerFolder.path)
            .filter { $0.hasSuffix(".tagger") }.map { taggerFolder.appendingPathComponent($0) }
        rules.tagger = try NameTagger(files: taggerFiles)
        let annotator = EntityAnnotator(knowledgeBase: kb, rules: rules)
        let reader = ArticleReader()
        var compared = 0, changed = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in names {
            let data = try Data(contentsOf: corpus.appendingPathComponent(name))
            var index = 0
            var joinedText = "", joined: [EntityMention] = [], lang = "en"
            JSONLinesReader(origin: name).read(data, warn: { _ in }) { record in
                defer { index += 1 }
                guard index % 23 == 0, index / 23 < 40 else { return }
                let article = reader.article(from: record)
                lang = article.lang
                let found = annotator.annotate(article).mentions
                let before = found.compactMap { m -> EntityMention? in
                    guard !(m.kind == "person" && m.extractor == "kb" && m.score == 0.6 && !m.text.contains(" ")) else { return nil }
                    guard m.kind == "person", m.extractor != "kb" else { return m }
                    var m = m
                    m.id = Mention.unlinkedID(kind: "person", name: m.text)
                    m.name = m.text
                    return m
                }
                for (variant, mentions) in [("annotated", found), ("before coreference", before)] {
                    guard let result = compare(mentions, text: article.text, lang: article.lang,
                                               label: "\(name) \(index) \(variant)") else { continue }
                    compared += 1
                    changed += result.changed
                }
                // Articles one after another in one window: a book of many people.
                let offset = joinedText.utf8.count
                joinedText += article.text + "\n\n"
                joined += before.map { m in
                    var m = m
                    m.first = m.first.map { $0 + offset }
                    m.last = m.last.map { $0 + offset }
                    return m
                }
            }
            if let result = compare(joined, text: joinedText, lang: lang, label: "\(name) as one text of \(joined.count) mentions") {
                changed += result.changed
            }
        }
        XCTAssertGreaterThan(compared, 100)
        XCTAssertGreaterThan(changed, 100, "re-identifications in \(compared) comparisons")
    }
}

/// What resolving costs on a 1 MiB window of thousands of people, the indexed resolution beside
/// the pairwise one: `COREF_BENCH=MENTIONS` (optionally `new:` or `old:` before the count, to run
/// one under callgrind) prints CPU seconds; skipped otherwise.
final class PersonCoreferenceCostTests: XCTestCase {
    /// News-like sentences naming people from 600 full names (a fifth of them knowledge-base
    /// people), by full name, surname alone or title and surname, until `mentions` are written.
    static func window(mentions count: Int) -> (text: String, mentions: [EntityMention]) {
        var g = PersonCoreferenceEquivalenceTests.Generator(state: 3)
        let firsts = ["Donald", "Jennifer", "Samia", "Paul", "Vladimir", "Xi", "Kim", "Abdullah", "Mahmoud", "Hassan",
                      "Moses", "William", "Raila", "Uhuru", "Ali", "Hossein", "Sergey", "Emmanuel", "Narendra", "Recep",
                      "Joe", "Angela", "Boris", "Cyril"]
        let lasts = ["Trump", "Nkosi", "Suluhu", "Kagame", "Putin", "Jinping", "Jong", "Ahmadinejad", "Rouhani", "Wetangula",
                     "Ruto", "Odinga", "Kenyatta", "Khamenei", "Lavrov", "Macron", "Modi", "Erdogan", "Biden", "Merkel",
                     "Johnson", "Ramaphosa", "Museveni", "Gargash", "Zarif"]
        var text = "", mentions: [EntityMention] = []
        func name(_ surface: String, id: String, name: String) {
            let start = text.utf8.count
            text += surface
            mentions.append(EntityMention(id: id, kind: "person", name: name, text: surface, first: start + 1,
                                          last: text.utf8.count, extractor: id.hasPrefix("~") ? "tagger" : "kb", score: 0.7))
        }
        while mentions.count < count {
            let first = g.pick(firsts), last = g.pick(lasts), full = first + " " + last
            let linked = (first.count + last.count) % 5 == 0
            switch g.below(4) {
            case 0, 1:
                name(full, id: linked ? "person/" + full.lowercased().replacingOccurrences(of: " ", with: "-")
                         : Mention.unlinkedID(kind: "person", name: full), name: full)
            case 2: name(last, id: Mention.unlinkedID(kind: "person", name: last), name: last)
            default: name("President " + last, id: Mention.unlinkedID(kind: "person", name: last), name: last)
            }
            text += g.pick([" said on Monday that the talks would go on. ", " met officials in the capital.\n\n",
                            " and ", ", according to a statement, "])
        }
        return (text, mentions)
    }

    private static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func testResolvingAWindowOfThousandsOfPeople() throws {
        guard let setting = ProcessInfo.processInfo.environment["COREF_BENCH"] else {
            throw XCTSkip("COREF_BENCH=MENTIONS measures resolving; skipped")
        }
        let parts = setting.split(separator: ":")
        let only = parts.count > 1 ? String(parts[0]) : nil
        let (text, mentions) = Self.window(mentions: Int(parts.last!) ?? 5000)
        var results: [String: [EntityMention]] = [:]
        for (label, resolve) in [("new", PersonCoreference().resolve), ("old", PersonCoreferenceOracle().resolve)]
            where only == nil || only == label {
            let start = Self.cpuSeconds()
            results[label] = resolve(mentions, Substring(text), "en")
            print("coreference \(label): \(mentions.count) mentions, \(text.utf8.count) bytes: "
                  + String(format: "%.3f s CPU", Self.cpuSeconds() - start))
        }
        if let new = results["new"], let old = results["old"] {
            XCTAssertEqual(new.prefix(mentions.count), old.prefix(mentions.count))
            XCTAssertEqual(new.count, old.count)
        }
    }
}

extension FoldingPropertyTests.SplitMix {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

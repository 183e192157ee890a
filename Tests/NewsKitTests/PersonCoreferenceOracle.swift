import Foundation
@testable import NewsKit

/// PersonCoreference as it was before its index (commit 57ba02d), kept word for word as the
/// reference that `PersonCoreferenceEquivalenceTests` compares the indexed one with: every person
/// against every other, once per mention, and one scan of the text per surname. Quadratic, so
/// only for tests.
struct PersonCoreferenceOracle {
    private struct Person {
        var index: Int
        var words: Set<Substring>
        var linked: Bool
    }

    private let titles: TitleWords

    init(titles: TitleWords = .standard) {
        self.titles = titles
    }

    /// `resolve` on each window of `text` (`TextWindows`; every real article is one window) with
    /// the mentions that start in it; mentions without an offset (the title's) join the first.
    /// Comparing names grows with the square of an article's people, so a book-length text must
    /// not be one comparison: as for the other stages, a full name licenses a partial one only in
    /// its own window.
    func resolveByWindow(_ mentions: [EntityMention], text: Substring, lang: String?,
                         windowSize: Int = TextWindows.size) -> [EntityMention] {
        var text = text
        let windows = text.withUTF8 { TextWindows.windows($0, size: windowSize) }
        guard windows.count > 1 else { return resolve(mentions, text: text, lang: lang) }
        var groups = Array(repeating: [EntityMention](), count: windows.count)
        for m in mentions {
            guard let first = m.first else { groups[0].append(m); continue }
            var lo = 0, hi = windows.count - 1  // the last window starting at or before the mention
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if windows[mid].lowerBound <= first - 1 { lo = mid } else { hi = mid - 1 }
            }
            groups[lo].append(Self.shifted(m, by: -windows[lo].lowerBound))
        }
        var resolved: [EntityMention] = []
        resolved.reserveCapacity(mentions.count)
        let utf8 = text.utf8
        for (w, window) in windows.enumerated() where !groups[w].isEmpty {
            let start = utf8.index(utf8.startIndex, offsetBy: window.lowerBound)
            let end = utf8.index(start, offsetBy: window.count)
            for m in resolve(groups[w], text: text[start..<end], lang: lang) {
                resolved.append(Self.shifted(m, by: window.lowerBound))
            }
        }
        return resolved
    }

    private static func shifted(_ m: EntityMention, by offset: Int) -> EntityMention {
        guard offset != 0, m.first != nil else { return m }
        var m = m
        m.first = m.first.map { $0 + offset }
        m.last = m.last.map { $0 + offset }
        return m
    }

    /// The mentions with partial names re-identified, plus the surnames found in `text`.
    func resolve(_ mentions: [EntityMention], text: Substring, lang: String?) -> [EntityMention] {
        var mentions = mentions
        let people = mentions.indices.filter { mentions[$0].kind == "person" }
        guard people.count > 1 || people.contains(where: { mentions[$0].isLinked }) else { return mentions }
        var named: [Person] = []
        var written: [[Substring]] = []
        for i in people {
            let ordered = nameWords(mentions[i].text)
            let words = Set(ordered).union(mentions[i].isLinked ? nameWords(mentions[i].name) : [])
            named.append(Person(index: i, words: words, linked: mentions[i].isLinked))
            written.append(ordered)
        }
        for (k, person) in named.enumerated() where !person.words.isEmpty {
            let ordered = written[k]
            let own = Set(ordered)
            guard !own.isEmpty else { continue }
            // "احمدي نژاد" typed with a space where the full name writes "احمدی‌نژاد" (ZWNJ).
            let joined = ordered.count > 1 ? Substring(ordered.joined()) : nil
            if let target = fuller(than: own, joined: joined, of: person, among: named, in: mentions) {
                mentions[person.index].id = mentions[target].id
                mentions[person.index].name = mentions[target].name
            }
        }
        return mentions + surnames(of: mentions, in: text, lang: lang)
    }

    /// The mention whose name holds every word of `own`: the one that says more (more words, or a
    /// knowledge-base id where this one has none), nearest before `person`, else the first after
    /// it; nil when such names belong to different people.
    private func fuller(than own: Set<Substring>, joined: Substring?, of person: Person, among named: [Person],
                        in mentions: [EntityMention]) -> Int? {
        let me = mentions[person.index]
        var ids = Set<String>()
        var before: Int?, after: Int?
        for other in named where other.index != person.index && mentions[other.index].id != me.id {
            let says = other.words.count > own.count || (other.linked && !person.linked)
            guard says, own.allSatisfy({ word in contains(other.words, word) })
                || joined.map({ contains(other.words, $0) }) == true else { continue }
            // A knowledge-base name stays unless the fuller one adds only a regnal number
            // ("King Abdullah" → "King Abdullah II").
            if person.linked && !other.words.subtracting(own).allSatisfy(Self.isRegnalNumber) { continue }
            ids.insert(mentions[other.index].id)
            let position = mentions[other.index].first ?? 0
            if position <= (me.first ?? 0) {
                if before.map({ (mentions[$0].first ?? 0) < position }) ?? true { before = other.index }
            } else if after.map({ (mentions[$0].first ?? 0) > position }) ?? true {
                after = other.index
            }
        }
        // Unlinked look-alikes of one knowledge-base person ("Trump" as tagger and as rule) agree.
        let linkedIDs = ids.filter { !$0.hasPrefix("~") }
        guard ids.count == 1 || (linkedIDs.count == 1) else { return nil }
        let chosen = before ?? after
        if let chosen, linkedIDs.count == 1, mentions[chosen].id.hasPrefix("~") {
            return named.first { mentions[$0.index].id == linkedIDs.first! }?.index
        }
        return chosen
    }

    /// `word` is one of `words`, or (Arabic script) one of them behind a clitic: "وبولسونارو".
    private func contains(_ words: Set<Substring>, _ word: Substring) -> Bool {
        if words.contains(word) { return true }
        guard let lead = word.utf8.first, lead >= 0xD8 && lead <= 0xDB else { return false }
        for clitic in Self.clitics where word.hasPrefix(clitic) && word.count > clitic.count + 2 {
            if words.contains(word.dropFirst(clitic.count)) { return true }
        }
        return false
    }

    private static let clitics = ["وبال", "وكال", "فبال", "بال", "وال", "فال", "كال", "ولل", "لل", "ال",
                                  "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"]
        .map { TextFolder.fold($0) }.sorted { $0.count > $1.count }

    /// "II", "III", "IV", "XVI": a regnal number.
    static func isRegnalNumber(_ word: Substring) -> Bool {
        !word.isEmpty && word.count <= 5 && word.allSatisfy { "ivx".contains($0) }
    }

    /// The folded words of a name, without titles and a possessive "'s".
    func nameWords(_ name: String) -> [Substring] {
        var name = Substring(name)
        for suffix in ["'s", "’s"] where name.hasSuffix(suffix) { name = name.dropLast(2) }
        let words = TextFolder.fold(String(name)).split { !$0.isLetter && !$0.isNumber }
        return words.filter { !titles.containsFolded(String($0)) }
    }

    // MARK: Surnames alone

    /// "Trump" after "Donald Trump": the last word of a knowledge-base person named in full
    /// (cased scripts), where it stands alone, capitalised, not inside another find, not after
    /// another capitalised name word (a different "Ivanka Trump") nor before one ("Trump Tower").
    private func surnames(of mentions: [EntityMention], in text: Substring, lang: String?) -> [EntityMention] {
        var bySurname: [String: EntityMention?] = [:]
        for m in mentions where m.kind == "person" && m.isLinked && m.first != nil {
            var surface = Substring(m.text)
            for suffix in ["'s", "’s"] where surface.hasSuffix(suffix) { surface = surface.dropLast(2) }
            let parts = surface.split(separator: " ")
            guard parts.count >= 2, let last = parts.last, last.utf8.count >= 3,
                  let lead = last.utf8.first, (0x41...0x5A).contains(lead),
                  last.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x2D }),
                  !Self.isRegnalNumber(Substring(last.lowercased())) else { continue }
            let key = String(last)
            if let existing = bySurname[key], existing?.id != m.id { bySurname[key] = .some(nil) } else { bySurname[key] = m }
        }
        guard !bySurname.isEmpty else { return [] }
        let taken = mentions.compactMap { m in m.first.map { ($0 - 1)..<m.last! } }.sorted { $0.lowerBound < $1.lowerBound }
        var found: [EntityMention] = []
        var text = text
        text.withUTF8 { bytes in
            for (surname, entry) in bySurname {
                guard let person = entry else { continue }
                let needle = Array(surname.utf8)
                var from = 0
                while let start = Self.find(needle, in: bytes, from: from) {
                    from = start + needle.count
                    let range = start..<(start + needle.count)
                    guard Self.standsAlone(range, in: bytes, titles: titles), !Self.overlaps(range, taken) else { continue }
                    var m = EntityMention(id: person.id, kind: "person", name: person.name, text: surname,
                                          first: range.lowerBound + 1, last: range.upperBound, extractor: "kb", score: 0.6)
                    m.form = nil
                    found.append(m)
                }
            }
        }
        return found
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func overlaps(_ range: Range<Int>, _ taken: [Range<Int>]) -> Bool {
        var lo = 0, hi = taken.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if taken[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < taken.count && taken[lo].overlaps(range)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (0x30...0x39).contains(b) || b == 0x2D
    }

    private static func isCapital(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }

    /// Whole word; not glued to another capitalised word before or after (one space apart),
    /// unless the word before is a title or opens the sentence.
    private static func standsAlone(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, titles: TitleWords) -> Bool {
        if range.lowerBound > 0 && isWordByte(bytes[range.lowerBound - 1]) { return false }
        if range.upperBound < bytes.count && isWordByte(bytes[range.upperBound]) { return false }
        // The word after: "Trump Tower" is something else.
        if range.upperBound + 1 < bytes.count && bytes[range.upperBound] == 0x20 && isCapital(bytes[range.upperBound + 1]) {
            return false
        }
        // The word before.
        guard range.lowerBound >= 2, bytes[range.lowerBound - 1] == 0x20 else { return true }
        var start = range.lowerBound - 1
        while start > 0 && isWordByte(bytes[start - 1]) && bytes[start - 1] < 0x80 { start -= 1 }
        guard start < range.lowerBound - 1, isCapital(bytes[start]) else { return true }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(range.lowerBound - 1)]), as: UTF8.self)
        // A title ("President Trump") or a capitalised function word ("But Trump said") is no
        // name part; any other capitalised word may be another first name ("Ivanka Trump").
        return titles.contains(word) || Self.sentenceWords.contains(word)
    }

    /// Capitalised function words that stand before a name inside a sentence too.
    private static let sentenceWords: Set<String> = [
        "But", "And", "When", "While", "After", "Before", "As", "If", "So", "Then", "Yet", "Meanwhile", "However",
        "Although", "Because", "Since", "Why", "How", "What", "Where", "Now", "Still", "Later", "Earlier", "On", "In",
        "At", "For", "With", "Under", "That", "This", "Last", "Next", "Mr", "Mrs", "Ms", "Dr",
    ]
}

/// One id per person in an article (issue 11): a partial name ("Trump", "Bolsonaro", "King
/// Abdullah") takes the id of the fuller name it is part of ("Donald Trump", "جائير بولسونارو",
/// "King Abdullah II"), so an article counts one person once, under the knowledge base's id where
/// the fuller name has one; and in cased scripts the surname alone of a knowledge-base person
/// named in full is found wherever no other find covers it.
///
/// Words are compared folded, without titles ("King", "الرئيس") and, in Arabic script, with a
/// clitic before a word allowed ("وبولسونارو"). A partial name that fits two different people of
/// the article ("Kim" beside "Kim Jong Un" and "Kim Yo Jong") is left as it was.
struct PersonCoreference {
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
    ///
    /// Each person is compared with the names that hold its first word (`Roster`), one check per
    /// distinct name however often it is written, so a window of thousands of people costs about
    /// its mentions times their distinct fuller names, not their square. What it decides is what
    /// comparing every pair decides, in the same order: a mention re-identified earlier counts
    /// under its new id for the later ones ("Nkosi" after "Jennifer Nkosi" took a knowledge-base id).
    func resolve(_ mentions: [EntityMention], text: Substring, lang: String?) -> [EntityMention] {
        var mentions = mentions
        let people = mentions.indices.filter { mentions[$0].kind == "person" }
        guard people.count > 1 || people.contains(where: { mentions[$0].isLinked }) else { return mentions }
        var folded: [String: [Substring]] = [:]
        func words(_ name: String) -> [Substring] {
            if let known = folded[name] { return known }
            let found = nameWords(name)
            folded[name] = found
            return found
        }
        var roster = Roster()
        for i in people {
            let m = mentions[i]
            let ordered = words(m.text)
            let all = Set(ordered).union(m.isLinked ? words(m.name) : [])
            roster.add(written: ordered, words: all, linked: m.isLinked, id: m.id, position: m.first ?? 0)
        }
        roster.makeGroups()
        var fullerNames: [WrittenName: [Roster.Group]] = [:]
        for k in people.indices {
            defer { roster.settle(k) }
            let ordered = roster.written[k], linked = roster.linked[k]
            guard roster.group[k] != nil, !ordered.isEmpty else { continue }
            let key = WrittenName(words: ordered, linked: linked)
            let groups: [Roster.Group]
            if let known = fullerNames[key] {
                groups = known
            } else {
                groups = self.fullerNames(than: ordered, linked: linked, in: roster)
                fullerNames[key] = groups
            }
            if let target = fuller(than: k, among: groups, in: roster) {
                mentions[people[k]].id = mentions[people[target]].id
                mentions[people[k]].name = mentions[people[target]].name
                roster.reidentify(k, as: roster.current[target])
            }
        }
        return mentions + surnames(of: mentions, in: text, lang: lang)
    }

    private struct WrittenName: Hashable {
        var words: [Substring]
        var linked: Bool
    }

    /// The distinct names that say more than `ordered` and hold every word of it (or its words
    /// joined): the first word, or a clitic-stripped form of it, is one of theirs, so only the
    /// names holding such a word are looked at.
    private func fullerNames(than ordered: [Substring], linked: Bool, in roster: Roster) -> [Roster.Group] {
        let own = Set(ordered)
        // "احمدي نژاد" typed with a space where the full name writes "احمدی‌نژاد" (ZWNJ).
        let joined = ordered.count > 1 ? Substring(ordered.joined()) : nil
        var lookups = Self.forms(of: ordered[0])
        if let joined { lookups += Self.forms(of: joined) }
        var seen = Set<ObjectIdentifier>()
        var found: [Roster.Group] = []
        for word in lookups {
            for group in roster.byWord[word] ?? [] where seen.insert(ObjectIdentifier(group)).inserted {
                let says = group.words.count > own.count || (group.linked && !linked)
                guard says, own.allSatisfy({ word in contains(group.words, word) })
                    || joined.map({ contains(group.words, $0) }) == true else { continue }
                // A knowledge-base name stays unless the fuller one adds only a regnal number
                // ("King Abdullah" → "King Abdullah II").
                if linked && !group.words.subtracting(own).allSatisfy(Self.isRegnalNumber) { continue }
                found.append(group)
            }
        }
        return found
    }

    /// The person whose name holds every word of person `k`'s: one that says more (more words, or
    /// a knowledge-base id where this one has none), nearest before it, else the first after it;
    /// nil when such names belong to different people. Names with `k`'s current id do not count.
    private func fuller(than k: Int, among groups: [Roster.Group], in roster: Roster) -> Int? {
        let me = roster.current[k], position = roster.position[k]
        var linkedIDs: [Int32] = [], unlinkedIDs: [Int32] = [], manyUnlinked = false
        var before: (position: Int, person: Int)?, after: (position: Int, person: Int)?
        for group in groups {
            let linkedOther = Self.other(than: me, in: group.linkedIDs)
            if linkedOther.many { return nil }
            if let id = linkedOther.id, !linkedIDs.contains(id) {
                linkedIDs.append(id)
                if linkedIDs.count > 1 { return nil }
            }
            let unlinkedOther = Self.other(than: me, in: group.unlinkedIDs)
            if unlinkedOther.many { manyUnlinked = true }
            if let id = unlinkedOther.id, !manyUnlinked, !unlinkedIDs.contains(id) {
                unlinkedIDs.append(id)
                if unlinkedIDs.count > 1 { manyUnlinked = true }
            }
            guard linkedOther.id != nil || unlinkedOther.id != nil || unlinkedOther.many else { continue }
            // Members by position, then by order: the nearest before (the first written among
            // equals) and the first after.
            let end = group.end(atOrBefore: position)
            if let last = group.ids.last(before: end, differingFrom: me) {
                let at = group.positions[last]
                let first = group.ids.first(from: group.start(of: at), differingFrom: me)!
                let person = group.members[first]
                if before.map({ $0.position < at || ($0.position == at && person < $0.person) }) ?? true {
                    before = (at, person)
                }
            }
            if let next = group.ids.first(from: end, differingFrom: me) {
                let at = group.positions[next], person = group.members[next]
                if after.map({ at < $0.position || ($0.position == at && person < $0.person) }) ?? true {
                    after = (at, person)
                }
            }
        }
        // Unlinked look-alikes of one knowledge-base person ("Trump" as tagger and as rule) agree.
        let idCount = linkedIDs.count + (manyUnlinked ? 2 : unlinkedIDs.count)
        guard idCount == 1 || linkedIDs.count == 1 else { return nil }
        guard let chosen = before?.person ?? after?.person else { return nil }
        if linkedIDs.count == 1, !roster.isLinked[Int(roster.current[chosen])] {
            return roster.first(withID: linkedIDs[0], after: k)
        }
        return chosen
    }

    /// The one id of `counts` besides `id`, or whether there are several.
    private static func other(than id: Int32, in counts: [Int32: Int]) -> (id: Int32?, many: Bool) {
        let others = counts.count - (counts[id] == nil ? 0 : 1)
        guard others == 1 else { return (nil, others > 1) }
        return (counts.keys.first { $0 != id }, false)
    }

    /// `word`, and (Arabic script) `word` without each clitic it may open with: the words that
    /// `contains` would find it as.
    private static func forms(of word: Substring) -> [Substring] {
        var forms = [word]
        guard let lead = word.utf8.first, lead >= 0xD8 && lead <= 0xDB else { return forms }
        for clitic in clitics where word.hasPrefix(clitic) && word.count > clitic.count + 2 {
            forms.append(word.dropFirst(clitic.count))
        }
        return forms
    }

    /// The people of a window and, for the comparison, their distinct names (`Group`: one word
    /// set and linked flag), each indexed by its words. Ids are numbered; `current` is each
    /// person's id as the resolution has left it so far.
    private struct Roster {
        final class Group {
            let words: Set<Substring>
            let linked: Bool
            /// Persons of this name by position, then by order; `positions` beside them.
            var members: [Int] = []
            var positions: [Int] = []
            /// The members' current ids, slot by slot.
            var ids = DistinctIDs([])
            /// How many members have each current id, knowledge-base ids and others apart.
            var linkedIDs: [Int32: Int] = [:]
            var unlinkedIDs: [Int32: Int] = [:]

            init(words: Set<Substring>, linked: Bool) {
                self.words = words
                self.linked = linked
            }

            /// The slots whose position is at most `position` are those before the returned one.
            func end(atOrBefore position: Int) -> Int {
                var lo = 0, hi = positions.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if positions[mid] <= position { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }

            /// The first slot at `position` or after it.
            func start(of position: Int) -> Int {
                var lo = 0, hi = positions.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if positions[mid] < position { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }

            func count(_ id: Int32, linked: Bool, by change: Int) {
                if linked {
                    let n = linkedIDs[id, default: 0] + change
                    linkedIDs[id] = n == 0 ? nil : n
                } else {
                    let n = unlinkedIDs[id, default: 0] + change
                    unlinkedIDs[id] = n == 0 ? nil : n
                }
            }
        }

        var written: [[Substring]] = []
        var linked: [Bool] = []
        var position: [Int] = []
        var current: [Int32] = []
        var group: [Group?] = []
        var slot: [Int] = []
        var byWord: [Substring: [Group]] = [:]
        /// Ids by number, whether each is a knowledge-base id, and the persons first given each.
        var names: [String] = []
        var isLinked: [Bool] = []
        var numbers: [String: Int32] = [:]
        var given: [[Int]] = []
        /// For each id, the first person that ended its turn with it.
        var firstSettled: [Int] = []
        private var words: [Set<Substring>] = []

        mutating func add(written: [Substring], words: Set<Substring>, linked: Bool, id: String, position: Int) {
            let number: Int32
            if let known = numbers[id] {
                number = known
            } else {
                number = Int32(names.count)
                numbers[id] = number
                names.append(id)
                isLinked.append(!id.hasPrefix("~"))
                given.append([])
                firstSettled.append(-1)
            }
            given[Int(number)].append(self.written.count)
            self.written.append(written)
            self.words.append(words)
            self.linked.append(linked)
            self.position.append(position)
            current.append(number)
        }

        /// Puts each person with a name into the group of that name.
        mutating func makeGroups() {
            var groups: [WordSet: Group] = [:]
            group = Array(repeating: nil, count: written.count)
            slot = Array(repeating: 0, count: written.count)
            for k in written.indices where !words[k].isEmpty {
                let key = WordSet(words: words[k], linked: linked[k])
                let g = groups[key] ?? {
                    let g = Group(words: words[k], linked: linked[k])
                    groups[key] = g
                    for word in words[k] { byWord[word, default: []].append(g) }
                    return g
                }()
                g.members.append(k)
                group[k] = g
            }
            words = []
            for g in groups.values {
                g.members.sort { (position[$0], $0) < (position[$1], $1) }
                g.positions = g.members.map { position[$0] }
                g.ids = DistinctIDs(g.members.map { current[$0] })
                for (s, k) in g.members.enumerated() {
                    slot[k] = s
                    g.count(current[k], linked: isLinked[Int(current[k])], by: 1)
                }
            }
        }

        mutating func reidentify(_ k: Int, as id: Int32) {
            let old = current[k]
            guard old != id else { return }
            current[k] = id
            guard let g = group[k] else { return }
            g.count(old, linked: isLinked[Int(old)], by: -1)
            g.count(id, linked: isLinked[Int(id)], by: 1)
            g.ids.set(slot[k], to: id)
        }

        /// Person `k`'s turn is over: its id is final.
        mutating func settle(_ k: Int) {
            let id = Int(current[k])
            if firstSettled[id] < 0 { firstSettled[id] = k }
        }

        /// The first person, in order, whose current id is `id`, during the turn of `k` (which
        /// has another id): one settled with it, else one after `k` still with its own.
        func first(withID id: Int32, after k: Int) -> Int? {
            if firstSettled[Int(id)] >= 0 { return firstSettled[Int(id)] }
            let persons = given[Int(id)]
            var lo = 0, hi = persons.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if persons[mid] <= k { lo = mid + 1 } else { hi = mid }
            }
            return lo < persons.count ? persons[lo] : nil
        }

        private struct WordSet: Hashable {
            var words: Set<Substring>
            var linked: Bool
        }
    }

    /// Values in slots, and for a slot range the nearest slot whose value is not a given one: each
    /// node of the tree keeps two distinct values found under it (-1: none), so a node holds a
    /// value other than `v` unless all under it are `v`. Setting a slot and each search take
    /// logarithmic time, so a name written thousands of times is searched as quickly as one.
    private struct DistinctIDs {
        private var size = 1
        private var a: [Int32], b: [Int32]

        init(_ values: [Int32]) {
            while size < values.count { size <<= 1 }
            a = Array(repeating: -1, count: 2 * size)
            b = a
            for (i, v) in values.enumerated() { a[size + i] = v }
            for node in stride(from: size - 1, through: 1, by: -1) { pull(node) }
        }

        mutating func set(_ slot: Int, to value: Int32) {
            var node = size + slot
            a[node] = value
            node /= 2
            while node >= 1 {
                pull(node)
                node /= 2
            }
        }

        private mutating func pull(_ node: Int) {
            var x = a[2 * node], y = b[2 * node]
            let u = a[2 * node + 1], v = b[2 * node + 1]
            if u >= 0 && u != x && u != y { if x < 0 { x = u } else if y < 0 { y = u } }
            if v >= 0 && v != x && v != y { if x < 0 { x = v } else if y < 0 { y = v } }
            a[node] = x
            b[node] = y
        }

        private func holds(_ node: Int, other value: Int32) -> Bool {
            (a[node] >= 0 && a[node] != value) || b[node] >= 0
        }

        /// The first slot at or after `start` whose value is not `value`.
        func first(from start: Int, differingFrom value: Int32) -> Int? {
            first(node: 1, lo: 0, hi: size, from: start, value)
        }

        private func first(node: Int, lo: Int, hi: Int, from start: Int, _ value: Int32) -> Int? {
            guard hi > start, holds(node, other: value) else { return nil }
            if hi - lo == 1 { return lo }
            let mid = (lo + hi) / 2
            return first(node: 2 * node, lo: lo, hi: mid, from: start, value)
                ?? first(node: 2 * node + 1, lo: mid, hi: hi, from: start, value)
        }

        /// The last slot before `end` whose value is not `value`.
        func last(before end: Int, differingFrom value: Int32) -> Int? {
            last(node: 1, lo: 0, hi: size, before: end, value)
        }

        private func last(node: Int, lo: Int, hi: Int, before end: Int, _ value: Int32) -> Int? {
            guard lo < end, holds(node, other: value) else { return nil }
            if hi - lo == 1 { return lo }
            let mid = (lo + hi) / 2
            return last(node: 2 * node + 1, lo: mid, hi: hi, before: end, value)
                ?? last(node: 2 * node, lo: lo, hi: mid, before: end, value)
        }
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
        let people = bySurname.compactMapValues { $0 }
        guard !people.isEmpty else { return [] }
        let longest = people.keys.map(\.utf8.count).max()!
        let taken = mentions.compactMap { m in m.first.map { ($0 - 1)..<m.last! } }.sorted { $0.lowerBound < $1.lowerBound }
        var found: [EntityMention] = []
        var text = text
        // One pass over the text's words, whatever the number of surnames: a surname standing
        // alone is a whole run of word bytes, so the capitalised ASCII runs are all to look up.
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard Self.isWordByte(bytes[i]) else { i += 1; continue }
                var end = i + 1
                var ascii = bytes[i] < 0x80
                while end < bytes.count && Self.isWordByte(bytes[end]) {
                    ascii = ascii && bytes[end] < 0x80
                    end += 1
                }
                let range = i..<end
                i = end
                guard ascii, Self.isCapital(bytes[range.lowerBound]), range.count <= longest else { continue }
                let surname = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                guard let person = people[surname], Self.standsAlone(range, in: bytes, titles: titles),
                      !Self.overlaps(range, taken) else { continue }
                var m = EntityMention(id: person.id, kind: "person", name: person.name, text: surname,
                                      first: range.lowerBound + 1, last: range.upperBound, extractor: "kb", score: 0.6)
                m.form = nil
                found.append(m)
            }
        }
        return found
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

import Foundation

/// Finds the entities, dates and amounts of an article and links what it can to the knowledge
/// base. Knowledge-base matches win over rule-based finds that overlap them.
public struct EntityAnnotator: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let matcher: EntityMatcher
    public let rules: RuleExtractor

    public init(knowledgeBase: KnowledgeBase, rules: RuleExtractor = .bundled) {
        self.knowledgeBase = knowledgeBase
        self.matcher = EntityMatcher(knowledgeBase: knowledgeBase)
        self.rules = rules
    }

    public func annotate(_ article: Article) -> ArticleAnnotation {
        var whole = ArticleAnnotation(mentions: [], quotes: [])
        annotateByWindow(article) { part in
            whole.mentions += part.mentions
            whole.quotes += part.quotes
        }
        return whole
    }

    /// The article's annotation in parts, one per window of its text (`TextWindows`), in text
    /// order: a consumer that keeps only some of it (the speakers of quotes, rows written as they
    /// come) holds one window's mentions at a time, not a book-length article's millions. Every
    /// real article is one window, annotated whole. For a longer text each window is annotated
    /// alone, as every stage already was: people, quotes and speakers are related within a window;
    /// the blocks outside the text (title, captions...) go with the first window and their
    /// mentions come in the last part, after the text's, as `annotate` orders them.
    public func annotateByWindow(_ article: Article, _ body: (ArticleAnnotation) -> Void) {
        var text = article.textSlice
        let windows = text.withUTF8 { TextWindows.windows($0) }
        let blocks = BlockLocator(article: article)
        guard windows.count > 1 else {
            body(annotate(article, part: text, offset: 0, outside: true, quotes: article.quotes, blocks: blocks))
            return
        }
        let utf8 = text.utf8
        var outside: [EntityMention] = []
        var quotes = article.quotes[...]
        for (k, window) in windows.enumerated() {
            let start = utf8.index(utf8.startIndex, offsetBy: window.lowerBound)
            let end = utf8.index(start, offsetBy: window.count)
            var inWindow: [Quote] = []
            while let quote = quotes.first, quote.first - 1 < window.upperBound || k == windows.count - 1 {
                var shifted = quote
                shifted.first -= window.lowerBound
                shifted.last -= window.lowerBound
                inWindow.append(shifted)
                quotes = quotes.dropFirst()
            }
            var part = annotate(article, part: text[start..<end], offset: window.lowerBound, outside: k == 0,
                                quotes: inWindow, blocks: blocks)
            if k == 0 {
                outside = part.mentions.filter { $0.first == nil }
                part.mentions.removeAll { $0.first == nil }
            }
            if k == windows.count - 1 { part.mentions += outside }
            body(part)
        }
    }

    /// The annotation of `part`, the article's text from byte `offset` on, in the article's
    /// offsets; with `outside`, also of the blocks outside the text. `quotes` are those of the
    /// part, in its own offsets.
    private func annotate(_ article: Article, part: Substring, offset: Int, outside: Bool, quotes: [Quote],
                          blocks: BlockLocator) -> ArticleAnnotation {
        let lang = article.lang == "und" ? nil : article.lang
        let input = AnnotatedText(article: article, text: part, outside: outside)
        var mentions: [EntityMention] = []
        let workspace = EntityMatcher.Workspace()
        let matches = Self.windowed(input.string) { window, offset in
            matcher.matches(in: window, language: lang, workspace: workspace).map { ($0, offset) }
        }
        for (match, offset) in matches {
            var m = EntityMention(id: match.profileID, kind: match.kind, name: match.name, text: match.surface,
                                  first: nil, last: nil, extractor: "kb", score: match.score)
            m.form = match.variant.form
            let range = (match.utf8Range.lowerBound + offset)..<(match.utf8Range.upperBound + offset)
            if place(&m, range, in: input, article: article) { mentions.append(m) }
        }
        let ruleFinds = ruleMentions(in: part, lang: lang, besides: mentions)
        mentions += ruleFinds.found
        mentions += dateMentions(in: part, lang: lang, article: article)
        mentions = mergingTagger(mentions, in: part, lang: lang)
        if !ruleFinds.outdone.isEmpty {
            // After the tagger, which the place kept from re-finding it: the place goes where its
            // organisation is still there.
            let orgs = mentions.filter { $0.kind == "org" && $0.first != nil }.map { ($0.first! - 1)..<$0.last! }
            mentions.removeAll { m in
                guard m.extractor == "kb", let first = m.first, ruleFinds.outdone.contains((first - 1)..<m.last!) else { return false }
                return orgs.contains { $0.lowerBound <= first - 1 && m.last! <= $0.upperBound }
            }
        }
        mentions = PersonCoreference().resolveByWindow(mentions, text: part, lang: lang)
        mentions.sort { ($0.first ?? Int.max, $0.rawFirst ?? 0) < ($1.first ?? Int.max, $1.rawFirst ?? 0) }
        let people = SpeakerCandidates(mentions.filter { $0.kind == "person" && $0.section == "text" })
        var attributed = quotes.map { attribute($0, among: people) }
        for i in attributed.indices {
            attributed[i].quote.first += offset
            attributed[i].quote.last += offset
        }
        for i in mentions.indices where mentions[i].first != nil {
            mentions[i].first! += offset
            mentions[i].last! += offset
            mentions[i].block = blocks.block(containing: mentions[i].first!)
        }
        return ArticleAnnotation(mentions: mentions, quotes: attributed)
    }

    /// Runs `find` on `text`, or, when it is longer than `TextWindows.size`, on each window
    /// of it, with the window's 0-based byte offset in `text`: the matcher's folded copy and
    /// the rules' tokens then take memory in proportion to a window, not to the whole text.
    static func windowed<T>(_ text: String, _ find: (String, Int) -> [T]) -> [T] {
        windowed(Substring(text), find)
    }

    static func windowed<T>(_ text: Substring, size: Int = TextWindows.size, _ find: (String, Int) -> [T]) -> [T] {
        var text = text
        let windows = text.withUTF8 { TextWindows.windows($0, size: size) }
        guard windows.count > 1 else { return find(String(text), 0) }
        return text.withUTF8 { bytes in
            windows.flatMap { window in
                find(String(decoding: UnsafeBufferPointer(rebasing: bytes[window]), as: UTF8.self), window.lowerBound)
            }
        }
    }

    /// Sets the mention's offsets from a range of the annotated text; false if it spans two parts.
    private func place(_ m: inout EntityMention, _ range: Range<Int>, in input: AnnotatedText, article: Article) -> Bool {
        guard let location = input.place(range) else { return false }
        m.first = location.first
        m.last = location.last
        m.rawFirst = location.rawFirst
        m.rawLast = location.rawLast
        if let block = location.block {
            m.block = block
            m.section = article.blocks[block - 1].kind.rawValue
        }
        return true
    }

    /// People, organisations and places found by titles, roles and patterns where the knowledge base
    /// found nothing, and amounts; and the ranges of knowledge-base places that an organisation
    /// named by a head word holds ("George Washington University", "دانشگاه تهران"): the
    /// organisation wins there (issue 11).
    private func ruleMentions(in text: Substring, lang: String?, besides known: [EntityMention])
        -> (found: [EntityMention], outdone: Set<Range<Int>>) {
        // Knowledge-base matches in the text do not overlap and come in text order, so a binary
        // search finds the one that could overlap: a long article has many of both.
        let sure = known.filter { $0.first != nil }.sorted { $0.first! < $1.first! }
        let taken = sure.map { ($0.first! - 1)..<$0.last! }
        func firstOverlap(_ r: Range<Int>) -> Int {
            var lo = 0, hi = taken.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if taken[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        func free(_ r: Range<Int>) -> Bool {
            let lo = firstOverlap(r)
            return lo == taken.count || !taken[lo].overlaps(r)
        }
        /// The places an organisation's name holds, when it overlaps nothing else.
        var outdone = Set<Range<Int>>()
        func holdsOnlyPlaces(_ rule: Mention) -> Bool {
            guard rule.kind == "org", rule.extractor == "pattern" else { return false }
            var k = firstOverlap(rule.utf8Range), inside: [Range<Int>] = []
            while k < taken.count && taken[k].overlaps(rule.utf8Range) {
                let m = sure[k]
                guard m.kind == "place", m.form == nil, m.extractor == "kb", rule.utf8Range.contains(taken[k].lowerBound),
                      taken[k].upperBound <= rule.utf8Range.upperBound, taken[k] != rule.utf8Range else { return false }
                inside.append(taken[k])
                k += 1
            }
            outdone.formUnion(inside)
            return !inside.isEmpty
        }
        let found = Self.windowed(text) { window, offset in
            let shift = { (rule: Mention) -> Mention in
                var rule = rule
                rule.utf8Range = (rule.utf8Range.lowerBound + offset)..<(rule.utf8Range.upperBound + offset)
                return rule
            }
            let found = rules.mentionsAndAmounts(in: window, lang: lang)
            return found.mentions.map(shift).filter { free($0.utf8Range) || holdsOnlyPlaces($0) } + found.amounts.map(shift)
        }
        let mentions = found.map { rule in
            var m = EntityMention(id: rule.id, kind: rule.kind, name: rule.name, text: rule.text,
                                  first: rule.utf8Range.lowerBound + 1, last: rule.utf8Range.upperBound,
                                  extractor: rule.extractor, score: rule.score)
            m.number = rule.number
            m.unit = rule.unit
            m.role = rule.role
            if let number = rule.number { m.value = String(format: "%.15g", number) }
            return m
        }
        return (mentions, outdone)
    }

    private func dateMentions(in text: Substring, lang: String?, article: Article) -> [EntityMention] {
        let anchor = DateAnchor.day(date: article.date, precision: article.datePrecision, url: article.url, title: article.title)
        let parser = DateParser(reference: anchor.map(CivilDay.moment))
        let dates = Self.windowed(text) { window, offset in parser.find(in: window, lang: lang).map { ($0, offset) } }
        return dates.compactMap { date, offset in
            guard !date.iso.isEmpty else { return nil }
            var m = EntityMention(id: "~date/\(date.iso)", kind: "date", name: date.iso, text: date.text,
                                  first: date.utf8Range.lowerBound + offset + 1, last: date.utf8Range.upperBound + offset,
                                  extractor: "date", score: date.relative ? 0.7 : 0.9)
            m.value = date.iso
            return m
        }
    }

    static func day(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }

    /// The speaker as written is resolved against the people the article names: a name holding
    /// every word of it (Kim -> Kim Jong Un), nearest before the quote; failing that (a title came
    /// with the name: "الرئيس بوتين"), a name sharing a word of three letters or more; else the
    /// knowledge base.
    func attribute(_ quote: Quote, among people: SpeakerCandidates) -> AttributedQuote {
        var result = AttributedQuote(quote: quote, speakerID: nil, speakerName: nil)
        guard let speaker = quote.speaker, !speaker.isEmpty else { return result }
        let words = Set(TextFolder.fold(speaker).split(separator: " "))
        guard !words.isEmpty else { return result }
        let long = words.filter { $0.count >= 3 }
        let best = people.nearest(to: quote.last, withAnyOf: [people.rarest(of: words)]) { words.isSubset(of: $0) }
            ?? people.nearest(to: quote.last, withAnyOf: Array(long)) { _ in true }
        if let best {
            result.speakerID = best.id
            result.speakerName = best.name
        } else if let profile = knowledgeBase.exactLookup(speaker).first(where: { $0.kind == "person" }) {
            result.speakerID = profile.id
            result.speakerName = profile.name
        }
        return result
    }
}

/// The people of an article with the folded words of their surface and name, computed once for
/// all its quotes, and indexed by word: a long article has many quotes and many people, and a
/// quote looks only at the people who share a word with its speaker.
struct SpeakerCandidates {
    private let people: [(mention: EntityMention, words: Set<Substring>)]
    private let byWord: [Substring: [Int]]

    init(_ mentions: [EntityMention]) {
        people = mentions.map { m in
            (m, Set(TextFolder.fold(m.text).split(separator: " ")).union(TextFolder.fold(m.name).split(separator: " ")))
        }
        var byWord: [Substring: [Int]] = [:]
        for (index, person) in people.enumerated() {
            for word in person.words { byWord[word, default: []].append(index) }
        }
        self.byWord = byWord
    }

    /// The one of `words` the fewest people have: a person with all of them is among those.
    func rarest(of words: Set<Substring>) -> Substring {
        words.min { (byWord[$0]?.count ?? 0, $0) < (byWord[$1]?.count ?? 0, $1) }!
    }

    /// Among the people with at least one of `words`, the last fitting mention starting at or
    /// before `position`, else the first after it.
    func nearest(to position: Int, withAnyOf words: [Substring], _ fits: (Set<Substring>) -> Bool) -> EntityMention? {
        var before: Int?, after: Int?
        for word in words {
            guard let list = byWord[word] else { continue }
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if (people[list[mid]].mention.first ?? 0) <= position { lo = mid + 1 } else { hi = mid }
            }
            if let found = list[..<lo].last(where: { fits(people[$0].words) }) {
                before = max(before ?? found, found)
            } else if before == nil, let found = list[lo...].first(where: { fits(people[$0].words) }) {
                after = min(after ?? found, found)
            }
        }
        return (before ?? after).map { people[$0].mention }
    }
}

/// Maps byte offsets of `Article.text` (lede and paragraphs joined by blank lines) to the blocks
/// they came from.
struct BlockLocator {
    private var spans: [(start: Int, end: Int, block: Int)] = []

    init(article: Article) {
        let segments = [article.ledeSlice].compactMap { $0 } + article.paragraphSlices
        let candidates = article.blocks.enumerated().filter { $0.element.kind == .lede || $0.element.kind == .paragraph }
        var next = candidates.startIndex
        var offset = 1
        for segment in segments {
            let length = segment.utf8.count
            if let found = candidates[next...].firstIndex(where: { $0.element.textSlice == segment }) {
                spans.append((offset, offset + length - 1, candidates[found].offset + 1))
                next = candidates.index(after: found)
            }
            offset += length + 2
        }
    }

    /// Binary search: spans are in text order and do not overlap, and a long article has many
    /// paragraphs and mentions.
    func block(containing position: Int) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end < position { lo = mid + 1 } else { hi = mid }
        }
        return lo < spans.count && spans[lo].start <= position ? spans[lo].block : nil
    }
}

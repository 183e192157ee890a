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
        let lang = article.lang == "und" ? nil : article.lang
        let input = AnnotatedText(article: article)
        var mentions: [EntityMention] = []
        for match in matcher.matches(in: input.string, language: lang) {
            var m = EntityMention(id: match.profileID, kind: match.kind, name: match.name, text: match.surface,
                                  first: nil, last: nil, extractor: "kb", score: match.score)
            m.form = match.variant.form
            if place(&m, match.utf8Range, in: input, article: article) { mentions.append(m) }
        }
        mentions += ruleMentions(in: article.text, lang: lang, besides: mentions)
        mentions += dateMentions(in: article.text, lang: lang, article: article)
        mentions.sort { ($0.first ?? Int.max, $0.rawFirst ?? 0) < ($1.first ?? Int.max, $1.rawFirst ?? 0) }
        let blocks = BlockLocator(article: article)
        for i in mentions.indices where mentions[i].first != nil {
            mentions[i].block = blocks.block(containing: mentions[i].first!)
        }
        let people = SpeakerCandidates(mentions.filter { $0.kind == "person" && $0.section == "text" })
        let quotes = article.quotes.map { attribute($0, among: people) }
        return ArticleAnnotation(mentions: mentions, quotes: quotes)
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
    /// found nothing, and amounts.
    private func ruleMentions(in text: String, lang: String?, besides known: [EntityMention]) -> [EntityMention] {
        let taken = known.compactMap { m in m.first.map { ($0 - 1)..<m.last! } }
        func free(_ r: Range<Int>) -> Bool { !taken.contains { $0.overlaps(r) } }
        let found = rules.mentions(in: text, lang: lang).filter { free($0.utf8Range) } + rules.amounts(in: text, lang: lang)
        return found.map { rule in
            var m = EntityMention(id: rule.id, kind: rule.kind, name: rule.name, text: rule.text,
                                  first: rule.utf8Range.lowerBound + 1, last: rule.utf8Range.upperBound,
                                  extractor: rule.extractor, score: rule.score)
            m.number = rule.number
            m.unit = rule.unit
            m.role = rule.role
            if let number = rule.number { m.value = String(format: "%.15g", number) }
            return m
        }
    }

    private func dateMentions(in text: String, lang: String?, article: Article) -> [EntityMention] {
        let reference = article.datePrecision == "day" ? article.date.flatMap(Self.day) : nil
        return DateParser(reference: reference).find(in: text, lang: lang).compactMap { date in
            guard !date.iso.isEmpty else { return nil }
            var m = EntityMention(id: "~date/\(date.iso)", kind: "date", name: date.iso, text: date.text,
                                  first: date.utf8Range.lowerBound + 1, last: date.utf8Range.upperBound,
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
        let best = people.nearest(to: quote.last) { words.isSubset(of: $0) }
            ?? people.nearest(to: quote.last) { !$0.isDisjoint(with: long) }
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
/// all its quotes.
struct SpeakerCandidates {
    private let people: [(mention: EntityMention, words: Set<Substring>)]

    init(_ mentions: [EntityMention]) {
        people = mentions.map { m in
            (m, Set(TextFolder.fold(m.text).split(separator: " ")).union(TextFolder.fold(m.name).split(separator: " ")))
        }
    }

    /// The last fitting mention starting at or before `position`, else the first after it.
    func nearest(to position: Int, _ fits: (Set<Substring>) -> Bool) -> EntityMention? {
        let start = { (p: (mention: EntityMention, words: Set<Substring>)) in p.mention.first ?? 0 }
        return (people.last { start($0) <= position && fits($0.words) } ?? people.first { start($0) > position && fits($0.words) })?.mention
    }
}

/// Maps byte offsets of `Article.text` (lede and paragraphs joined by blank lines) to the blocks
/// they came from.
struct BlockLocator {
    private var spans: [(start: Int, end: Int, block: Int)] = []

    init(article: Article) {
        let segments = [article.lede].compactMap { $0 } + article.paragraphs
        let candidates = article.blocks.enumerated().filter { $0.element.kind == .lede || $0.element.kind == .paragraph }
        var next = candidates.startIndex
        var offset = 1
        for segment in segments {
            let length = segment.utf8.count
            if let found = candidates[next...].firstIndex(where: { $0.element.text == segment }) {
                spans.append((offset, offset + length - 1, candidates[found].offset + 1))
                next = candidates.index(after: found)
            }
            offset += length + 2
        }
    }

    func block(containing position: Int) -> Int? {
        spans.first { $0.start <= position && position <= $0.end }?.block
    }
}

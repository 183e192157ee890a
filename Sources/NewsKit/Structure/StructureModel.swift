// The typed view of one scraped article: every part of the raw text as a block, and the
// article fields read off those blocks. Offsets are 1-based and inclusive so that Lua's
// `string.sub(raw, first, last)` returns exactly the block's source span.

public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case title, lede, dateline, byline, source, heading, paragraph, caption, credit, related, boilerplate
}

public struct Block: Sendable, Hashable, Codable {
    public var kind: BlockKind
    /// The block's text, trimmed; for marker blocks ("Soma pia: X") only X.
    public var text: String {
        get { String(textSlice) }
        set { textSlice = Substring(newValue) }
    }
    /// The same text as a slice of the raw input: the blocks of a parsed article share the raw
    /// text's storage, so a 100 MB article is not held a second time in its blocks.
    public var textSlice: Substring
    /// 1-based inclusive byte offsets into the raw input's UTF-8; the span includes the marker.
    public var first: Int
    public var last: Int
    /// The marker phrase (as written in the text) that classified the block, if any.
    public var marker: String?
    /// Short id of the rule that decided the kind, for the debugging view.
    public var rule: String
    /// Index (in `ArticleStructure.blocks`) of the earlier block this one repeats.
    public var duplicateOf: Int?

    public init(kind: BlockKind, text: String, first: Int, last: Int, marker: String? = nil,
                rule: String, duplicateOf: Int? = nil) {
        self.init(kind: kind, textSlice: Substring(text), first: first, last: last, marker: marker, rule: rule,
                  duplicateOf: duplicateOf)
    }

    public init(kind: BlockKind, textSlice: Substring, first: Int, last: Int, marker: String? = nil,
                rule: String, duplicateOf: Int? = nil) {
        self.kind = kind
        self.textSlice = textSlice
        self.first = first
        self.last = last
        self.marker = marker
        self.rule = rule
        self.duplicateOf = duplicateOf
    }

    private enum CodingKeys: String, CodingKey { case kind, text, first, last, marker, rule, duplicateOf }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(BlockKind.self, forKey: .kind), text: try c.decode(String.self, forKey: .text),
                  first: try c.decode(Int.self, forKey: .first), last: try c.decode(Int.self, forKey: .last),
                  marker: try c.decodeIfPresent(String.self, forKey: .marker), rule: try c.decode(String.self, forKey: .rule),
                  duplicateOf: try c.decodeIfPresent(Int.self, forKey: .duplicateOf))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
        try c.encodeIfPresent(marker, forKey: .marker)
        try c.encode(rule, forKey: .rule)
        try c.encodeIfPresent(duplicateOf, forKey: .duplicateOf)
    }
}

public struct Quote: Sendable, Hashable, Codable {
    public var text: String {
        get { String(textSlice) }
        set { textSlice = Substring(newValue) }
    }
    /// The quoted words as a slice of the article's text, sharing its storage: the quotes of a
    /// long article are a fifth of its size again when each is a copy.
    public var textSlice: Substring
    /// The speaker as written in the text (surface form), when the text names one.
    public var speaker: String?
    /// 1-based inclusive byte offsets of `text` inside `ArticleStructure.text`.
    public var first: Int
    public var last: Int

    public init(text: String, speaker: String?, first: Int, last: Int) {
        self.init(textSlice: Substring(text), speaker: speaker, first: first, last: last)
    }

    public init(textSlice: Substring, speaker: String?, first: Int, last: Int) {
        self.textSlice = textSlice
        self.speaker = speaker
        self.first = first
        self.last = last
    }

    private enum CodingKeys: String, CodingKey { case text, speaker, first, last }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), speaker: try c.decodeIfPresent(String.self, forKey: .speaker),
                  first: try c.decode(Int.self, forKey: .first), last: try c.decode(Int.self, forKey: .last))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(speaker, forKey: .speaker)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
    }
}

public struct ArticleStructure: Sendable {
    public var blocks: [Block] = []
    public var title: String?
    public var lede: String? {
        get { ledeSlice.map { String($0) } }
        set { ledeSlice = newValue.map { Substring($0) } }
    }
    /// The lede as a slice of the raw input (no copy; see `Block.textSlice`).
    public var ledeSlice: Substring?
    /// Publication date (dateline, title suffix, "today" in the opening sentence). Its
    /// `utf8Range` is rebased onto the raw input's bytes (0-based).
    public var date: DateMention?
    /// Publisher named in the text.
    public var source: String?
    /// The source the publisher credits ("منبع: X") when it differs from `source`.
    public var originalSource: String?
    /// Wire services credited.
    public var agencies: [String] = []
    public var byline: String?
    /// Body paragraphs, lede excluded, in order.
    public var paragraphs: [String] {
        get { paragraphSlices.map { String($0) } }
        set { paragraphSlices = newValue.map { Substring($0) } }
    }
    /// The same paragraphs as slices of the raw input (no copies; see `Block.textSlice`).
    public var paragraphSlices: [Substring] = []
    public var headings: [String] = []
    public var related: [String] = []
    public var captions: [String] = []
    public var credits: [String] = []
    public var quotes: [Quote] = []
    /// Lede and body paragraphs joined with "\n\n"; entity and quote offsets refer to it.
    public var text: String {
        get { String(textSlice) }
        set { textSlice = Substring(newValue) }
    }
    /// The same text in place (see `Article.textSlice`).
    public var textSlice: Substring = ""

    public init() {}
}

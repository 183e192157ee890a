/// One mention of an entity, date or amount in an article, as DESIGN.md's data model gives it.
public struct EntityMention: Sendable, Hashable {
    /// Knowledge-base id (`person/vladimir-putin`), or for entities outside it an id derived from
    /// the folded name (`~person/alexander-gabuev`, see `Mention.unlinkedID`), the same in every article.
    public var id: String
    /// person, org, place, date, money, percent, quantity.
    public var kind: String
    /// Canonical name (knowledge base), or the name as written.
    public var name: String
    /// The surface form exactly as in `Article.text`.
    public var text: String
    /// 1-based inclusive byte offsets into `Article.text`; nil for mentions outside it (title,
    /// source line, captions...), which `rawFirst`/`rawLast` place in `Article.raw`.
    public var first: Int?
    public var last: Int?
    /// 1-based inclusive byte offsets into `Article.raw`, when the mention's block is located there.
    public var rawFirst: Int?
    public var rawLast: Int?
    /// 1-based index into `Article.blocks` of the block holding it.
    public var block: Int?
    /// `text` for the lede and body, else the kind of block it was found in (title, source, ...).
    public var section: String = "text"
    /// kb, title, capitalised, pattern, date, amount, or a Lua extractor's name.
    public var extractor: String
    public var score: Double
    /// Dates: ISO 8601; amounts: the number as written in plain digits.
    public var value: String?
    public var number: Double?
    /// Amounts: ISO 4217 currency, `percent`, or a unit word.
    public var unit: String?
    /// adjective or demonym when the text names the entity by its adjective (الروسي, Kirusi).
    public var form: String?
    /// For people found by a title or role: that title as written.
    public var role: String?

    public var isLinked: Bool { !id.hasPrefix("~") }

    public init(id: String, kind: String, name: String, text: String, first: Int?, last: Int?,
                extractor: String, score: Double)
    {
        self.id = id
        self.kind = kind
        self.name = name
        self.text = text
        self.first = first
        self.last = last
        self.extractor = extractor
        self.score = score
    }
}

/// A quote with its speaker resolved to an entity where the article allows.
public struct AttributedQuote: Sendable, Hashable {
    public var quote: Quote
    public var speakerID: String?
    public var speakerName: String?
}

/// Everything the annotator found in one article.
public struct ArticleAnnotation: Sendable {
    public var mentions: [EntityMention]
    public var quotes: [AttributedQuote]

    public init(mentions: [EntityMention], quotes: [AttributedQuote]) {
        self.mentions = mentions
        self.quotes = quotes
    }
}

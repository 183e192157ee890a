/// One article as it arrives: its text, and the fields a structured input (JSON Lines) gave.
/// Given fields win over what the parser infers; unknown fields go to `Article.meta`.
public struct InputRecord: Sendable {
    public var document: Document
    public var id: String?
    public var title: String?
    public var date: String?
    public var url: String?
    public var source: String?
    public var lang: String?
    public var meta: [String: String] = [:]
    /// The web page the record came from (`*.html`, a WARC record): the article is extracted from
    /// its markup, not from `document.text`.
    public var page: WebPage?
    /// Keys of the lines of `document.text` that the run learnt as furniture of the record's
    /// source (`SourceBoilerplate`): the parser types them boilerplate.
    public var repeatedLines: [UInt64] = []

    public init(document: Document) { self.document = document }

    /// An article a program holds in memory: its text (paragraphs separated by line breaks, the
    /// title on top or given apart) and what else it knows of it. `name` is its `article.path`.
    public init(text: String, name: String, id: String? = nil, title: String? = nil, date: String? = nil,
                lang: String? = nil, source: String? = nil, url: String? = nil, meta: [String: String] = [:])
    {
        self.init(document: Document(origin: name, text: text))
        self.id = id
        self.title = title
        self.date = date
        self.lang = lang
        self.source = source
        self.url = url
        self.meta = meta
    }
}

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

    public init(document: Document) { self.document = document }
}

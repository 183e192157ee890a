/// A web page as read: its decoded markup, and where and when it was fetched when a WARC record
/// says so. `InputRecord.page` carries it from the reader to the parser.
public struct WebPage: Sendable {
    public var html: String
    public var url: String?
    /// The WARC record's date (when the page was fetched), ISO 8601.
    public var fetched: String?
    /// The charset the HTTP header gave (WARC), used before the page's own declaration.
    public var encoding: String

    public init(html: String, url: String? = nil, fetched: String? = nil, encoding: String = "UTF-8") {
        self.html = html
        self.url = url
        self.fetched = fetched
        self.encoding = encoding
    }
}

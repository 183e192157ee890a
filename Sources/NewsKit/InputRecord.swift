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

    public init(document: Document) { self.document = document }
}

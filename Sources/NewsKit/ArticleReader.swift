/// Turns an input record into an article: parses its text, then lets the record's own fields win.
public struct ArticleReader: Sendable {
    public init() {}

    public func article(from record: InputRecord) -> Article {
        var article = FirstCutParser.article(from: record.document)
        if let id = record.id { article.id = id }
        if let title = record.title {
            // The text of a JSON record usually starts with the body, not the title.
            if article.title != title, let parsed = article.title {
                article.paragraphs.insert(parsed, at: 0)
                article.text = article.paragraphs.joined(separator: "\n\n")
            }
            article.title = title
        }
        if let date = record.date { article.date = date }
        if let url = record.url { article.url = url }
        if let source = record.source { article.source = source }
        if let lang = record.lang { article.lang = lang }
        article.meta = record.meta
        return article
    }
}

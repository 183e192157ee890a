import Foundation

/// Turns an input record into an article: parses its text into typed blocks, identifies its
/// language, then lets the record's own fields (JSON Lines) win over what the parser inferred.
public struct ArticleReader: Sendable {
    public let parser: ArticleParser
    let dates: DateParser
    /// An article longer than this many bytes whose text is a copy of its own holds its input in
    /// pieces (`Article.spliceRaw`), so that it is held once.
    public var splicesRawAbove = TextWindows.size

    public init(markers: MarkerSet = .bundled) {
        self.dates = DateParser()
        self.parser = ArticleParser(markers: markers, dates: dates)
    }

    /// What an article is before its text is parsed: what the record gives (id, path, title,
    /// language, url, meta), for a reader that needs no more. Fields the record lacks are empty.
    public func unparsed(_ record: InputRecord) -> Article {
        var article = Article(id: record.id ?? record.document.contentHash, path: record.document.origin,
                              lang: record.lang ?? "und", text: "", raw: record.document.text)
        article.title = record.title
        article.url = record.url
        article.meta = record.meta
        return article
    }

    public func article(from record: InputRecord) -> Article {
        if let page = record.page { return article(fromPage: page, record: record) }
        // A JSON record's text starts with the body; put its title on top so the parser sees the
        // article as printed, and block offsets refer to that raw text.
        var raw = record.document.text
        if let title = record.title, !raw.hasPrefix(title) { raw = title + "\n\n" + raw }
        let hinted = record.lang
        let structure = parser.parse(raw, lang: hinted, repeatedLines: record.repeatedLines)
        // The record's language wins, so the text is scored only when the record gives none.
        let lang = hinted ?? LanguageIdentifier.shared.identify(lines: [Substring(structure.title ?? ""), structure.textSlice]).code
        var article = Article(id: record.id ?? record.document.contentHash, path: record.document.origin,
                              lang: lang, text: "", raw: raw)
        article.textSlice = structure.textSlice
        article.title = record.title ?? structure.title
        article.ledeSlice = structure.ledeSlice
        article.source = record.source ?? structure.source
        article.originalSource = structure.originalSource
        article.agencies = structure.agencies
        article.byline = structure.byline
        article.paragraphSlices = structure.paragraphSlices
        article.headings = structure.headings
        article.related = structure.related
        article.captions = structure.captions
        article.credits = structure.credits
        article.quotes = structure.quotes
        article.blocks = structure.blocks
        article.url = record.url
        date(of: &article, given: record.date, found: structure.date)
        article.meta = record.meta
        article.warnings = record.document.warnings
        if article.rawByteCount > splicesRawAbove { article.spliceRaw() }
        return article
    }

    /// The date a record gives (`2024-07-03`, `Tue, 03 Jul 2018 10:00:00 GMT`) as an article gets
    /// it, without parsing the article: ISO 8601, or the text as given when it is no date.
    public func isoDate(given: String) -> String { givenDate(given)?.iso ?? given }

    private func givenDate(_ given: String) -> DateMention? {
        dates.parse(given, lang: nil) ?? dates.find(in: given, lang: nil).first
    }

    /// The article's date: one its record or page gives (read by the date parser, kept as given
    /// when it cannot be read), else the one its text names.
    func date(of article: inout Article, given: String?, found: DateMention?) {
        if let given {
            let parsed = givenDate(given)
            article.date = parsed?.iso ?? given
            article.datePrecision = parsed?.start.precision.rawValue
        } else if let found {
            article.date = found.iso
            article.datePrecision = found.start.precision.rawValue
        }
    }
}

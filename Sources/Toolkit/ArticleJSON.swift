import Foundation
import NewsKit

/// An article as JSON, with the field names of the Lua API (`date_precision`, `original_source`...).
/// One object per line in `toolkit parse --format json`.
struct ArticleJSON: Encodable {
    struct BlockJSON: Encodable {
        var kind: String, text: String, first: Int, last: Int
        var marker: String?, rule: String
        var duplicate_of: Int?
    }
    struct QuoteJSON: Encodable {
        var text: String, speaker: String?, first: Int, last: Int
    }

    var id: String, path: String, lang: String
    var title: String?, lede: String?, date: String?, date_precision: String?
    var source: String?, original_source: String?, url: String?, byline: String?
    var agencies: [String], paragraphs: [String], headings: [String], related: [String]
    var captions: [String], credits: [String], quotes: [QuoteJSON], text: String
    var blocks: [BlockJSON]
    var meta: [String: String]

    init(_ a: Article) {
        id = a.id; path = a.path; lang = a.lang
        title = a.title; lede = a.lede; date = a.date; date_precision = a.datePrecision
        source = a.source; original_source = a.originalSource; url = a.url; byline = a.byline
        agencies = a.agencies; paragraphs = a.paragraphs; headings = a.headings; related = a.related
        captions = a.captions; credits = a.credits; text = a.text; meta = a.meta
        quotes = a.quotes.map { QuoteJSON(text: $0.text, speaker: $0.speaker, first: $0.first, last: $0.last) }
        blocks = a.blocks.map {
            BlockJSON(kind: $0.kind.rawValue, text: $0.text, first: $0.first, last: $0.last,
                      marker: $0.marker, rule: $0.rule, duplicate_of: $0.duplicateOf)
        }
    }

    static func line(_ article: Article) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(ArticleJSON(article)), as: UTF8.self)
    }
}

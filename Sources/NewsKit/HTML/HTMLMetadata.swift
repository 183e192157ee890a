import Foundation

/// Title, date, author, publisher and language as the page's markup states them, strongest
/// source first: OpenGraph and `article:*` meta tags, JSON-LD (`NewsArticle` and its kin), other
/// meta names, `<time datetime>`, `<html lang>`, then `<title>`. Nil where the markup says nothing;
/// the text's own evidence (the parser's) fills in then.
public struct HTMLMetadata: Sendable, Equatable {
    public var title: String?
    public var date: String?
    public var author: String?
    public var source: String?
    public var lang: String?
    public var url: String?
    public var description: String?
    /// Where each field came from ("og:title", "json-ld", "<time>"), for `toolkit parse`.
    public var origins: [String: String] = [:]

    init(head: HTMLHeadData, h1: String?) {
        var metas: [String: String] = [:]
        for (key, value) in head.metas where metas[key] == nil && !value.isEmpty { metas[key] = value }
        let ld = Self.jsonLDArticle(head.jsonLD)

        func pick(_ field: String, _ candidates: [(String, String?)]) -> String? {
            for (origin, value) in candidates {
                if let value = value?.trimming(.whitespacesAndNewlines), !value.isEmpty {
                    origins[field] = origin
                    return value
                }
            }
            return nil
        }
        let headline = ld?["headline"] as? String
        let titles: [(String, String?)] = [("og:title", metas["og:title"]), ("json-ld headline", headline),
                                           ("twitter:title", metas["twitter:title"]), ("<h1>", h1),
                                           ("<title>", head.title.map(Self.withoutSiteSuffix))]
        title = pick("title", titles)
        let dateNames = ["date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date",
                         "sailthru.date", "article.published", "datepublished", "og:published_time", "publish-date"]
        let metaDate = dateNames.lazy.compactMap { metas[$0] }.first
        let published = ld?["datePublished"] as? String
        let created = ld?["dateCreated"] as? String
        let modified = ld?["dateModified"] as? String
        let dates: [(String, String?)] = [("article:published_time", metas["article:published_time"]),
                                          ("json-ld datePublished", published), ("meta date", metaDate),
                                          ("json-ld dateCreated", created), ("<time>", head.times.first?.value),
                                          ("article:modified_time", metas["article:modified_time"]),
                                          ("json-ld dateModified", modified)]
        date = pick("date", dates)
        let metaAuthor = [metas["author"], metas["article:author"], metas["dc.creator"], metas["parsely-author"],
                          metas["sailthru.author"]].compactMap { $0 }.first { !$0.hasPrefix("http") }
        author = pick("author", [("json-ld author", Self.names(ld?["author"])), ("meta author", metaAuthor)])
        source = pick("source", [("og:site_name", metas["og:site_name"]),
                                 ("json-ld publisher", Self.names((ld?["publisher"]))),
                                 ("application-name", metas["application-name"])])
        lang = pick("lang", [("<html lang>", head.htmlLang), ("content-language", metas["content-language"]),
                             ("og:locale", metas["og:locale"]), ("json-ld inLanguage", ld?["inLanguage"] as? String)])
            .flatMap(Self.languageCode)
        url = pick("url", [("canonical", head.canonical), ("og:url", metas["og:url"])])
        description = pick("description", [("og:description", metas["og:description"]), ("description", metas["description"])])
    }

    /// "fa-IR", "ar_EG", "en" -> "fa", "ar", "en".
    static func languageCode(_ tag: String) -> String? {
        let code = tag.lowercased().prefix { $0.isLetter }
        return (2...3).contains(code.count) ? String(code) : nil
    }

    /// "Putin in Beijing | Site Name" -> "Putin in Beijing": the site name that titles repeat.
    static func withoutSiteSuffix(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
            if let range = title.range(of: separator, options: .backwards) {
                let head = title[..<range.lowerBound]
                if head.count >= 15 { return String(head) }
            }
        }
        return title
    }

    /// The first JSON-LD object that is an article (NewsArticle, Article, BlogPosting, ...),
    /// looking inside `@graph` arrays and top-level lists.
    static func jsonLDArticle(_ scripts: [String]) -> [String: Any]? {
        func isArticle(_ object: [String: Any]) -> Bool {
            let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
            return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "WebPage" && object["headline"] != nil }
        }
        func search(_ value: Any) -> [String: Any]? {
            if let object = value as? [String: Any] {
                if isArticle(object) { return object }
                if let graph = object["@graph"] { return search(graph) }
                if let main = object["mainEntity"] { return search(main) }
            } else if let list = value as? [Any] {
                for item in list { if let found = search(item) { return found } }
            }
            return nil
        }
        for script in scripts {
            guard let data = script.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            if let found = search(value) { return found }
        }
        return nil
    }

    /// A JSON-LD person or organisation, or a list of them, as a name ("A, B").
    static func names(_ value: Any?) -> String? {
        if let name = value as? String { return name.hasPrefix("http") ? nil : name }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let list = value as? [Any] {
            let all = list.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}

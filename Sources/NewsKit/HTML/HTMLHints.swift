/// What an element's tag, role, itemprop, id and classes say about its text: page furniture
/// (navigation, comments, sharing, related links) or the article itself. Words are matched as
/// whole parts of the names (`post-comments` has `comments`), a few as parts of compounds
/// (`commentlist`), so that a `header-ads` is furniture and a `shadow` is not an `ad`.
enum HTMLHints {
    /// Furniture whatever its size: comment threads can outgrow the article they follow.
    static func isStrongFurniture(_ reason: String) -> Bool {
        reason.hasPrefix("<") || reason.hasPrefix("role=") || reason.hasPrefix("itemprop=") || has(reason[...], "comment")
            || has(reason[...], "disqus") || has(reason[...], "respond")
    }

    /// An element's id and classes lowercased and cut into words, once: each judgement reads them.
    struct Names {
        var id: String
        var classes: String
        var idWords: [Substring]
        var classWords: [Substring]

        init(_ e: HTMLElement) {
            id = e.id.isEmpty ? "" : e.id.lowercased()
            classes = e.classes.isEmpty ? "" : e.classes.lowercased()
            idWords = id.isEmpty ? [] : HTMLHints.words(id)
            classWords = classes.isEmpty ? [] : HTMLHints.words(classes)
        }

        /// (original name, lowercased, words) of the id and the classes that are given.
        func each(_ e: HTMLElement) -> [(name: String, lower: String, words: [Substring])] {
            var all: [(String, String, [Substring])] = []
            if !id.isEmpty { all.append((e.id, id, idWords)) }
            if !classes.isEmpty { all.append((e.classes, classes, classWords)) }
            return all
        }
    }

    /// Why an element is furniture, or nil.
    static func furniture(_ e: HTMLElement, _ names: Names, insideArticle: Bool) -> String? {
        switch e.tag {
        // The page's own classes describe its state or layout ("cookies-not-set", "has-sidebar",
        // "menu-open"), not a part of it.
        case "body", "html": return nil
        case "nav": return "<nav>"
        case "aside": return "<aside>"
        // Inside the article too: its footer holds tags, the author's box, "posted in" lines.
        case "footer": return "<footer>"
        case "header" where !insideArticle: return "<header>"
        case "form": return "<form>"
        default: break
        }
        switch e.role.lowercased() {
        case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert":
            return "role=\(e.role)"
        default: break
        }
        let itemprop = e.itemprop.lowercased()
        if itemprop == "comment" { return "itemprop=comment" }
        if has(itemprop[...], "articlebody") { return nil }
        for (name, _, parts) in names.each(e) {
            for word in parts where furnitureWords.contains(word) {
                // A content word beside it ("article-footer" is furniture, "main-nav" too, but
                // "content-body-with-sidebar" names the article's own column).
                return name == e.id ? "#\(e.id)" : ".\(word)"
            }
            for word in parts where !notFurniture.contains(word) {
                for part in furnitureParts where has(word, part) {
                    return name == e.id ? "#\(e.id)" : ".\(word)"
                }
            }
        }
        return nil
    }

    /// How strongly the names call the element the article's body.
    static func contentWeight(_ e: HTMLElement, _ names: Names) -> Double {
        var weight = 0.0
        switch e.tag {
        case "article": weight += 25
        case "main": weight += 15
        case "div": weight += 5
        case "pre", "td", "blockquote": weight += 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": weight -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": weight -= 5
        default: break
        }
        let itemprop = e.itemprop.lowercased()
        if has(itemprop[...], "articlebody") || itemprop == "text" || itemprop == "reviewbody" { weight += 50 }
        for (_, lower, parts) in names.each(e) {
            if parts.contains(where: contentWords.contains) || contentParts.contains(where: { has(lower[...], $0) }) || parts.contains(where: notFurniture.contains) { weight += 25 }
            if parts.contains(where: furnitureWords.contains) || parts.contains(where: weakFurniture.contains)
                || parts.contains(where: { word in !notFurniture.contains(word) && furnitureParts.contains(where: { has(word, $0) }) }) { weight -= 25 }
        }
        return weight
    }

    /// The phrase a short block opens with when it is a site's furniture in any language ("Mehr zum
    /// Thema", "Notas relacionadas", "À lire aussi", "Subscribe now"): headings of link lists, paywall
    /// and print notices that sit inside the article's column.
    static func boilerplatePhrase(_ text: String) -> String? {
        let lower = text.lowercased()
        return boilerplatePhrases.first { lower.hasPrefix($0) }
    }

    private static let boilerplatePhrases = [
        "mehr zum thema", "mehr themen", "schon gelesen", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "am meisten gelesen", "meistgelesen", "letzte kommentare", "weitere artikel", "lesen sie auch", "lesen sie mehr", "auch interessant",
        "über den autor", "rezept drucken", "notas relacionadas", "noticias relacionadas", "lee también", "te puede interesar",
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "pour lire la suite", "pour accéder en illimité",
        "related stories", "related articles", "related posts", "you may also like", "you might also like", "more stories",
        "most read", "most popular", "about the author", "subscribe now", "to view the full story", "advertisement",
        "leggi anche", "potrebbe interessarti", "articoli correlati", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
        "veja também", "leia também", "читайте также", "اقرأ أيضا", "اقرأ أيضاً", "بیشتر بخوانید", "soma pia", "soma zaidi",
    ]

    /// Names of the lede (the standfirst above the body).
    static func isLede(_ names: Names) -> Bool {
        names.idWords.contains { ledeWords.contains($0) } || names.classWords.contains { ledeWords.contains($0) }
    }

    private static let ledeWords: Set<Substring> = ["lead", "lede", "intro", "teaser", "standfirst", "summary", "excerpt",
                                                    "subtitle", "subheadline", "deck", "kicker"]

    /// The parts of an id or class list, split at anything but ASCII letters and digits (names are
    /// ASCII nearly always; a part in another script stays whole and matches no list).
    /// Whether `part` occurs in `name`, byte by byte (Foundation's `contains` goes through NSString,
    /// which this hot path cannot afford).
    static func has(_ name: Substring, _ part: String) -> Bool {
        let hay = name.utf8, needle = part.utf8
        guard let first = needle.first, hay.count >= needle.count else { return false }
        var i = hay.startIndex
        while let found = hay[i...].firstIndex(of: first) {
            if hay[found...].starts(with: needle) { return true }
            i = hay.index(after: found)
        }
        return false
    }

    static func words(_ name: String) -> [Substring] {
        // By bytes: splitting by Character cost a sixth of the extraction's time. Bytes of other
        // scripts (>= 0x80) are never separators, so such a part stays whole as before.
        var parts: [Substring] = []
        let utf8 = name.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            let separator = byte < 0x80 && !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39))
            if separator {
                if start != i { parts.append(Substring(utf8[start..<i])) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start != utf8.endIndex { parts.append(Substring(utf8[start..<utf8.endIndex])) }
        return parts
    }

    private static let furnitureWords: Set<Substring> = [
        "nav", "navbar", "navigation", "menu", "menus", "footer", "sidebar", "comment", "comments", "disqus",
        "share", "sharing", "shares", "social", "socials", "related", "recommended", "recommendations", "newsletter",
        "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs",
        "pagination", "pager", "tagcloud", "promo", "advert", "advertisement", "ad", "ads",
        "sponsor", "sponsored", "popup", "modal", "login", "signup", "toolbar", "masthead", "outbrain", "taboola",
        "trending", "mostread", "popular", "skip", "print", "rating", "ratings", "banner", "overlay", "visuallyhidden",
        "sr", "screen", "visually", "offscreen", "copyright", "disclaimer", "reactions", "respond", "reply",
    ]
    private static let furnitureParts = [
        "comment", "sidebar", "breadcrumb", "navbar", "navigation", "newsletter", "outbrain", "taboola", "cookie",
        "social", "sharing", "advert", "footer", "menu", "mostread",
    ]
    /// Words that contain a furniture part but name the article ("commentary" is an opinion piece).
    private static let notFurniture: Set<Substring> = ["commentary", "commentaries", "menuitem"]
    /// Names that lower a candidate's score without marking its text as furniture.
    private static let weakFurniture: Set<Substring> = ["widget", "widgets", "meta", "tools", "tags", "tag", "links", "info", "author", "byline", "date", "header", "teaser", "list"]
    private static let contentWords: Set<Substring> = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "news", "hentry", "prose",
        "articlebody", "storybody", "postbody", "field", "richtext",
    ]
    private static let contentParts = ["article-body", "articlebody", "entry-content", "post-content", "story-body", "post-body", "article-content", "article__body", "article-text"]
}

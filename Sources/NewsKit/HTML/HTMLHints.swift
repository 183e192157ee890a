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

    /// What one id or one class list says, from its lowercased words.
    struct NameVerdict {
        /// The first word that makes the element furniture: a furniture word, else a word with a
        /// furniture part (`commentlist`) that is no content word containing one (`commentary`).
        var furnitureWord: String?
        /// Content words (`article`, `post-content`) raise the element's score as a body...
        var content: Bool
        /// ...furniture and weak furniture words (`widget`, `tags`) lower it.
        var againstContent: Bool
        /// Names of the lede (`standfirst`, `intro`).
        var lede: Bool
        /// Names of a picture's caption (`wp-caption-text`, `legend`).
        var caption = false

        init(_ name: String) {
            var lower = name.lowercased()
            // ASCII names by bytes: matching Substrings against sets and parts cost 40,000
            // instructions a name, most of the extraction's choice of the body.
            if let verdict = lower.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? NameVerdict(ascii: $0) : nil }) {
                self = verdict
                return
            }
            let parts = HTMLHints.words(lower)
            furnitureWord = (parts.first(where: furnitureWords.contains)
                ?? parts.first { word in !notFurniture.contains(word) && furnitureParts.contains { has(word, $0) } })
                .map(String.init)
            content = parts.contains(where: contentWords.contains) || contentParts.contains { has(lower[...], $0) }
                || parts.contains(where: notFurniture.contains)
            againstContent = furnitureWord != nil || parts.contains(where: weakFurniture.contains)
            lede = parts.contains(where: ledeWords.contains)
            caption = parts.contains(where: captionWords.contains)
        }

        /// The same judgement of a lowercased ASCII name: its words are split at the same bytes, and
        /// ASCII words equal the listed ones exactly when their bytes do.
        private init(ascii lower: UnsafeBufferPointer<UInt8>) {
            var furnitureWord: String?, partWord: String?
            var content = false, weak = false, lede = false, caption = false
            var start = 0
            for i in 0...lower.count {
                if i < lower.count {
                    let byte = lower[i]
                    guard !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)) else { continue }
                }
                defer { start = i + 1 }
                guard start < i else { continue }
                let word = UnsafeBufferPointer(rebasing: lower[start..<i])
                let kinds = word.count <= WordKinds.longest ? WordKinds.of[String(decoding: word, as: UTF8.self)] ?? [] : []
                if furnitureWord == nil, kinds.contains(.furniture) { furnitureWord = String(decoding: word, as: UTF8.self) }
                if partWord == nil, !kinds.contains(.notFurniture), furniturePartBytes.contains(where: { occurs($0, in: word) }) {
                    partWord = String(decoding: word, as: UTF8.self)
                }
                content = content || kinds.contains(.content) || kinds.contains(.notFurniture)
                weak = weak || kinds.contains(.weak)
                lede = lede || kinds.contains(.lede)
                caption = caption || kinds.contains(.caption)
            }
            self.furnitureWord = furnitureWord ?? partWord
            self.content = content || contentPartBytes.contains { occurs($0, in: lower) }
            againstContent = self.furnitureWord != nil || weak
            self.lede = lede
            self.caption = caption
        }
    }

    /// The lists a word of a name may be on, looked up once per word.
    struct WordKinds: OptionSet {
        let rawValue: UInt8
        static let furniture = WordKinds(rawValue: 1), notFurniture = WordKinds(rawValue: 2), weak = WordKinds(rawValue: 4)
        static let content = WordKinds(rawValue: 8), lede = WordKinds(rawValue: 16), caption = WordKinds(rawValue: 32)

        static let of: [String: WordKinds] = {
            var kinds: [String: WordKinds] = [:]
            let lists: [(Set<Substring>, WordKinds)] = [(furnitureWords, .furniture), (HTMLHints.notFurniture, .notFurniture), (weakFurniture, .weak),
                                                        (contentWords, .content), (ledeWords, .lede), (captionWords, .caption)]
            for (words, kind) in lists {
                for word in words { kinds[String(word), default: []].insert(kind) }
            }
            return kinds
        }()
        /// No listed word is longer: longer words need no look-up.
        static let longest = of.keys.map(\.utf8.count).max() ?? 0
    }

    static let furniturePartBytes = furnitureParts.map { Array($0.utf8) }
    static let contentPartBytes = contentParts.map { Array($0.utf8) }

    /// Whether `needle` (not empty) occurs in `hay`, byte for byte.
    static func occurs(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0, n <= hay.count else { return false }
        let first = needle[0]
        var i = 0
        while i + n <= hay.count {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// An element's id and classes judged. A page repeats its class lists (every item of a menu,
    /// every teaser of a list), so each distinct one is judged once: judging each element's
    /// words cost a third of the extraction's time.
    struct Names {
        var id: NameVerdict?
        var classes: NameVerdict?
    }

    struct NameJudge {
        private var verdicts: [String: NameVerdict] = [:]

        mutating func names(_ e: HTMLElement) -> Names {
            Names(id: e.id.isEmpty ? nil : verdict(e.id), classes: e.classes.isEmpty ? nil : verdict(e.classes))
        }

        private mutating func verdict(_ name: String) -> NameVerdict {
            // Strings are equal when canonically equivalent, while a name's parts are matched by
            // bytes: only ASCII names, equal exactly when their bytes are, share a verdict.
            guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return NameVerdict(name) }
            if let known = verdicts[name] { return known }
            let verdict = NameVerdict(name)
            verdicts[name] = verdict
            return verdict
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
        // A heading's id is its anchor (`nav_schredder_statt__0` from a table of contents) and its
        // classes style it: a heading of furniture goes with what it heads (dropOrphanHeadings).
        if isHeading(e.tag) { return nil }
        let itemprop = e.itemprop.lowercased()
        if itemprop == "comment" { return "itemprop=comment" }
        if has(itemprop[...], "articlebody") { return nil }
        if names.id?.furnitureWord != nil { return "#\(e.id)" }
        return names.classes?.furnitureWord.map { ".\($0)" }
    }

    /// `h1` to `h6`, by bytes: hashing every element's tag into a set cost 1% of the extraction.
    static func isHeading(_ tag: String) -> Bool {
        let utf8 = tag.utf8
        guard utf8.count == 2, utf8.first == 0x68, let level = utf8.last else { return false }
        return level >= 0x31 && level <= 0x36
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
        for verdict in [names.id, names.classes] {
            guard let verdict else { continue }
            if verdict.content { weight += 25 }
            if verdict.againstContent { weight -= 25 }
        }
        return weight
    }

    /// The phrase a short block opens with when it is a site's furniture in any language ("Mehr zum
    /// Thema", "Notas relacionadas", "À lire aussi", "Subscribe now"): headings of link lists, paywall
    /// and print notices that sit inside the article's column.
    static func boilerplatePhrase(_ text: String) -> String? {
        let lower = text.lowercased()
        // An ASCII text starts with a phrase exactly when its bytes do (no phrase has a
        // canonically equivalent ASCII spelling); `hasPrefix` compares Characters, which cost
        // as much as judging every element's names.
        if lower.utf8.allSatisfy({ $0 < 0x80 }) {
            return boilerplatePhrases.first { lower.utf8.starts(with: $0.utf8) }
        }
        return boilerplatePhrases.first { lower.hasPrefix($0) }
    }

    static let boilerplatePhrases = [
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
        names.id?.lede == true || names.classes?.lede == true
    }

    /// Names of a picture's caption.
    static func isCaption(_ names: Names) -> Bool {
        names.id?.caption == true || names.classes?.caption == true
    }

    static let captionWords: Set<Substring> = ["caption", "captions", "legend", "figcaption"]

    static let ledeWords: Set<Substring> = ["lead", "lede", "intro", "teaser", "standfirst", "summary", "excerpt",
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

    static let furnitureWords: Set<Substring> = [
        "nav", "navbar", "navigation", "menu", "menus", "footer", "sidebar", "comment", "comments", "disqus",
        "share", "sharing", "shares", "social", "socials", "related", "recommended", "recommendations", "newsletter",
        "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs",
        "pagination", "pager", "tagcloud", "promo", "advert", "advertisement", "ad", "ads",
        "sponsor", "sponsored", "popup", "modal", "login", "signup", "toolbar", "masthead", "outbrain", "taboola",
        "trending", "mostread", "popular", "skip", "rating", "ratings", "banner", "overlay", "visuallyhidden", "tags",
        "sr", "screen", "visually", "offscreen", "copyright", "disclaimer", "reactions", "respond", "reply",
    ]
    static let furnitureParts = [
        "comment", "sidebar", "breadcrumb", "navbar", "navigation", "newsletter", "outbrain", "taboola", "cookie",
        "social", "sharing", "advert", "footer", "menu", "mostread",
    ]
    /// Words that contain a furniture part but name the article ("commentary" is an opinion piece).
    static let notFurniture: Set<Substring> = ["commentary", "commentaries", "menuitem"]
    /// Names that lower a candidate's score without marking its text as furniture. A `tag-...` class
    /// is a post's (WordPress names every post by its tags), `tags` a box of them. A print button
    /// is a link, dropped as one, while pages name their text for printing (`tip-print-step`,
    /// `hide-for-print`).
    static let weakFurniture: Set<Substring> = ["widget", "widgets", "meta", "tools", "tag", "links", "info", "author", "byline", "date", "header", "teaser", "list", "print"]
    static let contentWords: Set<Substring> = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "news", "hentry", "prose",
        "articlebody", "storybody", "postbody", "field", "richtext",
    ]
    static let contentParts = ["article-body", "articlebody", "entry-content", "post-content", "story-body", "post-body", "article-content", "article__body", "article-text"]
}

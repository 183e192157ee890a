/// What the extractor decided about one block of a page's visible text, and why.
public struct HTMLSegment: Sendable {
    public enum Role: String, Sendable {
        case title, heading, lede, paragraph, listItem, quote, caption, preformatted, tableCell
    }

    public var text: String
    /// Part of the article's main text, or page furniture.
    public var main: Bool
    public var role: Role
    /// Why: the rule that decided, e.g. "in article#story (score 61)" or "link density 0.83".
    public var reason: String
    /// The DOM path of the block's element: `body>div#page>article.post>p`.
    public var path: String
    /// Inside a list of related stories (headlines that link elsewhere), when furniture.
    public var related: Bool
}

/// Main-text extraction over the walk's blocks. The article's body is found as the element whose
/// paragraphs score highest (text length, commas, few links, content-like names: the idea of
/// Arc90's Readability), widened to the siblings that look like more of it; inside it, furniture
/// (navigation, sharing, comments, related links) and link-dense blocks are left out. Everything
/// else is furniture with its reason, so nothing visible is dropped.
struct HTMLMainText {
    let walk: HTMLWalk

    func segments() -> [HTMLSegment] {
        let elements = walk.elements
        let blocks = walk.blocks
        guard !blocks.isEmpty else { return [] }
        var inArticleTag = [Bool](repeating: false, count: elements.count)
        for (i, e) in elements.enumerated() {
            inArticleTag[i] = e.tag == "article" || e.tag == "main" || (e.parent >= 0 && inArticleTag[e.parent])
        }

        // Names are judged once per element, not once per block below it.
        var judge = HTMLHints.NameJudge()
        let names = elements.map { judge.names($0) }
        let furnitureOf = elements.indices.map { HTMLHints.furniture(elements[$0], names[$0], insideArticle: inArticleTag[$0]) }
        let ledeOf = names.map(HTMLHints.isLede)
        let captionOf = names.map(HTMLHints.isCaption)

        // Scores flow from text blocks to the elements above them.
        var scores = [Double](repeating: 0, count: elements.count)
        var scored = [Bool](repeating: false, count: elements.count)
        for block in blocks where block.characters >= 25 && block.element >= 0 {
            let base = Self.score(block)
            var target = block.element
            if Self.paragraphTags.contains(elements[target].tag) { target = elements[target].parent }
            var level = 0
            while target >= 0, level < 5 {
                if !scored[target] {
                    scored[target] = true
                    scores[target] += HTMLHints.contentWeight(elements[target], names[target])
                }
                scores[target] += base / [1, 2, 6, 9, 12][level]
                target = elements[target].parent
                level += 1
            }
        }
        var best = -1
        var bestScore = 0.0
        var final = [Double](repeating: 0, count: elements.count)
        // A box inside furniture (a sidebar's text widget, a comment, a pop-up) can outscore a short
        // article: the body is the best candidate outside such boxes, if there is one.
        let boxed = Self.boxed(elements, furnitureOf, names)
        var boxedBest = -1
        var boxedScore = 0.0
        for i in elements.indices where scored[i] {
            let e = elements[i]
            let density = e.textCharacters > 0 ? Double(e.linkCharacters) / Double(e.textCharacters) : 0
            final[i] = scores[i] * (1 - density)
            if boxed[i] {
                if final[i] > boxedScore { boxedScore = final[i]; boxedBest = i }
            } else if final[i] > bestScore {
                bestScore = final[i]
                best = i
            }
        }
        if best < 0 {
            best = boxedBest
            bestScore = boxedScore
        }

        // The body and its siblings that read like more of it.
        var roots = Set<Int>()
        if best >= 0 {
            // An only child carries no more than its parent: take the parent, whose names and
            // neighbours say more.
            var top = best
            while elements[top].parent >= 0, Self.children(of: elements[top].parent, in: elements) == [top],
                  !["body", "html"].contains(elements[elements[top].parent].tag)
            {
                top = elements[top].parent
            }
            // Several strong candidates under one ancestor (the entries of a list article, the
            // columns of a long story) make that ancestor the body.
            let rivals = elements.indices.filter { $0 != best && scored[$0] && final[$0] >= bestScore * 0.75 }
                .sorted { final[$0] > final[$1] }.prefix(4)
            if rivals.count >= 2 {
                var ancestor = elements[top].parent
                while ancestor >= 0, !["body", "html"].contains(elements[ancestor].tag) {
                    let inside = rivals.filter { Self.isInside($0, ancestor, elements) }.count
                    if inside >= 2 { top = ancestor; break }
                    ancestor = elements[ancestor].parent
                }
            }
            // A body that holds a small share of the page's prose (a landing page of many short
            // sections, a box chosen over the column around it) widens to the ancestor that
            // holds most of it, as long as that ancestor is no list of links.
            let prose = Self.prose(blocks, elements, furnitureOf)
            let total = elements.indices.reduce(0) { elements[$1].parent < 0 ? $0 + prose[$1] : $0 }
            var up = elements[top].parent
            while prose[top] * 2 < total, up >= 0, !["body", "html"].contains(elements[up].tag), furnitureOf[up] == nil {
                let e = elements[up]
                if Double(e.linkCharacters) > Double(e.textCharacters) * 0.35 { break }
                if prose[up] > prose[top] { top = up }
                up = elements[up].parent
            }
            // A list or table chosen as the body (a paper's references, full of commas, over its
            // abstract) is part of the <article> around it, which holds the rest of the text.
            if ["ol", "ul", "dl", "table"].contains(elements[top].tag) {
                var article = elements[top].parent
                while article >= 0, elements[article].tag != "article" { article = elements[article].parent }
                if article >= 0, Double(elements[article].linkCharacters) < Double(elements[article].textCharacters) * 0.35,
                   prose[article] > prose[top]
                {
                    top = article
                }
            }
            roots.insert(top)
            let parent = elements[top].parent
            if parent >= 0 {
                let threshold = max(10, bestScore * 0.2)
                for sibling in Self.children(of: parent, in: elements) where sibling != top && !boxed[sibling] {
                    let e = elements[sibling]
                    let density = e.textCharacters > 0 ? Double(e.linkCharacters) / Double(e.textCharacters) : 1
                    let sameClass = !e.classes.isEmpty && e.classes == elements[top].classes
                    if final[sibling] + (sameClass ? bestScore * 0.2 : 0) >= threshold
                        || (Self.paragraphTags.contains(e.tag) && e.textCharacters > 80 && density < 0.25)
                    {
                        roots.insert(sibling)
                    }
                }
            }
        }

        var rootOf = [Int](repeating: -1, count: elements.count)
        for i in elements.indices {
            rootOf[i] = roots.contains(i) ? i : (elements[i].parent >= 0 ? rootOf[elements[i].parent] : -1)
        }
        let mainRootLabel = best >= 0 ? elements[roots.min() ?? best].label : "body"

        var paths = HTMLPaths(elements)
        let teaserBox = Self.teaserBoxes(blocks, elements, rootOf)

        var segments: [HTMLSegment] = []
        segments.reserveCapacity(blocks.count)
        // For each segment left out: whether only a page <header> (or nothing) marked it furniture.
        var plainOutside = [Bool](repeating: false, count: blocks.count)
        var sawTitle = false
        for block in blocks {
            let e = block.element
            let role = Self.role(of: e, in: elements, ledeOf: ledeOf, captionOf: captionOf, sawTitle: &sawTitle)
            var main = false
            var reason: String
            var related = false
            let density = block.characters > 0 ? Double(block.linkCharacters) / Double(block.characters) : 0
            if e >= 0, rootOf[e] >= 0 {
                main = true
                reason = "in \(elements[rootOf[e]].label) (score \(Int(final[best].rounded())))"
                var up = e
                while up >= 0, up != rootOf[e] {
                    if teaserBox[up], block.characters < 400 {
                        main = false
                        reason = "furniture: teaser of another story in \(elements[up].label)"
                        related = true
                        break
                    }
                    // A wrapper holding most of the body is no sidebar whatever its names say.
                    if let why = furnitureOf[up],
                       HTMLHints.isStrongFurniture(why) || elements[up].textCharacters * 5 < elements[rootOf[e]].textCharacters * 2
                    {
                        main = false
                        reason = "furniture: \(why)"
                        related = HTMLHints.has(why[...], "related") || HTMLHints.has(why[...], "recommend") || HTMLHints.has(why[...], "popular")
                        break
                    }
                    up = elements[up].parent
                }
                // A table's cells that are links name its rows (products, downloads) in a table of
                // the body; lists of links are lists.
                if main, density > 0.5, block.characters < 300 || density > 0.8, role != .tableCell {
                    main = false
                    reason = "link density \(String(format: "%.2f", density))"
                    related = role == .listItem && block.characters >= 25
                }
            } else if role == .title {
                main = true
                reason = "the page's <h1>"
            } else {
                reason = best >= 0 ? "outside \(mainRootLabel)" : "no article body found"
                var up = e
                var furniture: String?
                while up >= 0, furniture == nil {
                    furniture = furnitureOf[up]
                    up = elements[up].parent
                }
                if let furniture { reason += ", in furniture: \(furniture)" }
                plainOutside[segments.count] = furniture == nil || furniture == "<header>"
                // Lists of headlines that link elsewhere, unless they are the site's menus.
                let menu = furniture.map { f in ["nav", "menu", "footer", "header"].contains { HTMLHints.has(f[...], $0) } } ?? false
                related = role == .listItem && density > 0.5 && block.characters >= 25 && !menu
                    || furniture.map { f in ["related", "recommend", "popular"].contains { HTMLHints.has(f[...], $0) } } ?? false
            }
            if main, role != .title, block.characters <= 60, let phrase = HTMLHints.boilerplatePhrase(block.text) {
                main = false
                reason = "boilerplate phrase \"\(phrase)\""
                related = ["related", "read", "lire", "lesen", "leggi", "czytaj", "lee", "leia", "mehr", "more"].contains { phrase.contains($0) }
            }
            if main, role == .title { reason = "the page's <h1>" }
            segments.append(HTMLSegment(text: block.text, main: main, role: role, reason: reason,
                                        path: e >= 0 ? paths.path(of: e) : "", related: related))
        }
        Self.keepLedes(&segments, blocks, plainOutside, elements)
        Self.keepCommentsWhenAllThereIs(&segments, blocks)
        Self.dropOrphanHeadings(&segments, blocks)
        return segments
    }

    /// The standfirst between the page's title and its body (a `<p>` in the article's header, a
    /// teaser or intro box above the text column, a subtitle set as an `<h2>`, a summary's bullet
    /// points) belongs to the article though it sits outside the element chosen as the body: prose
    /// of a line or more (60 characters besides spaces), few links, no furniture around it but the
    /// page's header that also holds the title.
    static func keepLedes(_ segments: inout [HTMLSegment], _ blocks: [HTMLTextBlock], _ plainOutside: [Bool], _ elements: [HTMLElement]) {
        guard let (title, body) = titleAbove(&segments, blocks, elements) else { return }
        for i in (title + 1)..<body where plainOutside[i] {
            let block = blocks[i]
            guard Self.ledeRoles.contains(segments[i].role), block.characters >= 60, block.linkCharacters * 4 < block.characters
            else { continue }
            segments[i].main = true
            segments[i].related = false
            segments[i].reason = "between the title and the body"
        }
    }

    private static let ledeRoles: Set<HTMLSegment.Role> = [.paragraph, .lede, .heading, .listItem]

    /// The title above the body and the body's first block: the page's `<h1>` when the body starts
    /// within 17 blocks below it (a title further up is the site's name in its banner), else the
    /// nearest `<h1>` to `<h3>` within 17 blocks above the body (the first `<h1>` was the logo's, or
    /// the page has none). An `<h1>` found so, mostly no link, is the article's title and kept.
    private static func titleAbove(_ segments: inout [HTMLSegment], _ blocks: [HTMLTextBlock], _ elements: [HTMLElement]) -> (Int, Int)? {
        if let title = segments.firstIndex(where: { $0.role == .title }),
           let body = segments[(title + 1)...].firstIndex(where: \.main), body - title > 1, body - title <= 17
        {
            return (title, body)
        }
        guard let body = segments.firstIndex(where: { $0.main && $0.role != .title }) else { return nil }
        var i = body - 1
        while i >= 0, body - i <= 17 {
            let e = blocks[i].element
            let tag = e >= 0 ? elements[e].tag : ""
            if tag == "h1" || tag == "h2" || tag == "h3" || segments[i].role == .title {
                if tag == "h1", !segments[i].main, blocks[i].linkCharacters * 2 < blocks[i].characters {
                    segments[i].main = true
                    segments[i].reason = "the <h1> above the body"
                }
                return body - i > 1 ? (i, body) : nil
            }
            i -= 1
        }
        return nil
    }

    /// Live commentary and forum threads are marked up as comments (`live-match-comments`,
    /// `forum-comment-text`): when the body keeps next to nothing (under 200 characters besides
    /// the title) and comments inside it hold four times that and 200 characters or more, the
    /// comments are the page's text.
    static func keepCommentsWhenAllThereIs(_ segments: inout [HTMLSegment], _ blocks: [HTMLTextBlock]) {
        var kept = 0, comments = 0
        var candidates: [Int] = []
        for (i, segment) in segments.enumerated() {
            if segment.main, segment.role != .title { kept += blocks[i].characters; continue }
            guard !segment.main, segment.reason.hasPrefix("furniture: "), HTMLHints.has(segment.reason[...], "comment") else { continue }
            candidates.append(i)
            if blocks[i].linkCharacters * 2 < blocks[i].characters { comments += blocks[i].characters }
        }
        guard comments >= 200, kept < 200, kept * 4 < comments else { return }
        for i in candidates where blocks[i].linkCharacters * 2 < blocks[i].characters {
            segments[i].main = true
            segments[i].reason = "comments are all the body holds"
        }
    }

    /// Elements that cannot be the body: inside furniture (a sidebar, a comment, a pop-up's names)
    /// that holds under half the page's text, as a wrapper holding more is the page's layout
    /// whatever its names say. A form (ASP.NET wraps whole pages in one) or a page header boxes
    /// nothing.
    static func boxed(_ elements: [HTMLElement], _ furnitureOf: [String?], _ names: [HTMLHints.Names]) -> [Bool] {
        var pageText = 0
        for e in elements where e.parent < 0 { pageText += e.textCharacters }
        var boxed = [Bool](repeating: false, count: elements.count)
        for i in elements.indices {
            if elements[i].parent >= 0, boxed[elements[i].parent] {
                boxed[i] = true
            } else if let why = furnitureOf[i], why != "<form>", why != "<header>", elements[i].textCharacters * 2 < pageText,
                      // A column named for both (`article-content sticky-sidebar`) is the article's.
                      names[i].classes?.content != true, names[i].id?.content != true
            {
                boxed[i] = true
            }
        }
        return boxed
    }

    /// A teaser of another story inside the body: an element (not the body itself, under 500
    /// characters and under half the body's text) that holds a headline wholly a link (an `<h2>`
    /// to `<h6>`, or an element right inside one) and 30 characters or more besides.
    static func teaserBoxes(_ blocks: [HTMLTextBlock], _ elements: [HTMLElement], _ rootOf: [Int]) -> [Bool] {
        var headline = [Int](repeating: 0, count: elements.count)
        for block in blocks where block.element >= 0 && block.characters >= 10 && block.linkCharacters * 10 >= block.characters * 9 {
            let e = block.element
            guard Self.subheadingTags.contains(elements[e].tag) || (elements[e].parent >= 0 && Self.subheadingTags.contains(elements[elements[e].parent].tag))
            else { continue }
            var up = e
            while up >= 0 {
                headline[up] += block.characters
                up = elements[up].parent
            }
        }
        var teaser = [Bool](repeating: false, count: elements.count)
        for i in elements.indices where headline[i] > 0 && rootOf[i] >= 0 && rootOf[i] != i {
            let e = elements[i]
            teaser[i] = e.textCharacters < 500 && e.textCharacters >= headline[i] + 30 && e.textCharacters * 2 < elements[rootOf[i]].textCharacters
                && !Self.subheadingTags.contains(e.tag)
        }
        return teaser
    }

    private static let subheadingTags: Set<String> = ["h2", "h3", "h4", "h5", "h6"]

    /// A heading that heads no kept text ("Related stories", "Most read", "Comments" above lists of
    /// links) belongs to the furniture under it: nothing kept follows it, or furniture does and
    /// then another heading. So does a label set as a paragraph ("Themen:", "Schlagworte", "Infos
    /// zum Reiseziel"): up to 30 characters with a letter and no sentence's end.
    static func dropOrphanHeadings(_ segments: inout [HTMLSegment], _ blocks: [HTMLTextBlock]) {
        var nextKept: HTMLSegment.Role?
        var droppedSince = false
        for i in segments.indices.reversed() {
            let segment = segments[i]
            guard segment.main else { droppedSince = true; continue }
            if segment.role == .heading || Self.isLabel(segment, blocks[i]), nextKept == nil || (nextKept == .heading && droppedSince) {
                segments[i].main = false
                segments[i].reason = "heads no kept text"
                droppedSince = true
                continue
            }
            nextKept = segment.role
            droppedSince = false
        }
    }

    private static func isLabel(_ segment: HTMLSegment, _ block: HTMLTextBlock) -> Bool {
        // Counted with spaces; the block's count (without them) first spares counting long text.
        guard segment.role == .paragraph || segment.role == .listItem, block.characters <= 30, segment.text.count <= 30,
              let last = segment.text.last
        else { return false }
        return !Self.sentenceEnds.contains(last) && segment.text.contains(where: \.isLetter)
    }

    private static let sentenceEnds: Set<Character> = [".", "!", "?", "\u{201C}", "\""]

    /// Characters of prose below each element: blocks of 25 characters or more, mostly not links,
    /// outside furniture.
    static func prose(_ blocks: [HTMLTextBlock], _ elements: [HTMLElement], _ furnitureOf: [String?]) -> [Int] {
        var inFurniture = [Bool](repeating: false, count: elements.count)
        for i in elements.indices {
            inFurniture[i] = furnitureOf[i] != nil || (elements[i].parent >= 0 && inFurniture[elements[i].parent])
        }
        var prose = [Int](repeating: 0, count: elements.count)
        for block in blocks where block.characters >= 25 && block.element >= 0 && !inFurniture[block.element]
            && block.linkCharacters * 2 < block.characters
        {
            var e = block.element
            while e >= 0 {
                prose[e] += block.characters
                e = elements[e].parent
            }
        }
        return prose
    }

    /// A block's weight as paragraphs: each line (a block of `<br>`-separated paragraphs is several)
    /// of 25 characters or more counts 1, its commas, and up to 3 for its length.
    static func score(_ block: HTMLTextBlock) -> Double {
        // On the contiguous bytes: through the view's iterator this test cost as much as the rest.
        let lineBreak = block.text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? block.text.utf8.contains(0x0A)
        guard lineBreak else {
            return 1 + Double(block.commas) + min(Double(block.characters) / 100, 3)
        }
        var total = 0.0
        for line in block.text.utf8.split(separator: 0x0A) {
            var characters = 0, commas = 0
            var previous: UInt8 = 0
            for byte in line {
                if byte & 0xC0 != 0x80 { characters += 1 }
                if byte == 0x2C || (previous == 0xD8 && byte == 0x8C) { commas += 1 }
                previous = byte
            }
            if characters >= 25 { total += 1 + Double(commas) + min(Double(characters) / 100, 3) }
        }
        return max(total, 1)
    }

    private static let paragraphTags: Set<String> = ["p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "caption", "address"]

    private static func isInside(_ e: Int, _ ancestor: Int, _ elements: [HTMLElement]) -> Bool {
        var up = elements[e].parent
        while up >= 0 {
            if up == ancestor { return true }
            up = elements[up].parent
        }
        return false
    }

    private static func children(of parent: Int, in elements: [HTMLElement]) -> [Int] {
        // Elements are stored in document order with children after their parent, so a parent's
        // children follow it until the first element at its depth or above.
        var result: [Int] = []
        var i = parent + 1
        while i < elements.count, elements[i].depth > elements[parent].depth {
            if elements[i].parent == parent { result.append(i) }
            i += 1
        }
        return result
    }

    private static func role(of e: Int, in elements: [HTMLElement], ledeOf: [Bool], captionOf: [Bool], sawTitle: inout Bool) -> HTMLSegment.Role {
        guard e >= 0 else { return .paragraph }
        var up = e
        var steps = 0
        while up >= 0, steps < 4 {
            switch elements[up].tag {
            case "h1":
                if !sawTitle { sawTitle = true; return .title }
                return .heading
            case "h2", "h3", "h4", "h5", "h6": return .heading
            case "figcaption", "caption": return .caption
            case "blockquote": return .quote
            case "pre": return .preformatted
            case "li", "dd", "dt": return .listItem
            case "td", "th": return .tableCell
            case "p": return captionOf[up] ? .caption : ledeOf[up] ? .lede : .paragraph
            default:
                if captionOf[up] { return .caption }
                if ledeOf[up] { return .lede }
            }
            up = elements[up].parent
            steps += 1
        }
        return .paragraph
    }
}

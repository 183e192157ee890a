/// A web page as an article: the same typed blocks as raw text. `raw` is the page's visible text,
/// one block of the DOM a blank line apart (led by the `<title>` when the page has no `<h1>`); the
/// extractor's main text goes through the article parser, so markers, bylines, datelines and quotes
/// are found as in any text, and its blocks are mapped back into `raw`; the rest are furniture
/// (`boilerplate`, or `related` for lists of other stories), each with the DOM path and the reason
/// in its rule. The markup's metadata wins over what the text suggests.
extension ArticleReader {
    func article(fromPage page: WebPage, record: InputRecord) -> Article {
        let extraction = HTMLExtraction(page)
        let metadata = extraction.metadata
        var segments = extraction.segments
        if !segments.contains(where: { $0.role == .title }), let title = metadata.title {
            let origin = metadata.origins["title"] ?? "metadata"
            segments.insert(HTMLSegment(text: title, main: true, role: .title, reason: "no <h1>: the title from \(origin)",
                                        path: "head>title", related: false), at: 0)
        }
        // A <figcaption> or <caption> of the body is the caption of a picture or table: kept beside
        // the text (`captions`) as the parser keeps a caption it recognises, not read as prose.
        let besideText = segments.map { $0.main && $0.role == .caption }

        // raw and the parser's input, with where each segment starts in both (0-based bytes).
        var raw = ""
        var mainText = ""
        var rawStarts: [Int] = []
        var mainStarts: [(main: Int, segment: Int)] = []
        for (i, segment) in segments.enumerated() {
            if !raw.isEmpty { raw += "\n\n" }
            rawStarts.append(raw.utf8.count)
            raw += segment.text
            if segment.main, !besideText[i] {
                if !mainText.isEmpty { mainText += "\n\n" }
                mainStarts.append((mainText.utf8.count, i))
                mainText += segment.text
            }
        }
        func toRaw(_ offset: Int) -> (raw: Int, segment: Int) {
            // The last segment starting at or before the 0-based offset.
            var low = 0, high = mainStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if mainStarts[mid].main <= offset { low = mid } else { high = mid - 1 }
            }
            let (start, segment) = mainStarts[low]
            return (rawStarts[segment] + offset - start, segment)
        }

        let hinted = record.lang ?? metadata.lang
        let structure = parser.parse(mainText, lang: hinted)
        var blocks: [Block] = []
        for block in structure.blocks where !mainStarts.isEmpty {
            let (first, segment) = toRaw(block.first - 1)
            let (last, _) = toRaw(block.last - 1)
            blocks.append(Block(kind: block.kind, text: block.text, first: first + 1, last: last + 1, marker: block.marker,
                                rule: "\(block.rule); html: \(segments[segment].reason) [\(segments[segment].path)]",
                                duplicateOf: block.duplicateOf))
        }
        for (i, segment) in segments.enumerated() where !segment.main || besideText[i] {
            blocks.append(Block(kind: besideText[i] ? .caption : segment.related ? .related : .boilerplate, text: segment.text,
                                first: rawStarts[i] + 1, last: rawStarts[i] + segment.text.utf8.count,
                                rule: "html: \(besideText[i] ? "caption; " : "")\(segment.reason) [\(segment.path)]"))
        }
        blocks = blocks.enumerated().sorted { ($0.element.first, $0.offset) < ($1.element.first, $1.offset) }.map(\.element)
        // duplicateOf named positions in the parser's list: find the same block again by offset.
        let positions = Dictionary(blocks.enumerated().map { ($0.element.first, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let parserFirsts = mainStarts.isEmpty ? [] : structure.blocks.map { toRawFirst($0.first, toRaw) }
        for i in blocks.indices {
            if let old = blocks[i].duplicateOf, old < parserFirsts.count { blocks[i].duplicateOf = positions[parserFirsts[old]] }
        }

        let guess = LanguageIdentifier.shared.identify(String((structure.text.isEmpty ? mainText : structure.text).prefix(4000))).code
        var article = Article(id: record.id ?? record.document.contentHash, path: record.document.origin,
                              lang: hinted ?? guess, text: structure.text, raw: raw)
        article.title = record.title ?? metadata.title ?? structure.title
        article.lede = structure.lede
        article.source = record.source ?? metadata.source ?? structure.source
        article.originalSource = structure.originalSource
        article.agencies = structure.agencies
        article.byline = metadata.author ?? structure.byline
        article.paragraphs = structure.paragraphs
        article.headings = structure.headings
        article.related = structure.related + segments.filter(\.related).map(\.text)
        article.captions = structure.captions + segments.indices.filter { besideText[$0] }.map { segments[$0].text }
        article.credits = structure.credits
        article.quotes = structure.quotes
        article.blocks = blocks
        // Only what the record gives, so that a script reading `url` or `meta` before anything
        // that needs parsing sees the same values as after.
        article.url = record.url
        article.html = page.html
        date(of: &article, given: record.date ?? metadata.date, found: structure.date)
        article.meta = record.meta
        article.warnings = record.document.warnings
        return article
    }

    private func toRawFirst(_ first: Int, _ toRaw: (Int) -> (raw: Int, segment: Int)) -> Int {
        toRaw(first - 1).raw + 1
    }
}

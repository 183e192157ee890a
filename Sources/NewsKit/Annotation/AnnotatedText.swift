/// The text the annotator reads: the article's text (lede and body) followed by the blocks that are
/// outside it but still name entities (title, headings, datelines ("TEHRAN –"), source and byline lines, captions,
/// credits, related headlines). Reading them in one pass lets a short alias in the title ("Xi")
/// count once the body has named the person in full. Offsets found in it are mapped back to
/// `Article.text` or to the block in `Article.raw`.
struct AnnotatedText {
    static let outsideKinds: Set<BlockKind> = [.title, .heading, .dateline, .source, .byline, .caption, .credit, .related]
    static let separator = "\n\n"

    let string: String
    /// 0-based byte where the appended blocks start; before it is `Article.text`.
    let textLength: Int
    private var segments: [(start: Int, end: Int, block: Int, rawStart: Int?)] = []

    /// `text` (the article's text or a window of it) followed, with `outside`, by the blocks
    /// outside the text.
    init(article: Article, text: Substring, outside: Bool) {
        var string = String(text)
        textLength = string.utf8.count
        guard outside else {
            self.string = string
            return
        }
        var segments: [(start: Int, end: Int, block: Int, rawStart: Int?)] = []
        for (index, block) in article.blocks.enumerated() where Self.outsideKinds.contains(block.kind) && block.duplicateOf == nil {
            guard !block.textSlice.isEmpty else { continue }
            string += Self.separator
            let start = string.utf8.count
            string += block.textSlice
            // The block's span of raw read in place: a copy of raw would be one more copy of the article.
            var span = article.rawSpan((block.first - 1)..<block.last)
            let found = span.withUTF8 { Self.locate(Array(block.textSlice.utf8), in: $0, from: 0, to: $0.count) }
            segments.append((start, string.utf8.count, index + 1, found.map { $0 + block.first - 1 }))
        }
        self.segments = segments
        self.string = string
    }

    /// 0-based start of `needle` inside `raw[from..<to]`, if it is there as written.
    static func locate(_ needle: [UInt8], in raw: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, to <= raw.count, to - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= to {
            if raw[i] == needle[0] && UnsafeBufferPointer(rebasing: raw[i..<(i + needle.count)]).elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Where a 0-based byte range of `string` lies in the article.
    func place(_ range: Range<Int>) -> (block: Int?, first: Int?, last: Int?, rawFirst: Int?, rawLast: Int?)? {
        if range.upperBound <= textLength {
            return (nil, range.lowerBound + 1, range.upperBound, nil, nil)
        }
        guard let segment = segments.first(where: { $0.start <= range.lowerBound && range.upperBound <= $0.end }) else { return nil }
        let rawFirst = segment.rawStart.map { $0 + range.lowerBound - segment.start + 1 }
        return (segment.block, nil, nil, rawFirst, rawFirst.map { $0 + range.count - 1 })
    }
}

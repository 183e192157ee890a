/// One news article as analysts see it: what the text says, typed and cleaned. Fields follow
/// DESIGN.md's data model; those a reader cannot find stay nil or empty.
public struct Article: Sendable {
    public var id: String
    /// The file (or `file:line` of a JSON Lines record) it was read from.
    public var path: String
    public var lang: String
    public var title: String?
    public var lede: String? {
        get { ledeSlice.map { String($0) } }
        set { ledeSlice = newValue.map { Substring($0) } }
    }
    /// The lede as a slice of `raw` (no copy; see `Block.textSlice`).
    public var ledeSlice: Substring?
    /// ISO 8601 date or partial date (`2024-06-19`, `2024-06`, `--09-15`).
    public var date: String?
    /// day, month, year or day-month.
    public var datePrecision: String?
    /// Publisher named in the text (or given by the input record).
    public var source: String?
    /// A further source the text credits at its end ("منبع: X"), when it differs from `source`.
    public var originalSource: String?
    public var url: String?
    public var byline: String?
    public var agencies: [String] = []
    public var paragraphs: [String] {
        get { paragraphSlices.map { String($0) } }
        set { paragraphSlices = newValue.map { Substring($0) } }
    }
    /// The same paragraphs as slices of `raw`: what a long article's paragraphs are stored as,
    /// sharing the storage of `raw` and of the blocks instead of a copy of each.
    public var paragraphSlices: [Substring] = []
    public var headings: [String] = []
    public var related: [String] = []
    public var captions: [String] = []
    public var credits: [String] = []
    /// Quoted speech; offsets are 1-based bytes into `text`.
    public var quotes: [Quote] = []
    /// Every part of `raw`, typed; offsets are 1-based bytes into `raw`.
    public var blocks: [Block] = []
    /// Lede and body paragraphs, separated by blank lines: what entity offsets refer to.
    public var text: String {
        get { String(textSlice) }
        set { textSlice = Substring(newValue) }
    }
    /// The same text in place: a slice of `raw` when the lede and paragraphs lie there as they are
    /// joined (one after the other, a blank line apart), so a long article is not held twice;
    /// else a string of its own.
    public var textSlice: Substring
    /// The input text as read. A long article may hold it in pieces (`spliceRaw()`), joined on
    /// each read: read `rawByteCount` or `rawSpan(_:)` where they serve.
    public var raw: String {
        get { splices?.joined() ?? wholeRaw }
        set { wholeRaw = newValue; splices = nil }
    }
    private var wholeRaw: String
    private var splices: RawSplices?
    /// The web page itself, for an article read from HTML or WARC (its `raw` is the visible text).
    public var html: String?
    /// Fields of the input record that are not article fields (JSON Lines), as strings.
    public var meta: [String: String] = [:]
    public var warnings: [String] = []

    public init(id: String, path: String, lang: String, text: String, raw: String) {
        self.id = id
        self.path = path
        self.lang = lang
        self.textSlice = Substring(text)
        self.wholeRaw = raw
    }

    /// The length of `raw` in bytes, without joining it.
    public var rawByteCount: Int { splices?.count ?? wholeRaw.utf8.count }

    /// The bytes `range` of `raw` (0-based, on character boundaries): a slice, copied only when
    /// the article holds `raw` in pieces and the range spans two.
    public func rawSpan(_ range: Range<Int>) -> Substring {
        if let splices { return splices.span(range) }
        let utf8 = wholeRaw.utf8
        let range = range.clamped(to: 0..<utf8.count)
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
    }

    /// `raw` in order, in slices: itself whole, or its pieces when it is held so (nothing is joined).
    public func forEachRawPart(_ body: (Substring) -> Void) {
        if let splices { splices.forEachPart(in: 0..<splices.count, body) } else { body(Substring(wholeRaw)) }
    }

    /// Whether `raw` is held in pieces.
    public var holdsRawInPieces: Bool { splices != nil }

    /// Holds `raw` as the text's pieces and the bytes between them when the text is a string of
    /// its own (not a slice of `raw`): a long article is then held once, not twice. Blocks, lede
    /// and paragraphs become slices of the text or of those bytes; every field reads the same.
    /// Does nothing when the text is a slice of `raw` or is not made of the lede and paragraphs.
    public mutating func spliceRaw() {
        guard splices == nil, let rawIdentity = SliceBases.identity(wholeRaw),
              let textIdentity = SliceBases.identity(textSlice.base),
              rawIdentity.address != textIdentity.address,
              let splices = RawSplices(raw: wholeRaw, text: textSlice, parts: [ledeSlice].compactMap { $0 } + paragraphSlices)
        else { return }
        let utf8 = wholeRaw.utf8
        func moved(_ slice: Substring) -> Substring {
            guard !slice.isEmpty else { return "" }
            let start = utf8.distance(from: utf8.startIndex, to: slice.startIndex)
            return splices.span(start..<(start + slice.utf8.count))
        }
        ledeSlice = ledeSlice.map(moved)
        paragraphSlices = paragraphSlices.map(moved)
        for i in blocks.indices where SliceBases.identity(blocks[i].textSlice.base)?.address == rawIdentity.address {
            blocks[i].textSlice = moved(blocks[i].textSlice)
        }
        self.splices = splices
        wholeRaw = ""
    }
}

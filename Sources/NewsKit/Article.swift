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
    /// The input text as read.
    public var raw: String
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
        self.raw = raw
    }
}

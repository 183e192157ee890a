/// One self-contained HTML report as `toolkit.write.html(name, page)` takes it: a title, notes and
/// sections, each a text, a table or a chart. The decoder (`HTMLPage(lua:)`) checks everything; the
/// renderer (`HTMLRenderer`) only draws what passed, so drawing never fails.
public struct HTMLPage: Equatable, Sendable {
    public var title: String
    /// Plain text; a blank line starts a new paragraph.
    public var notes: String?
    public var sections: [Section]

    public init(title: String, notes: String? = nil, sections: [Section] = []) {
        self.title = title
        self.notes = notes
        self.sections = sections
    }

    public struct Section: Equatable, Sendable {
        public var title: String?
        public var notes: String?
        public var content: Content

        public init(title: String? = nil, notes: String? = nil, content: Content) {
            self.title = title
            self.notes = notes
            self.content = content
        }
    }

    public enum Content: Equatable, Sendable {
        case text(String)
        case table(Table)
        case bar(Bars)
        case timeline(Timeline)
        case network(Network)
    }

    /// Rows as the CSV writer takes them; only the first `limit` are kept, `total` counts them all.
    public struct Table: Equatable, Sendable {
        /// The header, or nil for lists given without `columns` (no header row then).
        public var columns: [String]?
        public var rows: [[OutputScalar?]]
        public var total: Int
        public var limit: Int

        public init(columns: [String]?, rows: [[OutputScalar?]], total: Int, limit: Int) {
            self.columns = columns
            self.rows = rows
            self.total = total
            self.limit = limit
        }
    }

    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Double

        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// Bars in the order given; when there are more than `limit`, the largest are drawn.
    public struct Bars: Equatable, Sendable {
        public var bars: [Bar]
        public var limit: Int

        public init(bars: [Bar], limit: Int) {
            self.bars = bars
            self.limit = limit
        }
    }

    /// The counts per bucket, computed when the page is decoded (so a span too long for its unit
    /// is the script's error, not a drawing failure).
    public struct Timeline: Equatable, Sendable {
        public var series: TimelineBuckets.Series
        /// Whether the unit was the script's choice (the caption says when it was chosen for it).
        public var unitGiven: Bool

        public init(series: TimelineBuckets.Series, unitGiven: Bool) {
            self.series = series
            self.unitGiven = unitGiven
        }
    }

    public struct Network: Equatable, Sendable {
        public var graph: OutputGraph
        /// A numeric node attribute sizing the nodes; nil: the weighted degree.
        public var size: String?
        /// A node attribute colouring the nodes; nil: `kind` when nodes have one.
        public var color: String?
        public var limit: Int

        public init(graph: OutputGraph, size: String? = nil, color: String? = nil, limit: Int) {
            self.graph = graph
            self.size = size
            self.color = color
            self.limit = limit
        }
    }

    /// Defaults and ceilings of the caps: a page stays small enough to open on any laptop.
    public enum Caps {
        public static let tableRows = 500, tableRowsMaximum = 10_000
        public static let bars = 30, barsMaximum = 200
        public static let nodes = 60, nodesMaximum = 300
        /// Edges drawn among the nodes kept, strongest first.
        public static let edges = 1_500
        public static let buckets = 1_500
    }
}

/// Segments raw scraped article text into typed blocks and reads the article fields off them.
/// Every line, or part of a glued line, becomes exactly one block; nothing is dropped.
public struct ArticleParser: Sendable {
    let markers: MarkerSet
    let dates: DateParser

    public init(markers: MarkerSet = .bundled, dates: DateParser = DateParser()) {
        self.markers = markers
        self.dates = dates
    }

    public func parse(_ raw: String, lang: String? = nil) -> ArticleStructure {
        var raw = raw
        return raw.withUTF8 { bytes in
            let run = Run(bytes: bytes, markers: markers, dates: dates, lang: lang)
            run.splitLines()
            run.segmentLines()
            run.classifyMarkers()
            run.applyContext()
            return run.buildStructure()
        }
    }
}

extension ArticleParser {
    /// One part of the input that becomes one block.
    struct Segment {
        /// Raw byte span, 0-based, end exclusive (marker included).
        var lo: Int
        var hi: Int
        var line: Int
        /// Raw start of the text after the marker, and its end (before a closing bracket).
        var contentLo: Int
        var contentHi: Int?
        var kind: BlockKind?
        var rule = ""
        var marker: String?
        var markerKind: MarkerKind?
        var markerOptions: MarkerOptions = []
        var duplicateOf: Int?
        /// Text that followed a date glued in front of it on the same line.
        var afterGluedDate = false
        var date: DateMention?
        /// Publisher or agency names this block carries (title suffix, byline, source lines).
        var sourceName: String?
        var agencyNames: [String] = []

        init(lo: Int, hi: Int, line: Int) {
            self.lo = lo; self.hi = hi; self.line = line; self.contentLo = lo
        }
    }

    struct Line {
        var lo: Int
        var hi: Int
        var folded: StructureFolding.Folded
    }

    /// The state of one parse; lives only inside `parse`.
    final class Run {
        let bytes: UnsafeBufferPointer<UInt8>
        let markers: MarkerSet
        let dates: DateParser
        let lang: String?
        var lines: [Line] = []
        var segments: [Segment] = []
        var titleIndex: Int?

        init(bytes: UnsafeBufferPointer<UInt8>, markers: MarkerSet, dates: DateParser, lang: String?) {
            self.bytes = bytes
            self.markers = markers
            self.dates = dates
            self.lang = lang
        }

        func string(_ lo: Int, _ hi: Int) -> String {
            guard lo < hi else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }

        /// The segment's text after its marker, trimmed.
        func text(_ s: Segment) -> String {
            let (lo, hi) = trimmed(s.contentLo, s.contentHi ?? s.hi)
            return string(lo, hi)
        }
    }
}

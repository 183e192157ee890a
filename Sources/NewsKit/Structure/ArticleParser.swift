/// Segments raw scraped article text into typed blocks and reads the article fields off them.
/// Every line, or part of a glued line, becomes exactly one block; nothing is dropped.
public struct ArticleParser: Sendable {
    let markers: MarkerSet
    let dates: DateParser

    public init(markers: MarkerSet = .bundled, dates: DateParser = DateParser()) {
        self.markers = markers
        self.dates = dates
    }

    /// `repeatedLines`: keys of lines the run learnt as furniture of the article's source
    /// (`SourceBoilerplate`), typed boilerplate.
    public func parse(_ raw: String, lang: String? = nil, repeatedLines: [UInt64] = []) -> ArticleStructure {
        var raw = raw
        raw.makeContiguousUTF8()
        // Block texts are slices of this one string (sharing its storage), read through `bytes`.
        let source = raw
        return raw.withUTF8 { bytes in
            let run = Run(bytes: bytes, source: source, markers: markers, dates: dates, lang: lang)
            run.segmentLines()
            run.classifyMarkers()
            run.typeRepeatedLines(repeatedLines)
            run.applyContext()
            run.joinCutLines()
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
        /// Empty when the run folds lines on demand (see `Run.folded`).
        var folded: StructureFolding.Folded
        /// The line goes on the previous one, which was cut for its length (`splitLines`).
        var continues = false
    }

    /// A folded line read in place (`Run.withFolded`): what `Run.rawStart` and `Run.rawEnd` give
    /// for a line, without looking the line up at every position.
    struct FoldedLine {
        let bytes: UnsafeBufferPointer<UInt8>
        let offsets: UnsafeBufferPointer<UInt32>
        let base: Int
        /// The line's raw span.
        let lo: Int
        let hi: Int

        var count: Int { bytes.count }

        /// Where folded byte `f` starts in raw; the line's end for `f == count`.
        @inline(__always)
        func rawStart(_ f: Int) -> Int { f < bytes.count ? base + Int(offsets[f]) : hi }

        /// Where the scalar of folded byte `f - 1` ends in raw; the line's start for `f == 0`.
        @inline(__always)
        func rawEnd(_ f: Int, in raw: UnsafeBufferPointer<UInt8>) -> Int {
            guard f > 0 else { return lo }
            let start = base + Int(offsets[f - 1])
            return start + StructureFolding.decode(raw, start, raw.count).1
        }

        /// Index of the first folded byte whose source starts at or after `raw`.
        func index(ofRaw raw: Int) -> Int {
            var lo = 0, hi = bytes.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if base + Int(offsets[mid]) < raw { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// The state of one parse; lives only inside `parse`.
    final class Run {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The string `bytes` belong to.
        let source: String
        let markers: MarkerSet
        let dates: DateParser
        let lang: String?
        /// Made once by `splitLines`; a constant, so that reading a line needs no exclusivity check.
        let lines: [Line]
        var segments: [Segment] = []
        var titleIndex: Int?
        /// A folded line costs five bytes per byte of text (the byte and its 32-bit offset): kept
        /// for every line of a text up to one window, it would be 500 MB for a 100 MB text. Past
        /// one window, lines are folded when asked for and only the last 256 KiB or so is kept
        /// (1.3 MB of folded bytes and offsets).
        let foldsOnDemand: Bool
        private var foldCache: [Int: StructureFolding.Folded] = [:]
        private var foldCacheBytes = 0
        static let foldCacheLimit = 1 << 18

        init(bytes: UnsafeBufferPointer<UInt8>, source: String, markers: MarkerSet, dates: DateParser, lang: String?) {
            self.bytes = bytes
            self.source = source
            self.markers = markers
            self.dates = dates
            self.lang = lang
            self.foldsOnDemand = bytes.count > TextWindows.size
            self.lines = Self.splitLines(bytes, foldsOnDemand: foldsOnDemand)
        }

        /// Lets go of the segments and folded lines once the blocks are made: on a long input they
        /// are half its size again, and the text is still to be joined and searched for quotes.
        /// (`lines` is a constant, read without access checks; past one window its lines hold no
        /// folded text, about 50 bytes each.)
        func releaseWorkingMemory() {
            segments = []
            foldCache = [:]
            foldCacheBytes = 0
        }

        /// The folded text of a line.
        func folded(_ line: Int) -> StructureFolding.Folded {
            guard foldsOnDemand else { return lines[line].folded }
            if let cached = foldCache[line] { return cached }
            let (lo, hi) = (lines[line].lo, lines[line].hi)
            if foldCacheBytes + (hi - lo) > Self.foldCacheLimit {
                foldCache.removeAll(keepingCapacity: true)
                foldCacheBytes = 0
            }
            let folded = StructureFolding.fold(bytes, lo, hi)
            foldCache[line] = folded
            foldCacheBytes += hi - lo
            return folded
        }

        /// Calls `body` with the folded bytes of `line` in place, for scans that read them at many
        /// positions.
        @inline(__always)
        func withFolded<R>(_ line: Int, _ body: (FoldedLine) -> R) -> R {
            let folded = self.folded(line)
            let (lo, hi) = (lines[line].lo, lines[line].hi)
            return folded.bytes.withUnsafeBufferPointer { f in
                folded.offsets.withUnsafeBufferPointer { o in
                    body(FoldedLine(bytes: f, offsets: o, base: folded.base, lo: lo, hi: hi))
                }
            }
        }

        func string(_ lo: Int, _ hi: Int) -> String {
            guard lo < hi else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }

        /// `bytes[lo..<hi]` as a slice of `source`, sharing its storage (`lo` and `hi` are
        /// character boundaries). Native strings index their UTF-8 in constant time.
        func slice(_ lo: Int, _ hi: Int) -> Substring {
            guard lo < hi else { return "" }
            let utf8 = source.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lo)..<utf8.index(utf8.startIndex, offsetBy: hi)])
        }

        /// The segment's text after its marker, trimmed.
        func text(_ s: Segment) -> String {
            let (lo, hi) = trimmed(s.contentLo, s.contentHi ?? s.hi)
            return string(lo, hi)
        }

        /// The same, as a slice of `source`.
        func textSlice(_ s: Segment) -> Substring {
            let (lo, hi) = trimmed(s.contentLo, s.contentHi ?? s.hi)
            return slice(lo, hi)
        }
    }
}

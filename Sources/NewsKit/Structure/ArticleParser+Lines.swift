import Foundation

// Lines and trimming on raw UTF-8 bytes. "Ignorable" bytes (whitespace, control and format
// characters: NBSP, ZWNJ, bidi marks, BOM...) may be left outside every block; all other
// bytes belong to exactly one block.

extension ArticleParser.Run {
    /// A line longer than this is read as several lines, cut where a sentence or at least a word
    /// ends, so that folding a line (five bytes per byte of text) stays bounded on a text that is
    /// one line of many megabytes, and folded offsets within a line fit in 32 bits. The parts
    /// become one block again (`joinCutLines`). Real articles have no line near this long.
    static let maxLineBytes = TextWindows.size

    /// The lines of `bytes`, trimmed, without blank ones; each folded unless `foldsOnDemand`.
    static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, foldsOnDemand: Bool) -> [ArticleParser.Line] {
        var lines: [ArticleParser.Line] = []
        var start = 0
        var i = 0
        let n = bytes.count
        var continues = false
        // The next line feed and carriage return at or after `i` (n when there is none), found by
        // memchr rather than byte by byte.
        var nextLF = -1, nextCR = -1
        func next(_ byte: UInt8, from i: Int) -> Int {
            guard i < n, let base = bytes.baseAddress, let found = memchr(base + i, Int32(byte), n - i) else { return n }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        while i <= n {
            if nextLF < i { nextLF = next(0x0A, from: i) }
            if nextCR < i { nextCR = next(0x0D, from: i) }
            // A break at `i`, or a line too long at `start + maxLineBytes`, whichever comes first.
            let atBreakOrEnd = min(nextLF, nextCR)
            let tooLongAt = start + Self.maxLineBytes
            i = min(atBreakOrEnd, max(i, tooLongAt))
            let atBreak = i == atBreakOrEnd
            let tooLong = !atBreak
            let end = tooLong ? lineCut(bytes, start, i) : i
            let (lo, hi) = trimmed(bytes, start, end)
            if lo < hi {
                let folded = StructureFolding.fold(bytes, lo, hi)
                if folded.count > 0 {
                    lines.append(ArticleParser.Line(lo: lo, hi: hi, folded: foldsOnDemand ? .init() : folded,
                                                    continues: continues))
                    continues = tooLong
                }
            }
            if tooLong {
                start = end
                i = end
                continue
            }
            continues = false
            if i < n && bytes[i] == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
            start = i + 1
            i += 1
        }
        return lines
    }

    /// Where to cut an overlong line that started at `start`, at or before `limit`: after the
    /// last sentence end (". ", "? ", "! ", "؟ ", "。") in the second half, else after the last
    /// space there, else at the last character boundary.
    static func lineCut(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int {
        let floor = start + (limit - start) / 2
        var space = -1
        var i = limit - 1
        while i > floor {
            if bytes[i] == 0x20 {
                if space < 0 { space = i + 1 }
                let p = bytes[i - 1]
                if p == 0x2E || p == 0x3F || p == 0x21 { return i + 1 }
                if i >= 2 && bytes[i - 2] == 0xD8 && p == 0x9F { return i + 1 }  // ؟
            } else if i >= 2 && bytes[i - 2] == 0xE3 && bytes[i - 1] == 0x80 && bytes[i] == 0x82 {  // 。
                return i + 1
            }
            i -= 1
        }
        if space > 0 { return space }
        var boundary = limit
        while boundary > start + 1 && bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
        return boundary
    }

    /// Makes the parts of a line that `splitLines` cut one segment again: the last segment of a
    /// part and the first of the next are joined, with the kind and marker of the first, so that
    /// the blocks and the text are those of the line as written.
    func joinCutLines() {
        guard lines.contains(where: \.continues) else { return }
        var joined: [ArticleParser.Segment] = []
        var lastLine = -1  // the line the last joined segment ends on
        var newIndex = [Int](repeating: 0, count: segments.count)
        for (j, s) in segments.enumerated() {
            if let last = joined.last, lines[s.line].continues, s.lo == lines[s.line].lo,
               lastLine == s.line - 1, last.hi == lines[lastLine].hi {
                joined[joined.count - 1].hi = s.hi
                joined[joined.count - 1].contentHi = s.contentHi
                newIndex[j] = joined.count - 1
                lastLine = s.line
                continue
            }
            newIndex[j] = joined.count
            joined.append(s)
            lastLine = s.line
        }
        for j in joined.indices {
            if let d = joined[j].duplicateOf { joined[j].duplicateOf = newIndex[d] }
        }
        titleIndex = titleIndex.map { newIndex[$0] }
        segments = joined
    }

    /// `lo..<hi` without ignorable characters at either end.
    func trimmed(_ lo: Int, _ hi: Int) -> (Int, Int) {
        Self.trimmed(bytes, lo, hi)
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi {
            let len = ignorableLength(bytes, at: lo, hi)
            if len == 0 { break }
            lo += len
        }
        while hi > lo {
            let start = StructureFolding.previousScalarStart(bytes, hi)
            if start < lo || ignorableLength(bytes, at: start, hi) != hi - start { break }
            hi = start
        }
        return (lo, hi)
    }

    /// Length of the ignorable character at `i`, or 0.
    func ignorableLength(at i: Int, _ limit: Int) -> Int {
        Self.ignorableLength(bytes, at: i, limit)
    }

    @inline(__always)
    static func ignorableLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ limit: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return (b <= 0x20 || b == 0x7F) ? 1 : 0 }
        let (v, len) = StructureFolding.decode(bytes, i, limit)
        return isIgnorable(v) ? len : 0
    }

    static func isIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x20, 0x7F...0xA0, 0xAD, 0x034F, 0x061C, 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F,
             0x205F...0x206F, 0x3000, 0xFEFF, 0xFFFC, 0xFFFD:
            return true
        default:
            return false
        }
    }

    // MARK: folded views of segments

    /// Index of the first folded byte of `line` whose source starts at or after `raw`.
    func foldedIndex(_ line: Int, _ raw: Int) -> Int {
        withFolded(line) { $0.index(ofRaw: raw) }
    }

    /// Folded range of the raw span `lo..<hi` within its line.
    func foldedRange(_ line: Int, _ lo: Int, _ hi: Int) -> Range<Int> {
        withFolded(line) { Self.foldedRange($0, lo, hi) }
    }

    static func foldedRange(_ line: ArticleParser.FoldedLine, _ lo: Int, _ hi: Int) -> Range<Int> {
        let a = line.index(ofRaw: lo)
        var b = line.index(ofRaw: hi)
        if b < a { b = a }
        // Skip spaces the fold kept at the edges of an inner span.
        var a2 = a, b2 = b
        let f = line.bytes
        while a2 < b2 && f[a2] == 0x20 { a2 += 1 }
        while b2 > a2 && f[b2 - 1] == 0x20 { b2 -= 1 }
        return a2..<b2
    }

    func foldedBytes(_ s: ArticleParser.Segment) -> ArraySlice<UInt8> {
        let r = foldedRange(s.line, s.contentLo, s.hi)
        return folded(s.line).bytes[r]
    }

    func foldedString(_ s: ArticleParser.Segment) -> String {
        String(decoding: foldedBytes(s), as: UTF8.self)
    }

    /// Number of words of the segment's text (CJK text counts two characters as a word).
    func wordCount(_ s: ArticleParser.Segment) -> Int {
        withFolded(s.line) { line in
            Self.wordCount(UnsafeBufferPointer(rebasing: line.bytes[Self.foldedRange(line, s.contentLo, s.hi)]))
        }
    }

    func wordCount(_ f: ArraySlice<UInt8>) -> Int {
        f.withUnsafeBufferPointer { Self.wordCount($0) }
    }

    /// Spaces plus one, or half the CJK characters (lead bytes E3–E9) when that is more. A loop
    /// by index over the base address, which the compiler vectorises (a `for` over the buffer it
    /// does not).
    static func wordCount(_ f: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = f.baseAddress, f.count > 0 else { return 0 }
        let n = f.count
        var spaces = 0, cjk = 0
        var i = 0
        while i < n {
            let b = p[i]
            spaces &+= b == 0x20 ? 1 : 0
            cjk &+= b &- 0xE3 <= 6 ? 1 : 0
            i &+= 1
        }
        return max(spaces + 1, cjk / 2)
    }

    /// Number of characters (scalars) of the segment's folded text.
    func charCount(_ s: ArticleParser.Segment) -> Int {
        withFolded(s.line) { line in
            let f = UnsafeBufferPointer(rebasing: line.bytes[Self.foldedRange(line, s.contentLo, s.hi)])
            guard let p = f.baseAddress else { return 0 }
            let n = f.count
            var count = 0
            var i = 0
            while i < n {
                count &+= p[i] & 0xC0 != 0x80 ? 1 : 0
                i &+= 1
            }
            return count
        }
    }

    /// The last non-ignorable scalar of the segment, skipping closing quotes and brackets.
    func finalPunctuation(_ s: ArticleParser.Segment) -> UInt32? {
        let (lo, hi) = trimmed(s.contentLo, s.hi)
        var end = hi
        while end > lo {
            let start = StructureFolding.previousScalarStart(bytes, end)
            let v = StructureFolding.decode(bytes, start, end).0
            switch v {
            case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x201C, 0x300D, 0x300F, 0xFF09:
                end = start
                continue
            default:
                return StructureFolding.isWordScalar(v) ? nil : v
            }
        }
        return nil
    }

    /// Whether the segment ends like a sentence (. ! ? ؟ ۔ 。 …).
    func endsSentence(_ s: ArticleParser.Segment) -> Bool {
        guard let p = finalPunctuation(s) else { return false }
        switch p {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x3002, 0xFF01, 0xFF1F, 0x2026: return true
        default: return false
        }
    }

    /// Whether the segment ends with any punctuation that a heading would not end with.
    func endsWithClause(_ s: ArticleParser.Segment) -> Bool {
        guard let p = finalPunctuation(s) else { return false }
        switch p {
        case 0x2E, 0x21, 0x3A, 0x3B, 0x2C, 0x060C, 0x061B, 0x06D4, 0x3002, 0xFF01, 0xFF1A, 0x2026: return true
        default: return false
        }
    }
}

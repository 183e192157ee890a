import Foundation

/// A long article's input held without a copy of its own. The article's text (lede and paragraphs
/// joined by blank lines) is a slice of the input when they lie there so; when furniture stands
/// between them (a "read also" line, a credit) the text is a string of its own, and holding the
/// input too would hold the article twice. Then the input is held as the text's pieces (where each
/// lies in the input and in the text) and `rest`, the bytes between them in order (markers,
/// furniture, blank lines), and joined again only when read whole.
struct RawSplices: Sendable {
    /// A piece of the text as it lies in the input.
    struct Piece: Sendable {
        /// 0-based byte where it starts in the input.
        let raw: Int
        /// 0-based byte where it starts in `text`.
        let text: Int
        let count: Int
        /// Bytes of `rest` before it: the input's bytes before it that are in no piece.
        let restBefore: Int
    }

    /// The article's text (sharing its storage).
    let text: Substring
    let rest: String
    /// In input order.
    let pieces: [Piece]
    /// The input's length in bytes.
    let count: Int

    /// The splices of `raw` for `text`, made of `parts` (slices of `raw`, in the order the text
    /// joins them, a blank line apart); nil unless every part is a slice of `raw`, the text reads
    /// exactly as they join, and no two overlap.
    init?(raw: String, text: Substring, parts: [Substring]) {
        guard let rawIdentity = SliceBases.identity(raw) else { return nil }
        var (raw, text) = (raw, text)
        let found: (pieces: [Piece], rest: String)? = raw.withUTF8 { r in
            text.withUTF8 { t in
                var pieces: [Piece] = []
                pieces.reserveCapacity(parts.count)
                var textOffset = 0
                for part in parts {
                    guard let identity = SliceBases.identity(part.base),
                          identity.address == rawIdentity.address, identity.count == rawIdentity.count else { return nil }
                    let start = part.base.utf8.distance(from: part.base.utf8.startIndex, to: part.startIndex)
                    let count = part.utf8.count
                    if textOffset > 0 {
                        guard textOffset + 2 <= t.count, t[textOffset] == 0x0A, t[textOffset + 1] == 0x0A else { return nil }
                        textOffset += 2
                    }
                    guard textOffset + count <= t.count,
                          count == 0 || memcmp(t.baseAddress! + textOffset, r.baseAddress! + start, count) == 0 else { return nil }
                    pieces.append(Piece(raw: start, text: textOffset, count: count, restBefore: 0))
                    textOffset += count
                }
                guard textOffset == t.count else { return nil }
                pieces.sort { $0.raw < $1.raw }
                var rest = ""
                rest.reserveCapacity(r.count - textOffset)
                var end = 0
                for (i, piece) in pieces.enumerated() {
                    guard piece.raw >= end else { return nil }
                    pieces[i] = Piece(raw: piece.raw, text: piece.text, count: piece.count,
                                      restBefore: rest.utf8.count + piece.raw - end)
                    rest += String(decoding: UnsafeBufferPointer(rebasing: r[end..<piece.raw]), as: UTF8.self)
                    end = piece.raw + piece.count
                }
                rest += String(decoding: UnsafeBufferPointer(rebasing: r[end...]), as: UTF8.self)
                return (pieces, rest)
            }
        }
        guard let found else { return nil }
        self.text = text
        self.rest = found.rest
        self.pieces = found.pieces
        self.count = raw.utf8.count
    }

    /// The input whole, as read.
    func joined() -> String {
        var joined = ""
        joined.reserveCapacity(count)
        forEachPart(in: 0..<count) { joined += $0 }
        return joined
    }

    /// The input's bytes `range` (0-based, on character boundaries): a slice of the text or of
    /// `rest` when they lie in one piece or between two, else a copy.
    func span(_ range: Range<Int>) -> Substring {
        var parts: [Substring] = []
        forEachPart(in: range) { parts.append($0) }
        guard parts.count > 1 else { return parts.first ?? "" }
        var joined = ""
        joined.reserveCapacity(range.count)
        for part in parts { joined += part }
        return Substring(joined)
    }

    /// The input's bytes `range` in order, as slices of the text and of `rest`.
    func forEachPart(in range: Range<Int>, _ body: (Substring) -> Void) {
        let range = range.clamped(to: 0..<count)
        guard !range.isEmpty else { return }
        // The first piece that ends after the range starts.
        var lo = 0, hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].raw + pieces[mid].count <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        let rest = Substring(self.rest)
        var at = range.lowerBound
        var k = lo
        while at < range.upperBound {
            if k < pieces.count, pieces[k].raw <= at {
                let piece = pieces[k]
                let end = min(range.upperBound, piece.raw + piece.count)
                if end > at { body(Self.slice(text, piece.text + at - piece.raw, end - at)) }
                at = end
                k += 1
            } else {
                let gapEnd = min(range.upperBound, k < pieces.count ? pieces[k].raw : count)
                let restAt = k < pieces.count ? pieces[k].restBefore - (pieces[k].raw - at) : rest.utf8.count - (count - at)
                body(Self.slice(rest, restAt, gapEnd - at))
                at = gapEnd
            }
        }
    }

    private static func slice(_ s: Substring, _ offset: Int, _ count: Int) -> Substring {
        let utf8 = s.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return Substring(utf8[start..<utf8.index(start, offsetBy: count)])
    }
}

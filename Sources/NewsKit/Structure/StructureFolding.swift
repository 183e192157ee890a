import Foundation

/// Folds text for marker matching, straight from UTF-8 bytes: case, Latin/Cyrillic/Greek
/// diacritics, Arabic-script letter variants (أ/إ/آ→ا, ى/ی→ي, ک→ك, ة→ه, ؤ→و, ئ→ي),
/// harakat, tatweel, ZWNJ and bidi marks, Arabic-Indic and Persian digits, full-width
/// forms; every run of whitespace becomes one space. Each folded byte remembers the raw
/// bytes it came from, so a match on folded text maps back to an exact raw span.
enum StructureFolding {
    struct Folded: Sendable {
        var bytes: [UInt8] = []
        /// For each folded byte, where the scalar it came from starts in raw, minus `base`.
        /// 32 bits relative to the span's start rather than an absolute Int: with the folded
        /// byte itself that is 5 bytes per byte of text instead of 17 (a folded span is never
        /// longer than `maxSpan`). Where the scalar ends follows from raw (`rawEnd`).
        var offsets: [UInt32] = []
        var base = 0
        var count: Int { bytes.count }

        @inline(__always)
        func rawStart(_ i: Int) -> Int { base + Int(offsets[i]) }

        /// The raw offset after the scalar folded byte `i` came from.
        @inline(__always)
        func rawEnd(_ i: Int, in raw: UnsafeBufferPointer<UInt8>) -> Int {
            let start = rawStart(i)
            return start + StructureFolding.decode(raw, start, raw.count).1
        }
    }

    /// `fold(raw, folded.base, end)` for an `end` inside the span `folded` was folded from,
    /// taken from `folded` rather than folding the text again: a segment's opening is read by
    /// two scans that look at different lengths of it. A scalar that `end` cuts is folded as
    /// `fold` reads it there (its bytes as U+FFFD), so the result is the fold's, byte for byte.
    static func prefix(of folded: Folded, upTo end: Int, in raw: UnsafeBufferPointer<UInt8>,
                       foldedUpTo hi: Int) -> Folded {
        let limit = UInt32(truncatingIfNeeded: end - folded.base)
        // Offsets never decrease: the folded bytes of scalars that start before `end`.
        var lo = 0, top = folded.count
        while lo < top {
            let mid = (lo + top) / 2
            if folded.offsets[mid] < limit { lo = mid + 1 } else { top = mid }
        }
        var n = lo
        // Scalar starts are known only by reading forward (a malformed lead byte takes what
        // follows it): from the last scalar with folded bytes, find whether one crosses `end`.
        var i = n > 0 ? folded.rawStart(n - 1) : folded.base
        while i < end {
            let len = decode(raw, i, hi).1
            if i + len > end { break }
            i += len
        }
        // The scalar that `end` cuts is folded again below, not taken whole.
        while n > 0 && folded.rawStart(n - 1) >= i { n -= 1 }
        // When nothing of `folded` comes from `i` on, its end may have lost a space that the cut
        // scalar's bytes keep: fold the prefix itself.
        if i < end && n == folded.count { return fold(raw, folded.base, end) }
        var result = Folded()
        result.base = folded.base
        result.bytes = Array(folded.bytes[0..<n])
        result.offsets = Array(folded.offsets[0..<n])
        if i < end {
            let tail = fold(raw, i, end)
            result.bytes += tail.bytes
            let shift = UInt32(truncatingIfNeeded: i - folded.base)
            result.offsets += tail.offsets.map { $0 + shift }
        } else if result.bytes.last == 0x20 {
            result.bytes.removeLast()
            result.offsets.removeLast()
        }
        return result
    }

    /// The longest span `fold` accepts, so that offsets relative to its start fit in 32 bits;
    /// the parser cuts longer lines (see `ArticleParser.Run.splitLines`).
    static let maxSpan = Int(UInt32.max)

    /// Folds `raw[lo..<hi]`; `rawStart` gives absolute positions in `raw`. ASCII (most bytes of
    /// most text, and every space) and two-byte scalars (Latin, Greek, Cyrillic, Arabic, Persian:
    /// most of the rest) go through tables; other scalars are folded one by one. The output is
    /// written in place into arrays of the input's length and a little more; the rare text whose
    /// fold is longer than that (ligatures, Arabic presentation forms) is folded by
    /// `foldAppending`, which gives the same bytes (`StructureFoldingSpeedTests`).
    static func fold(_ raw: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Folded {
        precondition(hi - lo <= maxSpan, "a folded span is at most maxSpan bytes; callers cut longer text")
        let capacity = hi - lo + 16
        let tables = FastTables.shared
        var fits = true
        var offsets: [UInt32] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, outCount in
            offsets = [UInt32](unsafeUninitializedCapacity: capacity) { offs, offsCount in
                tables.ascii.withUnsafeBufferPointer { ascii in
                tables.twoByteStart.withUnsafeBufferPointer { twoStart in
                tables.twoBytePacked.withUnsafeBufferPointer { packed in
                    var n = 0
                    var scratch: [UInt8] = []
                    /// Writes one folded byte; a space only after a byte that is not one.
                    @inline(__always) func emit(_ b: UInt8, _ offset: UInt32) {
                        if b == 0x20 && (n == 0 || out[n - 1] == 0x20) { return }
                        out[n] = b
                        offs[n] = offset
                        n += 1
                    }
                    var i = lo
                    while i < hi {
                        let b0 = raw[i]
                        let offset = UInt32(truncatingIfNeeded: i - lo)
                        if b0 < 0x80 {
                            let b = ascii[Int(b0)]
                            if b != 0 {
                                if b != 0x20 {
                                    out[n] = b
                                    offs[n] = offset
                                    n += 1
                                } else {
                                    emit(b, offset)
                                }
                            }
                            i += 1
                            continue
                        }
                        let (v, len) = decode(raw, i, hi)
                        // The bytes written so far, this scalar's fold and one per byte still
                        // to read (what ASCII needs at most) must fit; else the slow path folds.
                        let rest = hi - i - len
                        if v < 0x800 {
                            let s = Int(twoStart[Int(v)]), e = Int(twoStart[Int(v) + 1])
                            guard n + (e - s) + rest <= capacity else { fits = false; break }
                            var k = s
                            while k < e { emit(packed[k], offset); k += 1 }
                        } else {
                            scratch.removeAll(keepingCapacity: true)
                            foldScalar(v, into: &scratch)
                            guard n + scratch.count + rest <= capacity else { fits = false; break }
                            for b in scratch { emit(b, offset) }
                        }
                        i += len
                    }
                    if !fits { n = 0 }
                    if n > 0 && out[n - 1] == 0x20 { n -= 1 }
                    offsCount = n
                    outCount = n
                }}}
            }
        }
        guard fits else { return foldAppending(raw, lo, hi) }
        var result = Folded()
        result.base = lo
        result.bytes = bytes
        result.offsets = offsets
        return result
    }

    /// Folds `raw[lo..<hi]` by appending to growing arrays: the reference `fold` agrees with,
    /// and the path it takes when its output outgrows its room.
    static func foldAppending(_ raw: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Folded {
        precondition(hi - lo <= maxSpan, "a folded span is at most maxSpan bytes; callers cut longer text")
        var bytes: [UInt8] = []
        var offsets: [UInt32] = []
        bytes.reserveCapacity(hi - lo)
        offsets.reserveCapacity(hi - lo)
        let asciiFolds = Self.asciiFolds
        var i = lo
        while i < hi {
            let b0 = raw[i]
            if b0 < 0x80 {
                let b = asciiFolds[Int(b0)]
                if b == 0x20 {
                    if let last = bytes.last, last != 0x20 {
                        bytes.append(0x20)
                        offsets.append(UInt32(truncatingIfNeeded: i - lo))
                    }
                } else if b != 0 {
                    bytes.append(b)
                    offsets.append(UInt32(truncatingIfNeeded: i - lo))
                }
                i += 1
                continue
            }
            let (v, len) = decode(raw, i, hi)
            let start = bytes.count
            foldScalar(v, into: &bytes)
            let offset = UInt32(truncatingIfNeeded: i - lo)
            if !bytes[start...].contains(0x20) {
                for _ in start..<bytes.count { offsets.append(offset) }
            } else {
                // A space is kept only after a byte that is not one (and never first).
                var kept = start
                for k in start..<bytes.count {
                    let b = bytes[k]
                    if b == 0x20 && (kept == 0 || bytes[kept - 1] == 0x20) { continue }
                    bytes[kept] = b
                    kept += 1
                    offsets.append(offset)
                }
                bytes.removeLast(bytes.count - kept)
            }
            i += len
        }
        if bytes.last == 0x20 {
            bytes.removeLast(); offsets.removeLast()
        }
        var out = Folded()
        out.base = lo
        out.bytes = bytes
        out.offsets = offsets
        return out
    }

    /// `foldScalar` of every scalar below U+0800 (one- and two-byte UTF-8), packed: the fold of
    /// `v` is `twoBytePacked[twoByteStart[v]..<twoByteStart[v + 1]]`; `ascii` as `asciiFolds`.
    final class FastTables: Sendable {
        static let shared = FastTables()
        let ascii: [UInt8]
        let twoByteStart: [UInt32]
        let twoBytePacked: [UInt8]

        private init() {
            ascii = StructureFolding.asciiFolds
            var start: [UInt32] = []
            var packed: [UInt8] = []
            start.reserveCapacity(0x801)
            for v in UInt32(0)..<0x800 {
                start.append(UInt32(packed.count))
                var folded: [UInt8] = []
                StructureFolding.foldScalar(v, into: &folded)
                packed.append(contentsOf: folded)
            }
            start.append(UInt32(packed.count))
            twoByteStart = start
            twoBytePacked = packed
        }
    }

    /// `foldScalar` of every ASCII byte: the byte to write, 0x20 for white space, 0 for nothing.
    private static let asciiFolds: [UInt8] = (0..<128).map { v -> UInt8 in
        var out: [UInt8] = []
        foldScalar(UInt32(v), into: &out)
        return out.first ?? 0
    }

    static func fold(_ s: String) -> [UInt8] {
        var s = s
        return s.withUTF8 { fold($0, 0, $0.count).bytes }
    }

    static func foldedString(_ s: String) -> String {
        String(decoding: fold(s), as: UTF8.self)
    }

    @inline(__always)
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> (UInt32, Int) {
        let b0 = UInt32(raw[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 & 0xE0 == 0xC0, i + 1 < hi {
            return ((b0 & 0x1F) << 6 | UInt32(raw[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < hi {
            return ((b0 & 0x0F) << 12 | UInt32(raw[i + 1] & 0x3F) << 6 | UInt32(raw[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < hi {
            return ((b0 & 0x07) << 18 | UInt32(raw[i + 1] & 0x3F) << 12 | UInt32(raw[i + 2] & 0x3F) << 6
                    | UInt32(raw[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, _ out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func foldScalar(_ v: UInt32, into out: inout [UInt8]) {
        switch v {
        case 0x41...0x5A: out.append(UInt8(v + 0x20))
        case 0x09...0x0D, 0x20: out.append(0x20)
        case 0x00...0x1F, 0x7F...0x9F: return
        case 0x21...0x7E: out.append(UInt8(v))
        case 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: out.append(0x20)
        case 0xAD, 0x034F, 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return
        case 0x0300...0x036F: return
        case 0x0600...0x06FF: foldArabic(v, into: &out)
        case 0x00A1...0x052F, 0x1E00...0x1EFF, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            out.append(contentsOf: Tables.shared.lookup(v))
        case 0x2018, 0x2019, 0x201B, 0x2032: out.append(0x27)
        case 0xFF01...0xFF5E:
            let a = v - 0xFEE0
            out.append(UInt8(a >= 0x41 && a <= 0x5A ? a + 0x20 : a))
        default: appendUTF8(v, &out)
        }
    }

    static func foldArabic(_ v: UInt32, into out: inout [UInt8]) {
        switch v {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED, 0x0640:
            return
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: appendUTF8(0x0627, &out)
        case 0x0649, 0x06CC, 0x06D0, 0x0626: appendUTF8(0x064A, &out)
        case 0x06A9, 0x06AA: appendUTF8(0x0643, &out)
        case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06D5, 0x06BE: appendUTF8(0x0647, &out)
        case 0x0624: appendUTF8(0x0648, &out)
        case 0x0660...0x0669: out.append(UInt8(0x30 + v - 0x0660))
        case 0x06F0...0x06F9: out.append(UInt8(0x30 + v - 0x06F0))
        case 0x060C: out.append(0x2C)
        case 0x061B: out.append(0x3B)
        case 0x061F: out.append(0x3F)
        case 0x066A: out.append(0x25)
        case 0x06D4: out.append(0x2E)
        default: appendUTF8(v, &out)
        }
    }

    /// Case and diacritic folds of the Latin, Greek and Cyrillic blocks and the NFKC forms of
    /// Arabic presentation forms, computed once from Foundation's Unicode data.
    final class Tables: Sendable {
        static let shared = Tables()
        private let ranges: [(lo: UInt32, hi: UInt32, folds: [[UInt8]])]

        private init() {
            var ranges: [(UInt32, UInt32, [[UInt8]])] = []
            for (lo, hi, compat) in [(UInt32(0x00A1), UInt32(0x052F), false), (0x1E00, 0x1EFF, false),
                                     (0xFB50, 0xFDFF, true), (0xFE70, 0xFEFC, true)] {
                var folds: [[UInt8]] = []
                folds.reserveCapacity(Int(hi - lo + 1))
                for v in lo...hi {
                    guard let scalar = Unicode.Scalar(v) else { folds.append([]); continue }
                    let s = String(Character(scalar))
                    let mapped = compat
                        ? s.precomposedStringWithCompatibilityMapping
                        : s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
                    var bytes: [UInt8] = []
                    for u in mapped.unicodeScalars where !(0x0300...0x036F).contains(u.value) {
                        if compat { StructureFolding.foldScalarNoTable(u.value, into: &bytes) }
                        else { StructureFolding.appendUTF8(u.value, &bytes) }
                    }
                    folds.append(bytes)
                }
                ranges.append((lo, hi, folds))
            }
            self.ranges = ranges
        }

        func lookup(_ v: UInt32) -> [UInt8] {
            for r in ranges where v >= r.lo && v <= r.hi { return r.folds[Int(v - r.lo)] }
            var b: [UInt8] = []
            StructureFolding.appendUTF8(v, &b)
            return b
        }
    }

    /// The fold of scalars outside the table ranges (used while the tables are being built).
    static func foldScalarNoTable(_ v: UInt32, into out: inout [UInt8]) {
        switch v {
        case 0x00A1...0x052F, 0x1E00...0x1EFF, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            if v == 0xA0 { out.append(0x20) } else { appendUTF8(v, &out) }
        default: foldScalar(v, into: &out)
        }
    }

    // MARK: character classes on folded or raw bytes

    /// Whether the scalar is part of a word (letters, digits, combining marks, ZWNJ). Scalars
    /// below U+3040 (every alphabet the corpus is written in, and general punctuation) are read
    /// from a table made by `isWordScalarByRanges`; the rest are decided by it.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        if v < WordTable.limit { return WordTable.shared.contains(v) }
        return isWordScalarByRanges(v)
    }

    /// `isWordScalar` by ranges and, past them, by Unicode properties: out of line, so that
    /// callers of `isWordScalar` do not set up the properties' metadata on every call.
    @inline(never)
    static func isWordScalarByRanges(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch v {
        case 0x200C, 0x200D, 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F, 0x0400...0x04FF,
             0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669, 0x0671...0x06D3, 0x06F0...0x06F9,
             0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return true
        case 0x0080...0x00BF, 0x2000...0x206F, 0x3000...0x303F, 0xFF01...0xFF0F:
            return false
        default:
            break
        }
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    /// `isWordScalarByRanges` of every scalar below `limit`, one bit each.
    final class WordTable: Sendable {
        static let shared = WordTable()
        static let limit: UInt32 = 0x3040
        private let bits: [UInt64]

        private init() {
            var bits = [UInt64](repeating: 0, count: Int(Self.limit) / 64)
            for v in UInt32(0)..<Self.limit where StructureFolding.isWordScalarByRanges(v) {
                bits[Int(v >> 6)] |= 1 << UInt64(v & 63)
            }
            self.bits = bits
        }

        @inline(__always)
        func contains(_ v: UInt32) -> Bool {
            bits.withUnsafeBufferPointer { $0[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        }
    }

    /// Whether the scalar that holds byte `i` is part of a word.
    @inline(__always)
    static func isWord(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 0 && i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var j = i
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return isWordScalar(decode(bytes, j, bytes.count).0)
    }

    /// The start of the scalar that ends just before `i`.
    static func previousScalarStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }
}

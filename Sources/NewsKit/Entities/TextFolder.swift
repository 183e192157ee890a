/// A folded skeleton of a text with, for each folded byte, where it came from.
public struct FoldedText: Sendable, Hashable {
    /// Folded UTF-8.
    public let bytes: [UInt8]
    /// For each folded byte, the 0-based UTF-8 offset in the original text where the character
    /// it came from starts.
    public let map: [Int32]
    /// For each folded byte, the original offset where that character ends, including the marks
    /// that were folded away after it (tashkeel, accents, tatweel) but not ZWNJ or spaces.
    public let ends: [Int32]
    /// UTF-8 length of the original text.
    public let originalLength: Int

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The original UTF-8 byte range a folded byte range came from.
    public func originalRange(ofFolded range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < map.count ? Int(map[range.lowerBound]) : originalLength
            return at..<at
        }
        return Int(map[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }
}

/// The one folding used for knowledge-base variants and for texts, so both sides agree.
/// The rules are listed in `ScalarFoldRule`; here they run on UTF-8 bytes: ASCII through a
/// 128-entry table, 2-byte characters (Latin-1, Latin Extended, Greek, Cyrillic, Hebrew,
/// Arabic, Persian) through a precomputed table, Han and Hangul copied, the rest through pages
/// built once from Foundation.
public struct TextFolder: Sendable {
    public static func fold(_ s: String) -> String {
        let buffer = FoldBuffer(capacity: s.utf8.count + 16)
        withUTF8(s) { fold($0, into: buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer.bytes, count: buffer.count), as: UTF8.self)
    }

    public static func foldWithMap(_ s: String) -> FoldedText {
        let buffer = FoldBuffer(capacity: s.utf8.count + 16)
        withUTF8(s) { fold($0, into: buffer) }
        return FoldedText(
            bytes: Array(UnsafeBufferPointer(start: buffer.bytes, count: buffer.count)),
            map: Array(UnsafeBufferPointer(start: buffer.starts, count: buffer.count)),
            ends: Array(UnsafeBufferPointer(start: buffer.ends, count: buffer.count)),
            originalLength: s.utf8.count)
    }

    /// Folds UTF-8 bytes of any origin (a file, a network buffer); bytes that are not UTF-8 are
    /// copied as they are.
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let buffer = FoldBuffer(capacity: bytes.count + 16)
        fold(bytes, into: buffer)
        return Array(UnsafeBufferPointer(start: buffer.bytes, count: buffer.count))
    }

    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        return copy.withUTF8(body)
    }

    private static let asciiTable: [UInt8] = (0..<128).map { ScalarFoldRule.asciiFold(UInt8($0)) }

    /// The hot loop. Appends to `out`; offsets are relative to the start of `input`. Writes end
    /// offsets only when `out.tracksEnds` (the matcher recomputes the few it needs).
    static func fold(_ input: UnsafeBufferPointer<UInt8>, into out: FoldBuffer) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        let n = input.count
        let two = FoldTables.twoByte
        let tracksEnds = out.tracksEnds
        asciiTable.withUnsafeBufferPointer { asciiBuffer in
        two.lengths.withUnsafeBufferPointer { twoLengthsBuffer in
        two.bytes.withUnsafeBufferPointer { twoBytesBuffer in
            let ascii = asciiBuffer.baseAddress!
            let twoLengths = twoLengthsBuffer.baseAddress!
            let twoBytes = twoBytesBuffer.baseAddress!
            var writer = FoldWriter(out)
            var cachedPageNumber: UInt32 = .max
            var cachedPage: FoldTable? = nil
            var i = 0
            while i < n {
                writer.reserve(64)
                let b = base[i]
                if b < 0x80 {
                    // Runs of ASCII: the common case in Latin-script text, and the spaces and
                    // digits of every other text.
                    let limit = min(n, i + (writer.capacity - writer.k))
                    let o = writer.o, starts = writer.starts
                    var k = writer.k
                    var last = writer.last
                    var kept = true
                    var j = i
                    // Branch-free: a space after a space is written and then overwritten.
                    if tracksEnds {
                        let ends = writer.ends
                        while j < limit {
                            let c = base[j]
                            if c >= 0x80 { break }
                            let f = ascii[Int(c)]
                            o[k] = f
                            starts[k] = Int32(truncatingIfNeeded: j)
                            ends[k] = Int32(truncatingIfNeeded: j + 1)
                            kept = f != 0x20 || last != 0x20
                            k &+= kept ? 1 : 0
                            last = f
                            j += 1
                        }
                    } else {
                        while j < limit {
                            let c = base[j]
                            if c >= 0x80 { break }
                            let f = ascii[Int(c)]
                            o[k] = f
                            starts[k] = Int32(truncatingIfNeeded: j)
                            kept = f != 0x20 || last != 0x20
                            k &+= kept ? 1 : 0
                            last = f
                            j += 1
                        }
                    }
                    // A mark right after this run attaches to its last character, unless that
                    // was a collapsed space.
                    writer.groupStart = kept ? k - 1 : k
                    writer.k = k
                    writer.last = last
                    i = j
                    continue
                }
                if b >= 0xC2 && b < 0xE0 && i + 1 < n {
                    let index = Int((UInt32(b & 0x1F) << 6) | UInt32(base[i + 1] & 0x3F)) - 0x80
                    let length = twoLengths[index]
                    let slot = twoBytes + index * FoldTable.slotSize
                    if length == 2 {
                        // Arabic, Persian, Cyrillic, Greek letters.
                        let k = writer.k
                        writer.o[k] = slot[0]
                        writer.o[k + 1] = slot[1]
                        let start = Int32(truncatingIfNeeded: i)
                        writer.starts[k] = start
                        writer.starts[k + 1] = start
                        if tracksEnds {
                            writer.ends[k] = start + 2
                            writer.ends[k + 1] = start + 2
                        }
                        writer.groupStart = k
                        writer.k = k + 2
                        writer.last = slot[1]
                    } else {
                        let value = UInt32(index + 0x80)
                        writer.apply(length: length, slot: slot, longFold: two.longFolds[value] ?? [], start: i, end: i + 2)
                    }
                    i += 2
                    continue
                }
                let width: Int
                let value: UInt32
                if b >= 0xE0 && b < 0xF0 && i + 2 < n {
                    width = 3
                    value = (UInt32(b & 0x0F) << 12) | (UInt32(base[i + 1] & 0x3F) << 6) | UInt32(base[i + 2] & 0x3F)
                } else if b >= 0xF0 && b < 0xF5 && i + 3 < n {
                    width = 4
                    value = (UInt32(b & 0x07) << 18) | (UInt32(base[i + 1] & 0x3F) << 12)
                        | (UInt32(base[i + 2] & 0x3F) << 6) | UInt32(base[i + 3] & 0x3F)
                } else {
                    // Not valid UTF-8 (cannot come from a String): keep the byte.
                    withUnsafePointer(to: b) { writer.emit($0, count: 1, start: i, end: i + 1) }
                    i += 1
                    continue
                }
                if FoldTables.foldsToItself(value) {
                    writer.emit(base + i, count: width, start: i, end: i + width)
                } else {
                    let pageNumber = value >> 8
                    if pageNumber != cachedPageNumber {
                        cachedPage = FoldTables.page(pageNumber)
                        cachedPageNumber = pageNumber
                    }
                    let page = cachedPage!
                    let index = Int(value & 0xFF)
                    let length = page.lengths[index]
                    page.bytes.withUnsafeBufferPointer { pageBytes in
                        writer.apply(length: length, slot: pageBytes.baseAddress! + index * FoldTable.slotSize,
                                     longFold: length == FoldTable.long ? page.longFolds[value] ?? [] : [],
                                     start: i, end: i + width)
                    }
                }
                i += width
            }
            writer.finish()
        }
        }
        }
    }

    /// Whether the scalar folds away into the character before it (tashkeel, tatweel, accents).
    static func foldsIntoPrevious(_ value: UInt32) -> Bool {
        if value < 0x80 { return false }
        if value < 0x800 { return FoldTables.twoByte.lengths[Int(value) - 0x80] == FoldTable.mark }
        if FoldTables.foldsToItself(value) { return false }
        return FoldTables.page(value >> 8).lengths[Int(value & 0xFF)] == FoldTable.mark
    }

    /// Where the original character starting at `start` ends, with the marks folded into it.
    static func originalEnd(ofCharacterAt start: Int, in original: UnsafeBufferPointer<UInt8>) -> Int {
        var end = start + FoldedCharacter.decode(original, at: start).length
        while end < original.count {
            let (value, length) = FoldedCharacter.decode(original, at: end)
            guard foldsIntoPrevious(value) else { break }
            end += length
        }
        return end
    }
}

/// The output cursor of the folding loop, kept in locals (not behind the buffer's class
/// reference) so the compiler can hold it in registers.
private struct FoldWriter {
    let buffer: FoldBuffer
    var o: UnsafeMutablePointer<UInt8>
    var starts: UnsafeMutablePointer<Int32>
    var ends: UnsafeMutablePointer<Int32>
    var k: Int
    var capacity: Int
    let tracksEnds: Bool
    /// Last folded byte, for collapsing runs of spaces.
    var last: UInt8
    /// Where the last emitted character's bytes begin, for marks that fold into it; equal to
    /// `k` after a dropped character, so a mark after ZWNJ or a collapsed space attaches to
    /// nothing.
    var groupStart: Int

    init(_ buffer: FoldBuffer) {
        self.buffer = buffer
        o = buffer.bytes
        starts = buffer.starts
        ends = buffer.ends
        k = buffer.count
        capacity = buffer.capacity
        tracksEnds = buffer.tracksEnds
        last = k > 0 ? o[k - 1] : 0x0A
        groupStart = k
    }

    @inline(__always)
    mutating func reserve(_ free: Int) {
        if capacity - k < free {
            buffer.count = k
            buffer.grow(minimumFree: free)
            o = buffer.bytes
            starts = buffer.starts
            ends = buffer.ends
            capacity = buffer.capacity
        }
    }

    func finish() { buffer.count = k }

    @inline(__always)
    mutating func apply(length: UInt8, slot: UnsafePointer<UInt8>, longFold: @autoclosure () -> [UInt8],
                        start: Int, end: Int) {
        if length <= UInt8(FoldTable.slotSize) {
            emit(slot, count: Int(length), start: start, end: end)
        } else if length == FoldTable.mark {
            if tracksEnds {
                for j in groupStart..<k { ends[j] = Int32(truncatingIfNeeded: end) }
            }
        } else if length == FoldTable.long {
            let folded = longFold()
            reserve(folded.count)
            folded.withUnsafeBufferPointer { emit($0.baseAddress!, count: $0.count, start: start, end: end) }
        } else {
            groupStart = k  // dropped
        }
    }

    @inline(__always)
    mutating func emit(_ bytes: UnsafePointer<UInt8>, count: Int, start: Int, end: Int) {
        if count == 0 || (count == 1 && bytes[0] == 0x20 && last == 0x20) {
            groupStart = k
            return
        }
        let s = Int32(truncatingIfNeeded: start), e = Int32(truncatingIfNeeded: end)
        for j in 0..<count {
            o[k + j] = bytes[j]
            starts[k + j] = s
            if tracksEnds { ends[k + j] = e }
        }
        groupStart = k
        k += count
        last = bytes[count - 1]
    }
}

/// Growable output of the folding loop: folded bytes with their original start and end offsets.
final class FoldBuffer {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var starts: UnsafeMutablePointer<Int32>
    private(set) var ends: UnsafeMutablePointer<Int32>
    private(set) var capacity: Int
    var count = 0
    let tracksEnds: Bool

    init(capacity: Int, tracksEnds: Bool = true) {
        self.tracksEnds = tracksEnds
        let capacity = max(capacity, 64)
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: tracksEnds ? capacity : 1)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    func reset() { count = 0 }

    func reserveFree(_ free: Int) {
        if capacity - count < free { grow(minimumFree: free) }
    }

    func grow(minimumFree: Int) {
        let newCapacity = max(capacity * 2, count + minimumFree)
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        let newStarts = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let newEnds = UnsafeMutablePointer<Int32>.allocate(capacity: tracksEnds ? newCapacity : 1)
        newBytes.update(from: bytes, count: count)
        newStarts.update(from: starts, count: count)
        if tracksEnds { newEnds.update(from: ends, count: count) }
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
        bytes = newBytes
        starts = newStarts
        ends = newEnds
        capacity = newCapacity
    }
}

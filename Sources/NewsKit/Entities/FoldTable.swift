import Foundation

/// The folds of a run of code points, precomputed from `ScalarFoldRule` so the hot path does a
/// lookup instead of calling Foundation.
struct FoldTable: Sendable {
    static let slotSize = 8
    static let drop: UInt8 = 0xFF
    static let mark: UInt8 = 0xFE
    static let long: UInt8 = 0xFD

    let first: UInt32
    /// Per code point: number of folded bytes (0...8), or `drop`, `mark`, `long`.
    let lengths: [UInt8]
    /// `slotSize` bytes per code point.
    let bytes: [UInt8]
    /// Folds longer than a slot (ﷺ, ㍿ ...).
    let longFolds: [UInt32: [UInt8]]

    init(codePoints: Range<UInt32>) {
        first = codePoints.lowerBound
        var lengths = [UInt8](repeating: FoldTable.drop, count: codePoints.count)
        var bytes = [UInt8](repeating: 0, count: codePoints.count * FoldTable.slotSize)
        var longFolds: [UInt32: [UInt8]] = [:]
        for value in codePoints {
            let index = Int(value - first)
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            switch ScalarFoldRule.fold(scalar) {
            case .drop: lengths[index] = FoldTable.drop
            case .mark: lengths[index] = FoldTable.mark
            case .emit(let folded) where folded.count <= FoldTable.slotSize:
                lengths[index] = UInt8(folded.count)
                for (offset, byte) in folded.enumerated() { bytes[index * FoldTable.slotSize + offset] = byte }
            case .emit(let folded):
                lengths[index] = FoldTable.long
                longFolds[value] = folded
            }
        }
        self.lengths = lengths
        self.bytes = bytes
        self.longFolds = longFolds
    }
}

/// Where the tables live: the 2-byte UTF-8 range (Latin-1, Latin Extended, IPA, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic, Syriac...) and the busiest 3-byte pages are built once, eagerly;
/// other pages are built on first use and cached behind a lock.
enum FoldTables {
    static let twoByte = FoldTable(codePoints: 0x80..<0x800)

    /// Latin Extended Additional (Vietnamese), Greek Extended, punctuation and letterlike
    /// symbols, CJK punctuation and kana, Arabic presentation forms, fullwidth forms.
    private static let eagerPages: [UInt32] = [0x1E, 0x1F, 0x20, 0x21, 0x22, 0x30, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]

    static let bmpPages: [FoldTable?] = {
        var pages = [FoldTable?](repeating: nil, count: 256)
        for page in eagerPages { pages[Int(page)] = FoldTable(codePoints: page << 8 ..< (page + 1) << 8) }
        return pages
    }()

    static let lazyPages = LazyFoldPages()

    static func page(_ number: UInt32) -> FoldTable {
        if number < 256, let eager = bmpPages[Int(number)] { return eager }
        return lazyPages.page(number)
    }

    /// Han, Hangul syllables: no case, no compatibility decomposition, no diacritics.
    @inline(__always)
    static func foldsToItself(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) || (0x3400...0x4DBF).contains(value)
    }
}

final class LazyFoldPages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [UInt32: FoldTable] = [:]

    func page(_ number: UInt32) -> FoldTable {
        lock.lock()
        defer { lock.unlock() }
        if let page = pages[number] { return page }
        let page = FoldTable(codePoints: number << 8 ..< (number + 1) << 8)
        pages[number] = page
        return page
    }
}

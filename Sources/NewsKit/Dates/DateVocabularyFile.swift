import Foundation

/// The compiled date vocabulary as a bundled file (`Resources/dates/date-vocabulary.bin`), so that
/// a process reads it instead of folding and merging the names of every locale (most of the time
/// of a short run). `make date-vocabulary` writes it from the bundled sources (`cldr-names.tsv`,
/// `date-words.json`) through `DateVocabularySources`; it carries a digest of those sources and
/// is ignored when they changed since, and `DateVocabularyFileTests` compiles the sources again
/// and fails when the file says anything else.
///
/// Little-endian; lists are a 32-bit count then their items; bytes are a 32-bit length then them.
enum DateVocabularyFile {
    static let magic: [UInt8] = Array("TKDV".utf8)
    static let version: UInt32 = 1

    static var url: URL? {
        Bundle.module.url(forResource: "date-vocabulary", withExtension: "bin", subdirectory: "Resources/dates")
    }

    /// The bundled compiled form, or nil when it is missing, damaged or made from other sources.
    static func bundled() -> DateVocabulary.Compiled? {
        guard let url, let data = try? Data(contentsOf: url), let digest = sourcesDigest() else { return nil }
        return decode(data, digest: digest)
    }

    /// FNV-1a over the bundled sources' bytes, or nil when one is missing.
    static func sourcesDigest() -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, ext) in [("cldr-names", "tsv"), ("date-words", "json")] {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/dates"),
                  let data = try? Data(contentsOf: url)
            else { return nil }
            data.withUnsafeBytes { bytes in
                for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        return hash
    }

    // MARK: Writing

    static func encode(_ c: DateVocabulary.Compiled, digest: UInt64) -> Data {
        var w = Writer()
        w.bytes.append(contentsOf: magic)
        w.u32(version)
        w.u64(digest)
        // Languages by id, so that ids read back as they were.
        let languages = c.languageIds.sorted { $0.value < $1.value }
        w.u32(UInt32(languages.count))
        for (code, _) in languages { w.blob(Array(code.utf8)) }
        w.u32(UInt32(c.keys.count))
        for (key, senses) in zip(c.keys, c.senses) {
            w.blob(key)
            w.u32(UInt32(senses.count))
            for s in senses {
                w.bytes += [s.kind.rawValue, UInt8(bitPattern: s.value), s.calendar.rawValue, s.flags.rawValue]
                w.u32(UInt32(bitPattern: s.weight))
                w.u16s(s.languages)
            }
        }
        // Sets and dictionaries sorted, so that the same vocabulary writes the same bytes.
        let phrases = c.phraseLengthByFirstWord.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        w.u32(UInt32(phrases.count))
        for (word, length) in phrases { w.blob(word); w.bytes.append(length) }
        let punctuation = c.punctuationKinds.sorted { $0.key < $1.key }
        w.u32(UInt32(punctuation.count))
        for (scalar, kind) in punctuation { w.u32(scalar); w.bytes.append(kind.rawValue) }
        w.u16s(c.commonLanguages.sorted())
        w.u16s(c.capitalLanguages.sorted())
        let needsYear = c.needsYearLanguages.sorted { $0.key < $1.key }
        w.u32(UInt32(needsYear.count))
        for (key, languages) in needsYear { w.u32(UInt32(bitPattern: key)); w.u16s(languages) }
        w.i32s(c.modifiersBeforeWeekday.sorted())
        w.i32s(c.modifiersAfterWeekday.sorted())
        return Data(w.bytes)
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func blob(_ b: [UInt8]) { u32(UInt32(b.count)); bytes += b }
        mutating func u16s(_ list: [UInt16]) { u32(UInt32(list.count)); list.forEach { u16($0) } }
        mutating func i32s(_ list: [Int32]) { u32(UInt32(list.count)); list.forEach { u32(UInt32(bitPattern: $0)) } }
    }

    // MARK: Reading

    /// The compiled form in `data`, or nil when it is damaged, of another version or made from
    /// sources with another digest.
    static func decode(_ data: Data, digest: UInt64) -> DateVocabulary.Compiled? {
        data.withUnsafeBytes { raw in
            var r = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return r.compiled(digest: digest)
        }
    }

    /// Reads bounds-checked: a short or damaged file gives nil, never a trap.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        var failed = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func take(_ n: Int) -> Int? {
            guard !failed, n >= 0, at + n <= bytes.count else { failed = true; return nil }
            defer { at += n }
            return at
        }

        mutating func u8() -> UInt8 { take(1).map { bytes[$0] } ?? 0 }
        mutating func u16() -> UInt16 { take(2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 } ?? 0 }
        mutating func u32() -> UInt32 {
            guard let p = take(4) else { return 0 }
            return (0..<4).reduce(0) { $0 | UInt32(bytes[p + $1]) << (8 * UInt32($1)) }
        }
        mutating func u64() -> UInt64 {
            guard let p = take(8) else { return 0 }
            return (0..<8).reduce(0) { $0 | UInt64(bytes[p + $1]) << (8 * UInt64($1)) }
        }
        /// A count, refused when the rest of the file cannot hold that many items of `size` bytes.
        mutating func count(itemSize size: Int) -> Int {
            let n = Int(u32())
            guard !failed, n * size <= bytes.count - at else { failed = true; return 0 }
            return n
        }
        mutating func blob() -> [UInt8] {
            let n = count(itemSize: 1)
            guard let p = take(n) else { return [] }
            return Array(bytes[p..<(p + n)])
        }
        mutating func u16s() -> [UInt16] { (0..<count(itemSize: 2)).map { _ in u16() } }
        mutating func i32s() -> [Int32] { (0..<count(itemSize: 4)).map { _ in Int32(bitPattern: u32()) } }

        mutating func compiled(digest: UInt64) -> DateVocabulary.Compiled? {
            guard bytes.count >= 4, Array(bytes[0..<4]) == DateVocabularyFile.magic else { return nil }
            at = 4
            guard u32() == DateVocabularyFile.version, u64() == digest else { return nil }
            var c = DateVocabulary.Compiled()
            for id in 0..<count(itemSize: 4) {
                c.languageIds[String(decoding: blob(), as: UTF8.self)] = UInt16(id)
            }
            let keys = count(itemSize: 8)
            c.keys.reserveCapacity(keys)
            c.senses.reserveCapacity(keys)
            for _ in 0..<keys {
                c.keys.append(blob())
                var senses: [DateSense] = []
                for _ in 0..<count(itemSize: 12) {
                    guard let kind = DateSense.Kind(rawValue: u8()) else { return nil }
                    let value = Int8(bitPattern: u8())
                    guard let calendar = DateCalendarKind(rawValue: u8()) else { return nil }
                    let flags = DateSense.Flags(rawValue: u8())
                    let weight = Int32(bitPattern: u32())
                    senses.append(DateSense(kind: kind, value: value, calendar: calendar, flags: flags,
                                            weight: weight, languages: u16s()))
                }
                c.senses.append(senses)
            }
            for _ in 0..<count(itemSize: 5) {
                let word = blob()
                c.phraseLengthByFirstWord[word] = u8()
            }
            for _ in 0..<count(itemSize: 5) {
                let scalar = u32()
                guard let kind = DateSense.Kind(rawValue: u8()) else { return nil }
                c.punctuationKinds[scalar] = kind
            }
            c.commonLanguages = Set(u16s())
            c.capitalLanguages = Set(u16s())
            for _ in 0..<count(itemSize: 8) {
                let key = Int32(bitPattern: u32())
                c.needsYearLanguages[key] = u16s()
            }
            c.modifiersBeforeWeekday = Set(i32s())
            c.modifiersAfterWeekday = Set(i32s())
            guard !failed, at == bytes.count else { return nil }
            return c
        }
    }
}

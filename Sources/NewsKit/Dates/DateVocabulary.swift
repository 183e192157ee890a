/// Every word the date grammar knows, keyed by folded spelling and compiled once per process.
///
/// Lookups take a folded word from `DateWordFolder` (bytes and hash), so the scan allocates
/// nothing per word. Multi-word names ("تشرين الأول", "ذو الحجة", "pasado mañana")
/// are keyed by their folded words joined with one space; the first word of each is flagged
/// so the tokenizer knows when to try a phrase.
final class DateVocabulary: Sendable {
    /// Made on first use; Swift guarantees `static let` runs once, thread-safely. Read from the
    /// bundled compiled form when it was made from the bundled sources (`DateVocabularyFile`):
    /// compiling the names of a thousand locales took most of a short run's time.
    static let shared: DateVocabulary = DateVocabulary(DateVocabularyFile.bundled() ?? DateVocabularySources.compiled())

    /// What `init(_:)` lays out: made by `DateVocabularyBuilder`, stored by `DateVocabularyFile`.
    struct Compiled: Sendable {
        var keys: [[UInt8]] = []
        var senses: [[DateSense]] = []
        var phraseLengthByFirstWord: [[UInt8]: UInt8] = [:]
        var punctuationKinds: [UInt32: DateSense.Kind] = [:]
        var languageIds: [String: UInt16] = [:]
        var commonLanguages: Set<UInt16> = []
        var capitalLanguages: Set<UInt16> = []
        var needsYearLanguages: [Int32: [UInt16]] = [:]
        var modifiersBeforeWeekday: Set<Int32> = []
        var modifiersAfterWeekday: Set<Int32> = []
    }

    convenience init(_ c: Compiled) {
        self.init(keys: c.keys, senses: c.senses, phraseLengthByFirstWord: c.phraseLengthByFirstWord,
                  punctuationKinds: c.punctuationKinds, languageIds: c.languageIds,
                  commonLanguages: c.commonLanguages, capitalLanguages: c.capitalLanguages,
                  needsYearLanguages: c.needsYearLanguages, modifiersBeforeWeekday: c.modifiersBeforeWeekday,
                  modifiersAfterWeekday: c.modifiersAfterWeekday)
    }

    /// Open addressing on the folded word's FNV-1a hash (which the folder computes anyway):
    /// most words of running text miss, and a miss costs one or two probes.
    private struct Slot {
        var hash: UInt64 = 0        // 0 = empty
        var key: Int32 = -1         // key index, or -1 for a word that only starts phrases
        var phraseLength: UInt8 = 0 // > 1 when the word starts a multi-word name
    }

    private let slots: [Slot]
    private let slotMask: Int
    private let keyBytes: [UInt8]
    private let keyOffsets: [Int32]
    private let senseOffsets: [Int32]
    private let allSenses: [DateSense]
    /// Per key, a bit per `DateSense.Kind` it has.
    private let kindMasks: [UInt32]
    private let punctuationKinds: [UInt32: DateSense.Kind]
    private let languageIds: [String: UInt16]
    let languageCount: Int
    /// Languages whose names are trusted when the caller gives no language; names known only
    /// to other languages ("saa", "kwa", "China") need a full date, and their weekdays never
    /// stand alone.
    let commonLanguages: Set<UInt16>
    /// Languages in which `needsCapital` words are common words when lower case.
    let capitalLanguages: Set<UInt16>
    /// Key index -> languages in which the word needs a full date around it ("صفر" is also
    /// zero in Arabic, "می" a verb prefix in Persian).
    let needsYearLanguages: [Int32: [UInt16]]
    /// Keys of "last"/"next" words written before the weekday ("last", "prochain").
    let modifiersBeforeWeekday: Set<Int32>
    /// Keys of "last"/"next" words written after the weekday ("الماضي", "iliyopita", "dernier").
    let modifiersAfterWeekday: Set<Int32>

    init(
        keys: [[UInt8]], senses: [[DateSense]], phraseLengthByFirstWord: [[UInt8]: UInt8],
        punctuationKinds: [UInt32: DateSense.Kind], languageIds: [String: UInt16],
        commonLanguages: Set<UInt16>, capitalLanguages: Set<UInt16>,
        needsYearLanguages: [Int32: [UInt16]], modifiersBeforeWeekday: Set<Int32>, modifiersAfterWeekday: Set<Int32>
    ) {
        var bytes = [UInt8]()
        var offsets: [Int32] = [0]
        var flat = [DateSense]()
        var senseOffsets: [Int32] = [0]
        var masks = [UInt32]()
        for (position, key) in keys.enumerated() {
            bytes.append(contentsOf: key)
            offsets.append(Int32(bytes.count))
            flat.append(contentsOf: senses[position])
            senseOffsets.append(Int32(flat.count))
            masks.append(senses[position].reduce(0) { $0 | 1 << UInt32($1.kind.rawValue) })
        }
        var capacity = 1
        while capacity < (keys.count + phraseLengthByFirstWord.count) * 4 { capacity <<= 1 }
        var table = [Slot](repeating: Slot(), count: capacity)
        func slotIndex(_ hash: UInt64) -> Int {
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while table[index].hash != 0 && table[index].hash != hash { index = (index + 1) & (capacity - 1) }
            return index
        }
        for (position, key) in keys.enumerated() {
            let hash = Self.hash(key)
            let index = slotIndex(hash)
            table[index].hash = hash
            table[index].key = Int32(position)
        }
        for (word, length) in phraseLengthByFirstWord {
            let hash = Self.hash(word)
            let index = slotIndex(hash)
            table[index].hash = hash
            table[index].phraseLength = length
        }
        slots = table
        slotMask = capacity - 1
        keyBytes = bytes
        keyOffsets = offsets
        allSenses = flat
        self.senseOffsets = senseOffsets
        kindMasks = masks
        self.punctuationKinds = punctuationKinds
        self.languageIds = languageIds
        languageCount = languageIds.count
        self.commonLanguages = commonLanguages
        self.capitalLanguages = capitalLanguages
        self.needsYearLanguages = needsYearLanguages
        self.modifiersBeforeWeekday = modifiersBeforeWeekday
        self.modifiersAfterWeekday = modifiersAfterWeekday
    }

    /// FNV-1a, never 0 (0 marks an empty slot).
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = DateWordFolder.seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    /// The key index of the folded word in `folder`, or -1; and whether it may start a
    /// multi-word name (then how many words at most).
    @inline(__always)
    func lookup(_ folder: DateWordFolder) -> (key: Int32, phraseLength: Int) {
        guard !folder.overflow, folder.count > 0 else { return (-1, 0) }
        let hash = folder.hash == 0 ? 1 : folder.hash
        var index = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let slot = slots[index]
            if slot.hash == 0 { return (-1, 0) }
            if slot.hash == hash {
                guard slot.key >= 0 else { return (-1, Int(slot.phraseLength)) }
                let start = Int(keyOffsets[Int(slot.key)]), end = Int(keyOffsets[Int(slot.key) + 1])
                guard end - start == folder.count else { return (-1, Int(slot.phraseLength)) }
                var offset = 0
                while offset < folder.count {
                    if keyBytes[start + offset] != folder.buffer[offset] { return (-1, Int(slot.phraseLength)) }
                    offset += 1
                }
                return (slot.key, Int(slot.phraseLength))
            }
            index = (index + 1) & slotMask
        }
    }

    /// Whether a key has a sense of the kind, without looking at the senses.
    @inline(__always)
    func keyHas(_ key: Int32, _ kind: DateSense.Kind) -> Bool {
        key >= 0 && kindMasks[Int(key)] & (1 << UInt32(kind.rawValue)) != 0
    }

    @inline(__always)
    func keyHasAny(_ key: Int32, _ mask: UInt32) -> Bool {
        key >= 0 && kindMasks[Int(key)] & mask != 0
    }

    static func mask(_ kinds: [DateSense.Kind]) -> UInt32 {
        kinds.reduce(0) { $0 | 1 << UInt32($1.rawValue) }
    }

    @inline(__always)
    func senses(of key: Int32) -> ArraySlice<DateSense> {
        guard key >= 0 else { return [] }
        return allSenses[Int(senseOffsets[Int(key)])..<Int(senseOffsets[Int(key) + 1])]
    }

    func punctuationKind(_ scalar: UInt32) -> DateSense.Kind? { punctuationKinds[scalar] }

    /// The id of a base language code ("en", "fa"), or nil when no name of it is known.
    func languageId(_ code: String) -> UInt16? { languageIds[code] }

    /// The base language code of a tag: "en-US" and "en_US" give "en", "zh-Hant-TW" gives "zh".
    static func baseLanguage(_ tag: String) -> String {
        let cut = tag.firstIndex(where: { $0 == "-" || $0 == "_" }) ?? tag.endIndex
        return tag[..<cut].lowercased()
    }
}

import Foundation

/// The n-gram weights written by tools/langid/build_model.py (Resources/langid/langid.bin).
///
/// Layout, little-endian: "NKLI", seven UInt32 (version, orders (bit n set: n-grams of
/// n characters are in the table; bit 6: whole words), weights per nat,
/// language count, log2 of the slot count, entry count, offset bits), then per language
/// 4 bytes of ISO 639 code and 4 of ISO 15924 script, then the slots, then the entries.
/// A slot is an open-addressing cell: a fingerprint of the n-gram hash above `offsetBits`
/// and the offset of its first entry below. An entry is one language's weight for that
/// n-gram: bit 15 marks the last entry of the n-gram, bits 9-14 the language, bits 0-8 the
/// weight (log-probability above the floor, in 1/weightsPerNat nats).
final class LanguageModel: @unchecked Sendable {
    // @unchecked: the buffers are written once in init and only read afterwards.
    struct Language {
        let code: String
        let script: Script
    }

    static let emptySlot: UInt32 = 0xFFFF_FFFF

    let languages: [Language]
    /// Bit n set: the table holds n-grams of n characters; bit 6: whole words.
    let orderMask: UInt32
    let weightsPerNat: Int
    private let slots: UnsafeMutableBufferPointer<UInt32>
    private let entries: UnsafeMutableBufferPointer<UInt16>
    private let slotMask: UInt64
    private let offsetBits: UInt32
    private let fingerprintShift: UInt64
    /// Model language indices per script (indexed by `Script.rawValue`).
    let candidatesByScript: [[Int]]
    /// Bit n set: the model has languages written in the script with raw value n.
    let scriptMask: UInt32

    enum LoadError: Error { case missingResource, malformed(String) }

    /// The model bundled with NewsKit.
    static func bundled() throws -> LanguageModel {
        guard let url = Bundle.module.url(forResource: "langid", withExtension: "bin", subdirectory: "Resources/langid") else {
            throw LoadError.missingResource
        }
        return try LanguageModel(data: Data(contentsOf: url))
    }

    /// A model without n-grams: only scripts with a sole language can be named.
    static let empty = LanguageModel()

    private init() {
        languages = []
        orderMask = 0
        weightsPerNat = 32
        slots = .allocate(capacity: 1)
        slots[0] = LanguageModel.emptySlot
        entries = .allocate(capacity: 1)
        slotMask = 0
        offsetBits = 22
        fingerprintShift = 54
        candidatesByScript = Array(repeating: [], count: Script.allCases.count)
        scriptMask = 0
    }

    init(data: Data) throws {
        var reader = ModelReader(data: data)
        guard try reader.bytes(4) == Array("NKLI".utf8) else { throw LoadError.malformed("magic") }
        let header = try (0..<7).map { _ in try reader.uint32() }
        guard header[0] == 1 else { throw LoadError.malformed("version \(header[0])") }
        orderMask = header[1]
        weightsPerNat = Int(header[2])
        let languageCount = Int(header[3])
        let slotBits = Int(header[4])
        let entryCount = Int(header[5])
        offsetBits = header[6]
        guard orderMask & ~0b111_1110 == 0, languageCount <= 64, (1...30).contains(slotBits), offsetBits < 32 else {
            throw LoadError.malformed("header")
        }
        var languages: [Language] = []
        for _ in 0..<languageCount {
            let code = String(decoding: try reader.bytes(4).filter { $0 != 0 }, as: UTF8.self)
            let scriptCode = String(decoding: try reader.bytes(4), as: UTF8.self)
            guard let script = Script.allCases.first(where: { $0.code == scriptCode }) else {
                throw LoadError.malformed("script \(scriptCode)")
            }
            languages.append(Language(code: code, script: script))
        }
        self.languages = languages
        slots = .allocate(capacity: 1 << slotBits)
        entries = .allocate(capacity: max(entryCount, 1))
        try reader.copy(into: UnsafeMutableRawBufferPointer(slots))
        try reader.copy(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(entries).prefix(entryCount * 2)))
        for i in slots.indices { slots[i] = UInt32(littleEndian: slots[i]) }
        for i in entries.indices { entries[i] = UInt16(littleEndian: entries[i]) }
        slotMask = UInt64(1 << slotBits - 1)
        fingerprintShift = UInt64(32 + offsetBits)
        var candidates = Array(repeating: [Int](), count: Script.allCases.count)
        for (index, language) in languages.enumerated() { candidates[language.script.rawValue].append(index) }
        candidatesByScript = candidates
        scriptMask = languages.reduce(0) { $0 | 1 << UInt32($1.script.rawValue) }
        try validateOffsets(entryCount: entryCount)
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
    }

    private func validateOffsets(entryCount: Int) throws {
        let offsetMask = UInt32(1) << offsetBits - 1
        for slot in slots where slot != LanguageModel.emptySlot {
            guard Int(slot & offsetMask) < entryCount else { throw LoadError.malformed("entry offset") }
        }
        guard entryCount == 0 || entries[entryCount - 1] & 0x8000 != 0 else { throw LoadError.malformed("last entry") }
        for entry in entries.prefix(entryCount) where Int(entry >> 9 & 0x3F) >= languages.count {
            throw LoadError.malformed("language index")
        }
    }

    /// The lookup view of the table, a plain value for the scanner's inner loop.
    var table: Table {
        Table(slots: UnsafePointer(slots.baseAddress!), entries: UnsafePointer(entries.baseAddress!),
              slotMask: Int(truncatingIfNeeded: slotMask), offsetBits: offsetBits, fingerprintShift: fingerprintShift,
              orderMask: orderMask)
    }

    struct Table {
        let slots: UnsafePointer<UInt32>
        let entries: UnsafePointer<UInt16>
        let slotMask: Int
        let offsetBits: UInt32
        let fingerprintShift: UInt64
        let orderMask: UInt32

        /// Adds the weights of `count` n-grams (finalized hashes) to `scores`: n-gram i goes to
        /// the languages' cells starting at `scores + targets[i]`, and every known n-gram adds
        /// one to the cell `counter` after that start. First reads every n-gram's home slot,
        /// independent loads the processor overlaps, then the first weight of each known one,
        /// then adds. `scratch` holds `count` values.
        @inline(__always)
        func accumulate(_ hashes: UnsafePointer<UInt64>, targets: UnsafePointer<UInt8>, count: Int,
                        into scores: UnsafeMutablePointer<Int64>, counter: Int, scratch: UnsafeMutablePointer<UInt64>) {
            for i in 0..<count {
                scratch[i] = UInt64(slots[Int(truncatingIfNeeded: hashes[i]) & slotMask])
            }
            var known = 0
            let offsetMask = UInt32(1) << offsetBits &- 1
            for i in 0..<count {
                // Probe from the home slot, already fetched; a displaced key is almost always
                // in the same cache line.
                let hash = hashes[i]
                let fingerprint = UInt32(truncatingIfNeeded: hash >> fingerprintShift)
                var slot = UInt32(truncatingIfNeeded: scratch[i])
                var index = Int(truncatingIfNeeded: hash) & slotMask
                while slot != LanguageModel.emptySlot && slot >> offsetBits != fingerprint {
                    index = (index &+ 1) & slotMask
                    slot = slots[index]
                }
                if slot == LanguageModel.emptySlot { continue }
                let offset = Int(slot & offsetMask)
                scratch[known] = UInt64(targets[i]) << 48 | UInt64(offset) << 16 | UInt64(entries[offset])
                known &+= 1
            }
            for i in 0..<known {
                let packed = scratch[i]
                let target = scores + Int(truncatingIfNeeded: packed >> 48)
                target[counter] &+= 1
                var value = UInt16(truncatingIfNeeded: packed)
                var entry = entries + Int(truncatingIfNeeded: packed >> 16 & 0xFFFF_FFFF)
                while true {
                    target[Int(value >> 9 & 0x3F)] &+= Int64(value & 0x1FF)
                    if value & 0x8000 != 0 { break }
                    entry += 1
                    value = entry.pointee
                }
            }
        }

        /// Adds the weights of the n-gram with finalized hash `hash` to `scores`; false when
        /// the model does not know the n-gram.
        @inline(__always)
        func accumulate(_ hash: UInt64, into scores: UnsafeMutablePointer<Int64>) -> Bool {
            let fingerprint = UInt32(truncatingIfNeeded: hash >> fingerprintShift)
            let offsetMask = UInt32(1) << offsetBits &- 1
            var index = Int(truncatingIfNeeded: hash) & slotMask
            while true {
                let slot = slots[index]
                if slot == LanguageModel.emptySlot { return false }
                if slot >> offsetBits == fingerprint {
                    var entry = entries + Int(slot & offsetMask)
                    while true {
                        let value = entry.pointee
                        scores[Int(value >> 9 & 0x3F)] &+= Int64(value & 0x1FF)
                        if value & 0x8000 != 0 { return true }
                        entry += 1
                    }
                }
                index = (index &+ 1) & slotMask
            }
        }
    }

    /// The weight of one language for an n-gram given in reading order (tests and tools).
    func weight(of scalars: [UInt32], language: Int) -> Int {
        var scores = [Int64](repeating: 0, count: max(languages.count, 1))
        _ = scores.withUnsafeMutableBufferPointer { table.accumulate(NGramHash.of(scalars), into: $0.baseAddress!) }
        return Int(scores[language])
    }
}

/// Sequential little-endian reads with bounds checks, for loading the model.
private struct ModelReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        offset = data.startIndex
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard offset + count <= data.endIndex else { throw LanguageModel.LoadError.malformed("truncated") }
        defer { offset += count }
        return Array(data[offset..<offset + count])
    }

    mutating func uint32() throws -> UInt32 {
        let b = try bytes(4)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    mutating func copy(into destination: UnsafeMutableRawBufferPointer) throws {
        guard offset + destination.count <= data.endIndex else { throw LanguageModel.LoadError.malformed("truncated") }
        data.copyBytes(to: destination, from: offset..<offset + destination.count)
        offset += destination.count
    }
}

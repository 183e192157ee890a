import Foundation

/// The automaton's immutable tables, in raw memory for a bounds-check-free scan loop.
final class AutomatonStorage: @unchecked Sendable {
    let patternCount: Int
    let stateCount: Int
    let denseCount: Int
    let classCount: Int
    /// Width of a mid-character row; boundary rows start this far after their base.
    let midWidth: Int
    let denseLimit: UInt32
    let classOf: UnsafeMutablePointer<UInt8>
    let dense: UnsafeMutablePointer<UInt32>
    let denseTableWords: Int
    let sparseWords: Int
    /// Sparse states as records, one after another, each addressed by its offset (in words):
    /// [fallback state, edge count n, state index, n classes packed 4 per word, n targets].
    let sparse: UnsafeMutablePointer<UInt32>
    let outputStart: [UInt32]
    let outputPatterns: [UInt32]
    let outputLink: [Int32]
    let matchCount: [UInt32]
    let patternLengths: [UInt32]
    let maxPatternLength: Int

    init(patternCount: Int, stateCount: Int, denseCount: Int, classCount: Int, midWidth: Int, denseLimit: Int,
         classOf: [UInt8], dense: [UInt32], sparse: [UInt32], outputStart: [UInt32], outputPatterns: [UInt32], outputLink: [Int32], matchCount: [UInt32],
         patternLengths: [UInt32]) {
        self.patternCount = patternCount
        self.stateCount = stateCount
        self.denseCount = denseCount
        self.classCount = classCount
        self.midWidth = midWidth
        self.denseLimit = UInt32(denseLimit)
        self.denseTableWords = dense.count
        self.sparseWords = sparse.count
        self.classOf = AutomatonStorage.copy(classOf)
        self.dense = AutomatonStorage.copyOnHugePages(dense)
        self.sparse = AutomatonStorage.copyOnHugePages(sparse)
        self.outputStart = outputStart
        self.outputPatterns = outputPatterns
        self.outputLink = outputLink
        self.matchCount = matchCount
        self.patternLengths = patternLengths
        self.maxPatternLength = Int(patternLengths.max() ?? 1)
    }

    deinit {
        classOf.deallocate()
        free(dense)
        free(sparse)
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: array.count) }
        return pointer
    }

    /// Big tables go on 2 MB pages where the system allows it: a scan jumps around megabytes
    /// of rows, and with 4 KB pages most jumps would also miss the TLB.
    private static func copyOnHugePages(_ array: [UInt32]) -> UnsafeMutablePointer<UInt32> {
        let bytes = max(array.count, 1) * MemoryLayout<UInt32>.stride
        let hugePage = 2 << 20
        let alignment = bytes >= hugePage ? hugePage : 64
        let rounded = (bytes + alignment - 1) / alignment * alignment
        var raw: UnsafeMutableRawPointer? = nil
        guard posix_memalign(&raw, alignment, rounded) == 0, let raw else { fatalError("out of memory") }
        #if os(Linux)
        if alignment == hugePage { _ = madvise(raw, rounded, MADV_HUGEPAGE) }
        #endif
        let pointer = raw.bindMemory(to: UInt32.self, capacity: array.count)
        array.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: array.count) }
        return pointer
    }

    /// Transition from a sparse state: its edges (its own and those inherited from its failure
    /// chain), else the row of the dense state the chain leads to. One record is one or two
    /// cache lines.
    @inline(never)
    func sparseStep(_ encoded: UInt32, _ byteClass: UInt32) -> UInt32 {
        var state = encoded
        let c = UInt8(truncatingIfNeeded: byteClass)
        while state >= denseLimit {
            // Only bytes that are not UTF-8 can lead astray; stay inside the table if they do.
            let offset = Int(state - denseLimit)
            guard offset + 3 <= sparseWords else { return dense[Int(AhoCorasickAutomaton.root + byteClass)] }
            let record = sparse + offset
            let n = Int(record[1])
            guard offset + 3 + (n + 3) / 4 + n <= sparseWords else { return dense[Int(AhoCorasickAutomaton.root + byteClass)] }
            let classes = UnsafeRawPointer(record + 3).assumingMemoryBound(to: UInt8.self)
            let targets = record + 3 + (n + 3) / 4
            var e = 0
            while e < n {
                if classes[e] == c { return targets[e] }
                e += 1
            }
            state = record[0]
        }
        return dense[Int(state &+ byteClass)]
    }

    /// Index of the state a transition leads to, for its outputs.
    @inline(__always)
    func stateIndex(_ transition: UInt32) -> Int {
        let state = transition & AhoCorasickAutomaton.stateMask
        if state < denseLimit {
            let slot = transition & AhoCorasickAutomaton.boundaryBit != 0 ? Int(state) + midWidth - 1 : Int(state) - 1
            return Int(dense[slot])
        }
        return Int(sparse[Int(state - denseLimit) + 2])
    }
}

import Foundation

/// A byte-level Aho-Corasick automaton over folded UTF-8 patterns.
///
/// Layout, chosen by measurement (see Benchmarks/Matcher):
/// - Bytes map to equivalence classes; only bytes that occur in some pattern get their own.
/// - The states a scan is likeliest to visit get full DFA rows (failure transitions
///   precomputed) in one table addressed by premultiplied offsets, so a step is one load. A row
///   covers only the byte group that can follow its state in UTF-8 (continuation bytes after a
///   path that ends inside a character, other bytes otherwise), which halves the table.
/// - Other states are compact records of their edges (their own and those of their failure
///   chain) and a link to the dense row that answers otherwise, laid out depth-first.
/// - A transition is 32 bits: the target in the low 24, a bit telling which group its row
///   serves, and in the top 7 how many patterns end there (127: look it up), so counting needs
///   no branch and scanning tests one comparison per byte.
/// - Long texts are scanned as four interleaved quarters, which overlaps the table loads.
/// The tables sit on 2 MB pages where the system allows it.
public struct AhoCorasickAutomaton: Sendable {
    static let stateMask: UInt32 = (1 << 24) - 1
    static let boundaryBit: UInt32 = 1 << 24
    static let countShift: UInt32 = 25
    static let firstCountUnit: UInt32 = 1 << 25
    static let saturatedCount: UInt32 = 127
    /// The root's row starts after its slot.
    static let root: UInt32 = 1

    let storage: AutomatonStorage

    public var patternCount: Int { storage.patternCount }
    public var stateCount: Int { storage.stateCount }
    public var denseStateCount: Int { storage.denseCount }
    /// Bytes of the dense table.
    public var denseTableBytes: Int { storage.denseTableWords * 4 }
    /// Byte equivalence classes (one row entry each).
    public var byteClassCount: Int { storage.classCount }

    /// Patterns and scanned texts are UTF-8 (folded text is); other bytes give unspecified
    /// matches but never read outside the tables. `denseTableBudget` bounds the full-row table
    /// (bytes); it trades memory for speed.
    public init(patterns: [[UInt8]], denseTableBudget: Int = 8 << 20) {
        storage = AutomatonBuilder(patterns: patterns, denseTableBudget: denseTableBudget).build()
    }

    /// The same automaton, read from `snapshots` when an earlier process stored it there, else
    /// built and stored.
    public init(patterns: [[UInt8]], denseTableBudget: Int = 8 << 20, snapshots: AutomatonSnapshots?) {
        guard let snapshots else {
            self.init(patterns: patterns, denseTableBudget: denseTableBudget)
            return
        }
        let key = snapshots.key(patterns: patterns, denseTableBudget: denseTableBudget)
        if let stored = snapshots.load(key) {
            self.init(storage: stored)
        } else {
            self.init(patterns: patterns, denseTableBudget: denseTableBudget)
            snapshots.save(storage, key: key)
        }
    }

    init(storage: AutomatonStorage) {
        self.storage = storage
    }

    public func patternLength(_ pattern: Int) -> Int { Int(storage.patternLengths[pattern]) }

    /// Calls `report(end, transition)` where `end` is the exclusive end offset of one or more
    /// patterns, and `transition` identifies them (see `forEachPattern(endingAt:)`). Ends come in
    /// increasing order within each quarter of a long text, not overall.
    @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ report: (_ end: Int, _ transition: UInt32) -> Void) {
        guard let base = text.baseAddress else { return }
        let n = text.count
        guard let quarters = quarters(n) else {
            _ = scanRange(base, 0, n, from: AhoCorasickAutomaton.root, report)
            return
        }
        let s = storage
        let classOf = s.classOf, dense = s.dense, denseLimit = s.denseLimit
        let mask = AhoCorasickAutomaton.stateMask
        let unit = AhoCorasickAutomaton.firstCountUnit
        var s0 = AhoCorasickAutomaton.root
        var s1 = warmUp(base, quarters.1), s2 = warmUp(base, quarters.2), s3 = warmUp(base, quarters.3)
        var i0 = 0, i1 = quarters.1, i2 = quarters.2, i3 = quarters.3
        for _ in 0..<quarters.1 {
            let c0 = UInt32(classOf[Int(base[i0])])
            let c1 = UInt32(classOf[Int(base[i1])])
            let c2 = UInt32(classOf[Int(base[i2])])
            let c3 = UInt32(classOf[Int(base[i3])])
            let n0 = s0 < denseLimit ? dense[Int(s0 &+ c0)] : s.sparseStep(s0, c0)
            let n1 = s1 < denseLimit ? dense[Int(s1 &+ c1)] : s.sparseStep(s1, c1)
            let n2 = s2 < denseLimit ? dense[Int(s2 &+ c2)] : s.sparseStep(s2, c2)
            let n3 = s3 < denseLimit ? dense[Int(s3 &+ c3)] : s.sparseStep(s3, c3)
            s0 = n0 & mask
            s1 = n1 & mask
            s2 = n2 & mask
            s3 = n3 & mask
            if (n0 | n1 | n2 | n3) >= unit {
                if n0 >= unit { report(i0 + 1, n0) }
                if n1 >= unit { report(i1 + 1, n1) }
                if n2 >= unit { report(i2 + 1, n2) }
                if n3 >= unit { report(i3 + 1, n3) }
            }
            i0 += 1
            i1 += 1
            i2 += 1
            i3 += 1
        }
        _ = scanRange(base, i1, quarters.2, from: s1, report)
        _ = scanRange(base, i2, quarters.3, from: s2, report)
        _ = scanRange(base, i3, n, from: s3, report)
    }

    /// Where the second, third and fourth quarters of a text start, when it is long enough to
    /// scan as four interleaved quarters (each step waits for the previous step's table load;
    /// four independent scans overlap those waits).
    @inline(__always)
    private func quarters(_ n: Int) -> (Int, Int, Int, Int)? {
        guard n >= 1024 && n > 12 * storage.maxPatternLength else { return nil }
        return (0, n / 4, n / 2, n - n / 4)
    }

    /// The state a scan is in at `start`: patterns are never longer than `maxPatternLength`, so
    /// scanning that many bytes before it from the root gets there (matches are not reported).
    @inline(__always)
    private func warmUp(_ base: UnsafePointer<UInt8>, _ start: Int) -> UInt32 {
        scanRange(base, start - (storage.maxPatternLength - 1), start, from: AhoCorasickAutomaton.root) { _, _ in }
    }

    @inline(__always)
    private func scanRange(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, from initial: UInt32,
                           _ report: (_ end: Int, _ transition: UInt32) -> Void) -> UInt32 {
        let s = storage
        let classOf = s.classOf, dense = s.dense, denseLimit = s.denseLimit
        var state = initial
        var i = start
        while i < end {
            let c = UInt32(classOf[Int(base[i])])
            let next = state < denseLimit ? dense[Int(state &+ c)] : s.sparseStep(state, c)
            if next >= AhoCorasickAutomaton.firstCountUnit { report(i + 1, next) }
            state = next & AhoCorasickAutomaton.stateMask
            i += 1
        }
        return state
    }

    /// All pattern occurrences, overlapping ones included (what pyahocorasick's `iter` yields).
    /// The count of patterns ending in a state rides in each transition, so no branch is taken
    /// per match.
    public func countMatches(in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let n = text.count
        let s = storage
        var total = 0
        let exact: (Int, UInt32) -> Void = { _, transition in
            let count = transition >> AhoCorasickAutomaton.countShift
            total += count < AhoCorasickAutomaton.saturatedCount ? Int(count) : Int(s.matchCount[s.stateIndex(transition)])
        }
        guard let quarters = quarters(n) else {
            _ = scanRange(base, 0, n, from: AhoCorasickAutomaton.root, exact)
            return total
        }
        let classOf = s.classOf, dense = s.dense, denseLimit = s.denseLimit
        let mask = AhoCorasickAutomaton.stateMask
        let shift = AhoCorasickAutomaton.countShift
        let saturated = AhoCorasickAutomaton.saturatedCount << shift
        var s0 = AhoCorasickAutomaton.root
        var s1 = warmUp(base, quarters.1), s2 = warmUp(base, quarters.2), s3 = warmUp(base, quarters.3)
        var i0 = 0, i1 = quarters.1, i2 = quarters.2, i3 = quarters.3
        var sum: UInt = 0
        for _ in 0..<quarters.1 {
            let c0 = UInt32(classOf[Int(base[i0])])
            let c1 = UInt32(classOf[Int(base[i1])])
            let c2 = UInt32(classOf[Int(base[i2])])
            let c3 = UInt32(classOf[Int(base[i3])])
            let n0 = s0 < denseLimit ? dense[Int(s0 &+ c0)] : s.sparseStep(s0, c0)
            let n1 = s1 < denseLimit ? dense[Int(s1 &+ c1)] : s.sparseStep(s1, c1)
            let n2 = s2 < denseLimit ? dense[Int(s2 &+ c2)] : s.sparseStep(s2, c2)
            let n3 = s3 < denseLimit ? dense[Int(s3 &+ c3)] : s.sparseStep(s3, c3)
            s0 = n0 & mask
            s1 = n1 & mask
            s2 = n2 & mask
            s3 = n3 & mask
            sum &+= UInt(n0 >> shift) &+ UInt(n1 >> shift) &+ UInt(n2 >> shift) &+ UInt(n3 >> shift)
            if max(max(n0, n1), max(n2, n3)) >= saturated {
                // More patterns end here than the transition can say: count them exactly.
                for transition in [n0, n1, n2, n3] where transition >= saturated {
                    sum &-= UInt(AhoCorasickAutomaton.saturatedCount)
                    sum &+= UInt(s.matchCount[s.stateIndex(transition)])
                }
            }
            i0 += 1
            i1 += 1
            i2 += 1
            i3 += 1
        }
        total = Int(sum)
        _ = scanRange(base, i1, quarters.2, from: s1, exact)
        _ = scanRange(base, i2, quarters.3, from: s2, exact)
        _ = scanRange(base, i3, n, from: s3, exact)
        return total
    }

    /// Every (end, pattern) occurrence, for tests and tools.
    public func occurrences(in text: UnsafeBufferPointer<UInt8>) -> [(end: Int, pattern: Int)] {
        var result: [(end: Int, pattern: Int)] = []
        scan(text) { end, state in forEachPattern(endingAt: state) { result.append((end, $0)) } }
        return result
    }

    @inline(__always)
    func forEachPattern(endingAt transition: UInt32, _ body: (Int) -> Void) {
        let s = storage
        var index = s.stateIndex(transition)
        while index >= 0 {
            for k in Int(s.outputStart[index])..<Int(s.outputStart[index + 1]) {
                body(Int(s.outputPatterns[k]))
            }
            index = Int(s.outputLink[index])
        }
    }
}

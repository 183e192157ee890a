import Foundation

/// Builds the tables: a trie with sibling lists, breadth-first numbering, the likeliest states
/// renumbered first, failure links, dense rows for those states and sparse edges for the rest.
struct AutomatonBuilder {
    let patterns: [[UInt8]]
    let denseTableBudget: Int

    init(patterns: [[UInt8]], denseTableBudget: Int) {
        self.patterns = patterns
        self.denseTableBudget = denseTableBudget
    }

    private static func isContinuation(_ byte: Int) -> Bool { byte & 0xC0 == 0x80 }

    func build() -> AutomatonStorage {
        // Byte classes in two groups. In valid UTF-8 a state whose path ends inside a character
        // is only ever followed by a continuation byte, and any other state (but the root) by a
        // lead or ASCII byte, so a row needs only its own group: continuation classes come
        // first [0, midWidth), the others after [midWidth, midWidth + boundaryWidth); each group
        // ends with a class for the bytes no pattern uses.
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var classOf = [UInt8](repeating: 0, count: 256)
        var byteOfClass = [UInt8](repeating: 0, count: 256)
        var continuationClasses = 0
        for byte in 0x80...0xBF where used[byte] {
            classOf[byte] = UInt8(continuationClasses)
            byteOfClass[continuationClasses] = UInt8(byte)
            continuationClasses += 1
        }
        for byte in 0x80...0xBF where !used[byte] { classOf[byte] = UInt8(continuationClasses) }
        let midWidth = continuationClasses + 1
        var otherClasses = 0
        for byte in 0..<256 where !AutomatonBuilder.isContinuation(byte) && used[byte] {
            classOf[byte] = UInt8(midWidth + otherClasses)
            byteOfClass[midWidth + otherClasses] = UInt8(byte)
            otherClasses += 1
        }
        precondition(midWidth + otherClasses < 256, "patterns must be UTF-8")
        for byte in 0..<256 where !AutomatonBuilder.isContinuation(byte) && !used[byte] {
            classOf[byte] = UInt8(midWidth + otherClasses)
        }
        let boundaryWidth = otherClasses + 1
        let classCount = midWidth + boundaryWidth

        // Trie (node 0 is the root; children of the root in a direct table).
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var label: [UInt8] = [0]
        var rootChild = [Int32](repeating: -1, count: classCount)
        var terminal = [Int32](repeating: 0, count: patterns.count)
        firstChild.reserveCapacity(patterns.count * 8)
        nextSibling.reserveCapacity(patterns.count * 8)
        label.reserveCapacity(patterns.count * 8)
        for (p, pattern) in patterns.enumerated() {
            if pattern.isEmpty { terminal[p] = -1; continue }  // an empty pattern matches nothing
            var node: Int32 = 0
            for byte in pattern {
                let c = classOf[Int(byte)]
                var child: Int32 = -1
                if node == 0 {
                    child = rootChild[Int(c)]
                } else {
                    var k = firstChild[Int(node)]
                    while k >= 0 {
                        if label[Int(k)] == c { child = k; break }
                        k = nextSibling[Int(k)]
                    }
                }
                if child < 0 {
                    child = Int32(label.count)
                    label.append(c)
                    firstChild.append(-1)
                    if node == 0 {
                        nextSibling.append(-1)
                        rootChild[Int(c)] = child
                    } else {
                        nextSibling.append(firstChild[Int(node)])
                        firstChild[Int(node)] = child
                    }
                }
                node = child
            }
            terminal[p] = node
        }
        let stateCount = label.count

        // Breadth-first numbering with edges in class order (CSR).
        var order: [Int32] = [0]
        order.reserveCapacity(stateCount)
        var indexOfNode = [Int32](repeating: 0, count: stateCount)
        var edgeStart: [UInt32] = []
        edgeStart.reserveCapacity(stateCount + 1)
        var edgeClass: [UInt8] = []
        var edgeTarget: [Int32] = []
        edgeClass.reserveCapacity(stateCount)
        edgeTarget.reserveCapacity(stateCount)
        var head = 0
        var children: [(UInt8, Int32)] = []
        while head < order.count {
            let node = order[head]
            edgeStart.append(UInt32(edgeClass.count))
            children.removeAll(keepingCapacity: true)
            if node == 0 {
                for c in 0..<classCount where rootChild[c] >= 0 { children.append((UInt8(c), rootChild[c])) }
            } else {
                var k = firstChild[Int(node)]
                while k >= 0 { children.append((label[Int(k)], k)); k = nextSibling[Int(k)] }
                children.sort { $0.0 < $1.0 }
            }
            for (c, child) in children {
                indexOfNode[Int(child)] = Int32(order.count)
                edgeClass.append(c)
                edgeTarget.append(Int32(order.count))
                order.append(child)
            }
            head += 1
        }
        edgeStart.append(UInt32(edgeClass.count))

        // Hot states first. A scan sits in state s about as often as the text ends with s's
        // path; estimating byte probabilities from the patterns themselves, the states likeliest
        // to be visited get the dense rows. A failure target (a suffix) and a parent (a prefix)
        // are never less likely (ties go to the shallower), so numbering by likelihood keeps
        // every state after its parent and its failure target, and the dense set closed.
        var byteCount = [Double](repeating: 1, count: classCount)
        for pattern in patterns { for byte in pattern { byteCount[Int(classOf[Int(byte)])] += 1 } }
        let totalBytes = byteCount.reduce(0, +)
        let logProbability = byteCount.map { log($0 / totalBytes) }
        var likelihood = [Double](repeating: 0, count: stateCount)
        for g in 0..<stateCount {
            for e in Int(edgeStart[g])..<Int(edgeStart[g + 1]) {
                likelihood[Int(edgeTarget[e])] = likelihood[g] + logProbability[Int(edgeClass[e])]
            }
        }
        let hottest = (0..<stateCount).sorted {
            likelihood[$0] != likelihood[$1] ? likelihood[$0] > likelihood[$1] : $0 < $1
        }
        var newIndex = [Int32](repeating: 0, count: stateCount)
        for (rank, g) in hottest.enumerated() { newIndex[g] = Int32(rank) }
        do {
            var start: [UInt32] = []
            start.reserveCapacity(stateCount + 1)
            var classes: [UInt8] = []
            var targets: [Int32] = []
            classes.reserveCapacity(edgeClass.count)
            targets.reserveCapacity(edgeTarget.count)
            for old in hottest {
                start.append(UInt32(classes.count))
                for e in Int(edgeStart[old])..<Int(edgeStart[old + 1]) {
                    classes.append(edgeClass[e])
                    targets.append(newIndex[Int(edgeTarget[e])])
                }
            }
            start.append(UInt32(classes.count))
            edgeStart = start
            edgeClass = classes
            edgeTarget = targets
            for node in 0..<stateCount { indexOfNode[node] = newIndex[Int(indexOfNode[node])] }
        }

        // Which states end inside a character (parents come first in this numbering).
        var pending = [UInt8](repeating: 0, count: stateCount)
        for g in 0..<stateCount {
            for e in Int(edgeStart[g])..<Int(edgeStart[g + 1]) {
                let byte = byteOfClass[Int(edgeClass[e])]
                let next: UInt8
                switch byte {
                case 0x80...0xBF: next = pending[g] > 0 ? pending[g] - 1 : 0
                case 0xC0...0xDF: next = 1
                case 0xE0...0xEF: next = 2
                case 0xF0...0xFF: next = 3
                default: next = 0
                }
                pending[Int(edgeTarget[e])] = next
            }
        }

        // Dense layout, hottest first, within the budget. Each row is preceded by a slot holding
        // its state number (for outputs). The root's row spans both groups; a mid-character row
        // spans [base, base + midWidth) and a boundary row [base + midWidth, base + classCount),
        // so one class table serves all rows.
        var base: [Int] = [1]
        var cursor = 1 + classCount
        let budgetWords = max(denseTableBudget / 4, cursor + classCount)
        while base.count < stateCount {
            let width = pending[base.count] > 0 ? midWidth : boundaryWidth
            if cursor + 1 + width + classCount > budgetWords { break }
            base.append(pending[base.count] > 0 ? cursor + 1 : cursor + 1 - midWidth)
            cursor += 1 + width
        }
        let denseCount = base.count
        let denseLimit = cursor
        let tableSize = cursor + classCount  // padding: a wrong-group read stays inside
        func classRange(_ g: Int) -> Range<Int> {
            g == 0 ? 0..<classCount : pending[g] > 0 ? 0..<midWidth : midWidth..<classCount
        }

        // Failure links and dense rows (state numbers for now).
        var fail = [Int32](repeating: 0, count: stateCount)
        var rows = [Int32](repeating: 0, count: tableSize)
        func step(_ from: Int32, _ c: UInt8) -> Int32 {
            var state = from
            while true {
                if Int(state) < denseCount { return rows[base[Int(state)] + Int(c)] }
                for e in Int(edgeStart[Int(state)])..<Int(edgeStart[Int(state) + 1]) where edgeClass[e] == c {
                    return edgeTarget[e]
                }
                state = fail[Int(state)]
            }
        }
        for g in 0..<stateCount {
            let edges = Int(edgeStart[g])..<Int(edgeStart[g + 1])
            if g < denseCount {
                let rowBase = base[g]
                rows[g == 0 || pending[g] > 0 ? rowBase - 1 : rowBase + midWidth - 1] = Int32(g)
                if g > 0 {
                    let failBase = base[Int(fail[g])]
                    for c in classRange(g) { rows[rowBase + c] = rows[failBase + c] }
                }
                for e in edges { rows[rowBase + Int(edgeClass[e])] = edgeTarget[e] }
            }
            for e in edges {
                fail[Int(edgeTarget[e])] = g == 0 ? 0 : step(fail[g], edgeClass[e])
            }
        }

        // Outputs: own patterns per state, plus a link to the next state on the failure chain
        // that ends a pattern.
        var ownCount = [UInt32](repeating: 0, count: stateCount + 1)
        for node in terminal where node >= 0 { ownCount[Int(indexOfNode[Int(node)])] += 1 }
        var outputStart = [UInt32](repeating: 0, count: stateCount + 1)
        for g in 0..<stateCount { outputStart[g + 1] = outputStart[g] + ownCount[g] }
        var fill = outputStart
        var outputPatterns = [UInt32](repeating: 0, count: Int(outputStart[stateCount]))
        for (p, node) in terminal.enumerated() where node >= 0 {
            let g = Int(indexOfNode[Int(node)])
            outputPatterns[Int(fill[g])] = UInt32(p)
            fill[g] += 1
        }
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var matchCount = [UInt32](repeating: 0, count: stateCount)
        for g in 1..<max(stateCount, 1) {
            let f = Int(fail[g])
            outputLink[g] = ownCount[f] > 0 ? Int32(f) : outputLink[f]
            matchCount[g] = ownCount[g] + (outputLink[g] >= 0 ? matchCount[Int(outputLink[g])] : 0)
        }

        // A sparse state also carries the edges of the sparse states on its failure chain (the
        // nearest one wins), so a step makes one jump to a dense row instead of walking the chain.
        let sparseCount = stateCount - denseCount
        var extendedStart = [Int](repeating: 0, count: sparseCount + 1)
        var extendedClass: [UInt8] = []
        var extendedTarget: [Int32] = []
        var fallback = [Int32](repeating: 0, count: sparseCount)
        var covered = [Bool](repeating: false, count: classCount)
        var coveredClasses: [UInt8] = []
        for j in 0..<sparseCount {
            let g = denseCount + j
            extendedStart[j] = extendedClass.count
            var link = g
            while link >= denseCount && extendedClass.count - extendedStart[j] < 24 {
                for e in Int(edgeStart[link])..<Int(edgeStart[link + 1]) where !covered[Int(edgeClass[e])] {
                    covered[Int(edgeClass[e])] = true
                    coveredClasses.append(edgeClass[e])
                    extendedClass.append(edgeClass[e])
                    extendedTarget.append(edgeTarget[e])
                }
                link = Int(fail[link])
            }
            for c in coveredClasses { covered[Int(c)] = false }
            coveredClasses.removeAll(keepingCapacity: true)
            fallback[j] = Int32(link)
        }
        extendedStart[sparseCount] = extendedClass.count

        // Sparse records in depth-first order, so following a long name reads memory forward.
        var recordOffset = [Int](repeating: 0, count: sparseCount)
        var totalWords = 0
        var stack: [Int32] = [0]
        while let g = stack.popLast() {
            if Int(g) >= denseCount {
                let j = Int(g) - denseCount
                let n = extendedStart[j + 1] - extendedStart[j]
                recordOffset[j] = totalWords
                totalWords += 3 + (n + 3) / 4 + n
            }
            for e in (Int(edgeStart[Int(g)])..<Int(edgeStart[Int(g) + 1])).reversed() { stack.append(edgeTarget[e]) }
        }

        // Encoding: dense states by row base, with a bit for boundary rows (where their slot
        // is); sparse ones by record offset after the dense limit; the number of patterns ending
        // in the target rides in the top bits.
        precondition(denseLimit + totalWords < Int(AhoCorasickAutomaton.stateMask),
                     "automaton too large for 24-bit transitions; lower the dense table budget")
        func encode(_ g: Int32) -> UInt32 {
            let count = min(matchCount[Int(g)], AhoCorasickAutomaton.saturatedCount) << AhoCorasickAutomaton.countShift
            if Int(g) < denseCount {
                let boundary = g != 0 && pending[Int(g)] == 0 ? AhoCorasickAutomaton.boundaryBit : 0
                return UInt32(base[Int(g)]) | boundary | count
            }
            return UInt32(denseLimit + recordOffset[Int(g) - denseCount]) | count
        }
        var dense = [UInt32](repeating: 0, count: tableSize)
        for g in 0..<denseCount {
            let rowBase = base[g]
            for c in classRange(g) { dense[rowBase + c] = encode(rows[rowBase + c]) }
            dense[g == 0 || pending[g] > 0 ? rowBase - 1 : rowBase + midWidth - 1] = UInt32(g)
        }
        var sparse = [UInt32](repeating: 0, count: max(totalWords, 1))
        sparse.withUnsafeMutableBufferPointer { words in
            for j in 0..<sparseCount {
                let record = recordOffset[j]
                let edges = extendedStart[j]..<extendedStart[j + 1]
                let n = edges.count
                words[record] = encode(fallback[j]) & AhoCorasickAutomaton.stateMask
                words[record + 1] = UInt32(n)
                words[record + 2] = UInt32(denseCount + j)
                for (k, e) in edges.enumerated() {
                    words[record + 3 + k / 4] |= UInt32(extendedClass[e]) << (8 * UInt32(k % 4))
                    words[record + 3 + (n + 3) / 4 + k] = encode(extendedTarget[e])
                }
            }
        }

        return AutomatonStorage(
            patternCount: patterns.count, stateCount: stateCount, denseCount: denseCount, classCount: classCount,
            midWidth: midWidth, denseLimit: denseLimit, classOf: classOf, dense: dense, sparse: sparse,
            outputStart: outputStart, outputPatterns: outputPatterns, outputLink: outputLink, matchCount: matchCount,
            patternLengths: patterns.map { UInt32($0.count) })
    }
}

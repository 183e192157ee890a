/// The scan of language identification: counts the letters of each script and sums the
/// model's weights for the character n-grams (the orders the model has, over words padded
/// with a space on each side) of the words in scripts the model covers, all in one pass
/// over the UTF-8 bytes, allocating nothing. An n-gram only carries weights for languages
/// of its own script, so words of several scripts can share the score cells.
///
/// Words that start with a capital letter (names, mostly: "Manchester United", "Putin")
/// are scored apart; when the other words give enough evidence, they count a quarter, so
/// that foreign names do not outvote the language around them.
struct NGramScorer {
    private let table: LanguageModel.Table
    /// Two blocks of `stride` cells: lowercase words, then capitalized words. Each block is
    /// one cell per model language, then the count of n-grams the model knew. 64-bit: a cell
    /// gains up to 511 per n-gram and up to five n-grams per letter, so 32 bits overflowed
    /// on texts of a few megabytes; 64 bits hold any text that fits in memory.
    private let scores: UnsafeMutablePointer<Int64>
    private let stride: Int
    /// Hashes waiting for lookup: looking up a batch at once lets the processor fetch many
    /// table cells from memory in parallel instead of one after the other.
    private let pending: UnsafeMutablePointer<UInt64>
    private let pendingTargets: UnsafeMutablePointer<UInt8>
    private let scratch: UnsafeMutablePointer<UInt64>
    private var pendingCount = 0
    private var target: UInt8 = 0
    // The last characters of the current word, newest first; a word starts with a space.
    private var c0: UInt32 = 0, c1: UInt32 = 0, c2: UInt32 = 0, c3: UInt32 = 0, c4: UInt32 = 0
    private var length = 0
    /// FNV state of the current word fed forwards, for the whole-word feature.
    private var word: UInt64 = 0

    static let batch = 64
    /// Known n-grams of lowercase words from which capitalized words count a quarter.
    static let enoughLowercase: Int64 = 12

    /// Adds each language's weights to `scores` (one cell per model language) and returns
    /// the letter count per script.
    static func score(_ bytes: UnsafeBufferPointer<UInt8>, model: LanguageModel,
                      into scores: UnsafeMutablePointer<Int64>) -> ScriptTally {
        score(CollectionOfOne(bytes), model: model, into: scores)
    }

    /// The same for the parts as if joined by line breaks, without joining them (the title and
    /// text of a 100 MB article would be one more copy of it).
    static func score(_ parts: some Collection<UnsafeBufferPointer<UInt8>>, model: LanguageModel,
                      into scores: UnsafeMutablePointer<Int64>) -> ScriptTally {
        let languageCount = model.languages.count
        let stride = languageCount + 1
        var tally = ScriptTally()
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: stride * 2) { blocks in
            blocks.initialize(repeating: 0)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: batch * 2) { hashes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: batch) { targets in
                    var scorer = NGramScorer(table: model.table, scores: blocks.baseAddress!, stride: stride,
                                             pending: hashes.baseAddress!, pendingTargets: targets.baseAddress!,
                                             scratch: hashes.baseAddress! + batch)
                    var state = ScanState()
                    for (i, bytes) in parts.enumerated() {
                        if i > 0 { scorer.lineBreak(&state) }
                        scorer.scan(bytes, modelScripts: model.scriptMask, state: &state)
                    }
                    if state.inWord { scorer.endWord() }
                    scorer.flush()
                    tally = state.tally
                }
            }
            let lower = blocks.baseAddress!
            let capital = lower + stride
            let shift: Int64 = lower[languageCount] >= enoughLowercase ? 2 : 0
            for language in 0..<languageCount {
                scores[language] &+= lower[language] &+ (capital[language] >> shift)
            }
        }
        return tally
    }

    private init(table: LanguageModel.Table, scores: UnsafeMutablePointer<Int64>, stride: Int,
                 pending: UnsafeMutablePointer<UInt64>, pendingTargets: UnsafeMutablePointer<UInt8>,
                 scratch: UnsafeMutablePointer<UInt64>) {
        self.table = table
        self.scores = scores
        self.stride = stride
        self.pending = pending
        self.pendingTargets = pendingTargets
        self.scratch = scratch
    }

    /// Where a scan stopped, to go on with the next part.
    struct ScanState {
        var tally = ScriptTally()
        var inWord = false
        var wordScript = Script.common
        var afterLatin = false
    }

    /// What a line break between two parts does: it ends a word and is no letter.
    private mutating func lineBreak(_ state: inout ScanState) {
        if state.inWord {
            state.inWord = false
            endWord()
        }
        state.afterLatin = false
    }

    /// `modelScripts`: bit n set when the model has languages of the script with raw value n.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, modelScripts: UInt32, state: inout ScanState) {
        var tally = state.tally
        var inWord = state.inWord
        var wordScript = state.wordScript
        var afterLatin = state.afterLatin
        defer { state = ScanState(tally: tally, inWord: inWord, wordScript: wordScript, afterLatin: afterLatin) }
        var index = 0
        while index < bytes.count {
            let scalar = UTF8Scan.next(bytes, &index)
            let kind = LetterClass.classify(scalar, afterLatinLetter: afterLatin)
            if kind.value == LetterClass.skip { continue }
            afterLatin = kind.value > 0 && kind.script == .latin
            if kind.value > 0 { tally.add(kind.script) }
            if inWord && kind.script != wordScript {
                inWord = false
                endWord()
            }
            if kind.value > 0 && modelScripts & (1 << UInt32(kind.script.rawValue)) != 0 {
                if !inWord {
                    inWord = true
                    wordScript = kind.script
                    target = NGramScorer.isCapital(scalar, folded: kind.value) ? UInt8(stride) : 0
                    length = 0
                    push(NGramHash.space)
                    word = NGramHash.mix(NGramHash.seed, NGramHash.space)
                }
                push(UInt32(kind.value))
                word = NGramHash.mix(word, UInt32(kind.value))
                emit(unigram: true)
            } else if inWord {
                inWord = false
                endWord()
            }
        }
    }

    /// An upper-case Latin or Cyrillic letter (folding changed it, and it is not one of the
    /// lower-case letters folding merges, like Romanian ș into ş).
    @inline(__always)
    static func isCapital(_ scalar: UInt32, folded: Int32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x41 < 26 }
        guard UInt32(folded) != scalar else { return false }
        switch scalar {
        case 0xC0...0xDE, 0x100...0x17F, 0x1E00...0x1EFF, 0x400...0x42F, 0x460...0x52F: return true
        default: return false
        }
    }

    @inline(__always)
    private mutating func endWord() {
        push(NGramHash.space)
        emit(unigram: false)
        if table.orderMask & 1 << NGramHash.wordOrder != 0 {
            add(NGramHash.mix(NGramHash.mix(word, NGramHash.space), NGramHash.wordTag))
        }
    }

    @inline(__always)
    private mutating func push(_ scalar: UInt32) {
        c4 = c3; c3 = c2; c2 = c1; c1 = c0; c0 = scalar
        if length < 5 { length &+= 1 }
    }

    /// Looks up the n-grams that end at the newest character, shortest first, for the
    /// orders the model has.
    @inline(__always)
    private mutating func emit(unigram: Bool) {
        let orders = table.orderMask
        var h = NGramHash.mix(NGramHash.seed, c0)
        // The model keeps no single ASCII letters (too weak as evidence to pay for a lookup).
        if unigram && c0 >= 0x80 && orders & 0b10 != 0 { add(h) }
        guard length >= 2 else { return }
        h = NGramHash.mix(h, c1)
        if orders & 0b100 != 0 { add(h) }
        guard length >= 3 else { return }
        h = NGramHash.mix(h, c2)
        if orders & 0b1000 != 0 { add(h) }
        guard length >= 4 else { return }
        h = NGramHash.mix(h, c3)
        if orders & 0b1_0000 != 0 { add(h) }
        guard length >= 5 else { return }
        h = NGramHash.mix(h, c4)
        if orders & 0b10_0000 != 0 { add(h) }
    }

    @inline(__always)
    private mutating func add(_ chain: UInt64) {
        pending[pendingCount] = NGramHash.finalize(chain)
        pendingTargets[pendingCount] = target
        pendingCount &+= 1
        if pendingCount >= NGramScorer.batch { flush() }
    }

    private mutating func flush() {
        table.accumulate(pending, targets: pendingTargets, count: pendingCount, into: scores,
                         counter: stride - 1, scratch: scratch)
        pendingCount = 0
    }
}

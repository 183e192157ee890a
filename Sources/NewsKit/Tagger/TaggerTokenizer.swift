/// The tagger's tokens: the rule tokenizer's word boundaries and folding (`RuleScalarClass`,
/// `RuleFolding`, the same FNV hash of the folded bytes, so the gazetteer built from
/// `RuleTokenizer` keys applies), read straight into features. Measured on the development
/// texts, making a `RuleToken` (a `String` key per word) took more time than all the
/// tagging after it; this reads each word's folded bytes once into a reused buffer.
enum TaggerTokenizer {
    struct Token {
        var start: Int
        var end: Int
        var features: TaggerFeatures.Token
    }

    /// `arabicTable: false` reads Arabic-block scalars through the general functions too, for
    /// the tests that hold `ArabicBlockTable` to them.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>, gazetteer: TaggerGazetteer, clusters: TaggerClusters = .none,
                       arabicTable: Bool = true) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        var space = false, line = true, zwnj = false
        var i = 0
        let n = bytes.count
        while i < n {
            let (u, length) = RuleFolding.decodeScalar(bytes, at: i)
            switch RuleScalarClass.of(u) {
            case .space:
                space = true; zwnj = false; i += length
            case .lineBreak:
                space = true; line = true; zwnj = false; i += length
            case .zwnj:
                if !space && !line { zwnj = true }
                i += length
            case .ignorable:
                i += length
            case .letter, .mark:
                if var facts = asciiWord(bytes, from: i, scratch: &scratch) {
                    facts.attached = !space && !zwnj && !line
                    facts.lineBefore = line
                    facts.zwnjBefore = zwnj && !space
                    tokens.append(Token(start: i, end: facts.end, features: TaggerFeatures.token(folded: scratch, facts, gazetteer: gazetteer, clusters: clusters)))
                    i = facts.end
                    space = false; line = false; zwnj = false
                    continue
                }
                var facts = word(bytes, from: i, folding: &scratch, arabicTable: arabicTable)
                facts.attached = !space && !zwnj && !line
                facts.lineBefore = line
                facts.zwnjBefore = zwnj && !space
                tokens.append(Token(start: i, end: facts.end, features: TaggerFeatures.token(folded: scratch, facts, gazetteer: gazetteer, clusters: clusters)))
                i = facts.end
                space = false; line = false; zwnj = false
            case .digit:
                scratch.removeAll(keepingCapacity: true)
                var end = i
                while end < n {
                    let (v, l) = RuleFolding.decodeScalar(bytes, at: end)
                    if let d = RuleScalarClass.digitValue(v) {
                        scratch.append(0x30 + d)
                    } else if (v == 0x2C || v == 0x2E || v == 0x66B || v == 0x66C || v == 0x2F) && end + l < n
                                && RuleScalarClass.digitValue(RuleFolding.decodeScalar(bytes, at: end + l).0) != nil {
                        scratch.append(0x2E)
                    } else {
                        break
                    }
                    end += l
                }
                var facts = WordFacts(end: end, kind: .number, writing: .other)
                facts.attached = !space && !zwnj && !line
                facts.lineBefore = line
                tokens.append(Token(start: i, end: end, features: TaggerFeatures.token(folded: scratch, facts, gazetteer: gazetteer, clusters: clusters)))
                i = end
                space = false; line = false; zwnj = false
            case .joiner, .punct:
                scratch.removeAll(keepingCapacity: true)
                RuleFolding.appendFolded(scalar: u, into: &scratch)
                var facts = WordFacts(end: i + length, kind: .punct, writing: .other)
                facts.attached = !space && !zwnj && !line
                facts.lineBefore = line
                tokens.append(Token(start: i, end: i + length, features: TaggerFeatures.token(folded: scratch, facts, gazetteer: gazetteer, clusters: clusters)))
                i += length
                space = false; line = false; zwnj = false
            }
        }
        return tokens
    }

    /// What the features need of a token besides its folded bytes.
    struct WordFacts {
        var end: Int
        var kind: RuleToken.Kind
        var writing: RuleToken.Writing
        var upperInitial = false
        var upperAfterHyphen = false
        var allCaps = false
        var attached = false
        var lineBefore = false
        var zwnjBefore = false
    }

    /// A word of ASCII letters only, ended by a byte that cannot continue a word (not a letter,
    /// mark, hyphen or apostrophe), read and lower-cased in one pass: most words of English and
    /// Swahili text, folded into `scratch`. Nil for any other word, which `word` reads.
    @inline(__always)
    private static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, scratch: inout [UInt8]) -> WordFacts? {
        let n = bytes.count
        var i = start
        var upper = 0, lower = 0
        scratch.removeAll(keepingCapacity: true)
        while i < n {
            let b = bytes[i]
            if b >= 0x61 && b <= 0x7A { lower += 1; scratch.append(b) }
            else if b >= 0x41 && b <= 0x5A { upper += 1; scratch.append(b | 0x20) }
            else { break }
            i += 1
        }
        guard i > start else { return nil }
        if i < n {
            let b = bytes[i]
            guard b < 0x80, b != 0x27, b != 0x2D else { return nil }
        }
        var facts = WordFacts(end: i, kind: .word, writing: .cased)
        facts.upperInitial = bytes[start] <= 0x5A
        facts.allCaps = upper >= 2 && lower == 0
        return facts
    }

    /// A word as `RuleTokenizer` reads one: letters and marks, with hyphens and apostrophes
    /// between letters, an English possessive "'s" left out.
    /// Its folded bytes go to `folded` as it is read, each scalar decoded once.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, folding folded: inout [UInt8],
                             arabicTable: Bool) -> WordFacts {
        folded.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = start
        var writing: RuleToken.Writing?
        var firstLetter = true, afterHyphen = false, previousWasLetter = false
        var facts = WordFacts(end: start, kind: .word, writing: .other)
        var upperCount = 0, lowerCount = 0
        let arabic = ArabicBlockTable.shared
        while i < n {
            // A letter or mark of the Arabic block, as the general branches below would read and
            // fold it (its writing is Arabic, which has no case); anything else of the block goes there.
            if arabicTable, let entry = arabic.entry(bytes, at: i) {
                if ArabicBlockTable.isLetter(entry) {
                    if writing == nil { writing = .arabic }
                    firstLetter = false; afterHyphen = false; previousWasLetter = true
                    ArabicBlockTable.appendFolded(entry, into: &folded)
                    i += 2
                    continue
                }
                if ArabicBlockTable.isMark(entry) {
                    ArabicBlockTable.appendFolded(entry, into: &folded)
                    i += 2
                    continue
                }
            }
            let (u, length) = RuleFolding.decodeScalar(bytes, at: i)
            let cls = RuleScalarClass.of(u)
            if cls == .letter {
                let w = RuleScalarClass.writing(u)
                if writing == nil { writing = w }
                if w == .cased {
                    let upper = RuleScalarClass.isUpper(u)
                    if upper { upperCount += 1 } else { lowerCount += 1 }
                    if firstLetter { facts.upperInitial = upper }
                    if afterHyphen && upper { facts.upperAfterHyphen = true }
                }
                firstLetter = false; afterHyphen = false; previousWasLetter = true
                RuleFolding.appendFolded(scalar: u, into: &folded)
                i += length
            } else if cls == .mark {
                RuleFolding.appendFolded(scalar: u, into: &folded)
                i += length
            } else if cls == .joiner && previousWasLetter && i + length < n {
                let (next, nextLength) = RuleFolding.decodeScalar(bytes, at: i + length)
                guard RuleScalarClass.of(next) == .letter else { break }
                let isApostrophe = u == 0x27 || u == 0x2019
                if isApostrophe && (next == 0x73 || next == 0x53) {
                    let after = i + length + nextLength
                    if after >= n || RuleScalarClass.of(RuleFolding.decodeScalar(bytes, at: after).0) != .letter { break }
                }
                afterHyphen = !isApostrophe
                previousWasLetter = false
                RuleFolding.appendFolded(scalar: u, into: &folded)
                i += length
            } else {
                break
            }
        }
        facts.end = i
        facts.writing = writing ?? .other
        facts.allCaps = upperCount >= 2 && lowerCount == 0
        return facts
    }
}

/// A word, number or punctuation mark of the analysed text, with its byte range and the
/// facts the rules look at (folded key, capitalisation, what separates it from the previous token).
struct RuleToken: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }
    enum Writing: UInt8, Sendable { case cased, arabic, other }

    var start: Int
    var end: Int
    var kind: Kind
    var writing: Writing
    /// Words: the folded form. Numbers: ASCII digits with separators kept, ٫ written "d",
    /// ٬ and ' written "t", / written "s". Punctuation: the folded scalar.
    var key: String
    /// FNV-1a hash of `key`'s bytes, so lookups need not hash and compare Unicode strings.
    var hash: UInt64 = 0
    /// The first letter is upper case.
    var upperInitial = false
    /// A hyphen inside the word is followed by an upper-case letter ("al-Assad").
    var upperAfterHyphen = false
    /// Every letter is upper case and there are at least two.
    var allCaps = false
    /// Whitespace separates it from the previous token.
    var spaceBefore = false
    /// A line break separates it from the previous token (true for the first token).
    var lineBefore = false
    /// Only a ZWNJ separates it from the previous token (Persian compound words).
    var zwnjBefore = false

    var isWord: Bool { kind == .word }
    var ruleKey: RuleKey { RuleKey(text: key, hash: hash) }
    /// Attached to the previous token, with no space or ZWNJ between.
    var attached: Bool { !spaceBefore && !zwnjBefore && !lineBefore }
}

/// Splits UTF-8 text into `RuleToken`s in one pass over the bytes.
enum RuleTokenizer {
    static func tokens(of text: String) -> [RuleToken] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    /// `arabicTable: false` reads Arabic-block scalars through the general functions too, for
    /// the tests that hold `ArabicBlockTable` to them.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>, arabicTable: Bool = true) -> [RuleToken] {
        var tokens: [RuleToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        var scratch: [UInt8] = []
        var space = false, line = true, zwnj = false
        var i = 0
        let n = bytes.count
        while i < n {
            let (u, length) = RuleFolding.decodeScalar(bytes, at: i)
            let cls = RuleScalarClass.of(u)
            switch cls {
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
                var token = readWord(bytes, from: i, scratch: &scratch, arabicTable: arabicTable)
                token.spaceBefore = space; token.lineBefore = line; token.zwnjBefore = zwnj && !space
                tokens.append(token)
                i = token.end
                space = false; line = false; zwnj = false
            case .digit:
                var token = readNumber(bytes, from: i)
                token.spaceBefore = space; token.lineBefore = line
                tokens.append(token)
                i = token.end
                space = false; line = false; zwnj = false
            case .punct where (u == 0x23 || (u == 0x5F && !space && !line)) && i + length < n
                    && RuleScalarClass.of(RuleFolding.decodeScalar(bytes, at: i + length).0) == .letter:
                // A hashtag is its words ("#محمد_بن_سلمان" is محمد بن سلمان).
                space = true; zwnj = false; i += length
            case .joiner, .punct:
                scratch.removeAll(keepingCapacity: true)
                RuleFolding.appendFolded(scalar: u, into: &scratch)
                var token = RuleToken(start: i, end: i + length, kind: .punct, writing: .other,
                                      key: String(decoding: scratch, as: UTF8.self), hash: RuleKey.fnv(scratch))
                token.spaceBefore = space; token.lineBefore = line
                tokens.append(token)
                i += length
                space = false; line = false; zwnj = false
            }
        }
        return tokens
    }

    private static func readWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, scratch: inout [UInt8],
                                 arabicTable: Bool) -> RuleToken {
        if let word = readASCIIWord(bytes, from: start) { return word }
        let n = bytes.count
        var i = start
        var writing: RuleToken.Writing?
        var firstLetter = true
        var upperInitial = false, upperAfterHyphen = false, afterHyphen = false
        var upperCount = 0, lowerCount = 0
        var previousWasLetter = false
        let arabic = ArabicBlockTable.shared
        while i < n {
            // A letter or mark of the Arabic block, as the general branches below would read it
            // (its writing is Arabic, which has no case); anything else of the block goes there.
            if arabicTable, let entry = arabic.entry(bytes, at: i) {
                if ArabicBlockTable.isLetter(entry) {
                    if writing == nil { writing = .arabic }
                    firstLetter = false
                    afterHyphen = false
                    previousWasLetter = true
                    i += 2
                    continue
                }
                if ArabicBlockTable.isMark(entry) {
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
                    if firstLetter { upperInitial = upper }
                    if afterHyphen && upper { upperAfterHyphen = true }
                }
                firstLetter = false
                afterHyphen = false
                previousWasLetter = true
                i += length
            } else if cls == .mark {
                i += length
            } else if cls == .joiner && previousWasLetter && i + length < n {
                let (next, nextLength) = RuleFolding.decodeScalar(bytes, at: i + length)
                guard RuleScalarClass.of(next) == .letter else { break }
                let isApostrophe = u == 0x27 || u == 0x2019
                if isApostrophe && (next == 0x73 || next == 0x53) {
                    // English possessive: "Iran's" is "Iran" + "'s"
                    let after = i + length + nextLength
                    if after >= n || RuleScalarClass.of(RuleFolding.decodeScalar(bytes, at: after).0) != .letter { break }
                }
                afterHyphen = !isApostrophe
                previousWasLetter = false
                i += length
            } else {
                break
            }
        }
        scratch.removeAll(keepingCapacity: true)
        RuleFolding.appendFolded(bytes, start..<i, into: &scratch, arabicTable: arabicTable)
        var token = RuleToken(start: start, end: i, kind: .word, writing: writing ?? .other,
                              key: String(decoding: scratch, as: UTF8.self), hash: RuleKey.fnv(scratch))
        token.upperInitial = upperInitial
        token.upperAfterHyphen = upperAfterHyphen
        token.allCaps = upperCount >= 2 && lowerCount == 0
        return token
    }

    /// A word of ASCII letters that ends where no joiner or other script can continue it, as
    /// most words of Latin-script text do: read, folded and hashed in one pass over its bytes,
    /// with what `readWord` would give. Nil when the word needs the general reading.
    @inline(__always)
    private static func readASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> RuleToken? {
        let n = bytes.count
        var i = start, upper = 0
        var hash: UInt64 = 0xcbf29ce484222325
        while i < n {
            let b = bytes[i], lower = b | 0x20
            guard lower >= 0x61 && lower <= 0x7A else { break }
            if b < 0x61 { upper += 1 }
            hash = (hash ^ UInt64(lower)) &* 0x100000001b3
            i += 1
        }
        guard i > start else { return nil }
        if i < n, bytes[i] >= 0x80 || bytes[i] == 0x2D || bytes[i] == 0x27 { return nil }
        let length = i - start
        let key = String(unsafeUninitializedCapacity: length) { out in
            for k in 0..<length { out[k] = bytes[start + k] | 0x20 }
            return length
        }
        var token = RuleToken(start: start, end: i, kind: .word, writing: .cased, key: key, hash: hash)
        token.upperInitial = bytes[start] < 0x61
        token.allCaps = upper >= 2 && upper == length
        return token
    }

    private static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> RuleToken {
        let n = bytes.count
        var i = start
        var key: [UInt8] = []
        while i < n {
            let (u, length) = RuleFolding.decodeScalar(bytes, at: i)
            if let digit = RuleScalarClass.digitValue(u) {
                key.append(0x30 + digit)
                i += length
                continue
            }
            let separator: UInt8?
            switch u {
            case 0x2C: separator = 0x2C          // ,
            case 0x2E: separator = 0x2E          // .
            case 0x66B: separator = 0x64         // ٫ Arabic decimal separator → d
            case 0x66C, 0x27, 0x2019: separator = 0x74  // ٬ thousands, Swiss ' → t
            case 0x2F: separator = 0x73          // / → s
            default: separator = nil
            }
            guard let separator, i + length < n,
                  RuleScalarClass.digitValue(RuleFolding.decodeScalar(bytes, at: i + length).0) != nil
            else { break }
            key.append(separator)
            i += length
        }
        return RuleToken(start: start, end: i, kind: .number, writing: .other,
                         key: String(decoding: key, as: UTF8.self), hash: RuleKey.fnv(key))
    }
}

/// What a Unicode scalar is to the tokenizer.
enum RuleScalarClass: UInt8 {
    case space, lineBreak, zwnj, ignorable, letter, mark, digit, joiner, punct

    @inline(__always)
    static func of(_ u: UInt32) -> RuleScalarClass {
        if u < 0x80 {
            switch u {
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x30...0x39: return .digit
            case 0x20, 0x09, 0x0B, 0x0C: return .space
            case 0x0A, 0x0D: return .lineBreak
            case 0x2D, 0x27: return .joiner
            default: return .punct
            }
        }
        switch u {
        case 0x80...0xBF:
            switch u {
            case 0x85: return .lineBreak
            case 0xA0: return .space
            case 0xAD: return .mark
            case 0xAA, 0xB5, 0xBA: return .letter
            default: return .punct
            }
        case 0xC0...0x24F:
            return (u == 0xD7 || u == 0xF7) ? .punct : .letter
        case 0x250...0x2AF: return .letter
        case 0x2B0...0x2FF, 0x300...0x36F: return .mark
        case 0x370...0x3FF: return (u == 0x37E || u == 0x387) ? .punct : .letter
        case 0x400...0x52F: return (0x482...0x489).contains(u) ? .mark : .letter
        case 0x600...0x60F: return .punct
        case 0x610...0x61A: return .mark
        case 0x61C: return .ignorable
        case 0x61B, 0x61D...0x61F: return .punct
        case 0x620...0x64A: return .letter
        case 0x64B...0x65F: return .mark
        case 0x660...0x669, 0x6F0...0x6F9: return .digit
        case 0x66A...0x66D: return .punct
        case 0x66E...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6EF, 0x6FA...0x6FF: return .letter
        case 0x670, 0x6D6...0x6ED: return .mark
        case 0x6D4: return .punct
        case 0x750...0x77F, 0x8A0...0x8FF: return .letter
        case 0xFD3E, 0xFD3F, 0xFDFC: return .punct
        case 0xFB00...0xFDFF, 0xFE70...0xFEFC: return .letter
        case 0xFE00...0xFE0F: return .mark
        case 0x1E00...0x1EFF: return .letter
        case 0x85, 0x2028, 0x2029: return .lineBreak
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x200C: return .zwnj
        case 0x200D, 0xAD: return .mark
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .ignorable
        case 0x2010, 0x2011, 0x2019: return .joiner
        case 0x2012...0x2018, 0x201A...0x206F: return .punct
        default:
            guard let scalar = Unicode.Scalar(u) else { return .punct }
            let properties = scalar.properties
            if properties.isAlphabetic { return .letter }
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark { return .mark }
            return .punct
        }
    }

    @inline(__always)
    static func writing(_ u: UInt32) -> RuleToken.Writing {
        switch u {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x2AF, 0x370...0x52F, 0x1E00...0x1EFF: return .cased
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFC: return .arabic
        default: return .other
        }
    }

    @inline(__always)
    static func isUpper(_ u: UInt32) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        return Unicode.Scalar(u)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func digitValue(_ u: UInt32) -> UInt8? {
        switch u {
        case 0x30...0x39: return UInt8(u - 0x30)
        case 0x660...0x669: return UInt8(u - 0x660)
        case 0x6F0...0x6F9: return UInt8(u - 0x6F0)
        default: return nil
        }
    }
}

/// A folded word as a dictionary key: hashed once (FNV-1a over its UTF-8 bytes) and compared
/// byte for byte, which is much cheaper than String's Unicode-aware hashing and equality.
struct RuleKey: Hashable, Sendable {
    let text: String
    let hash: UInt64

    init(text: String, hash: UInt64) {
        self.text = text
        self.hash = hash
    }

    init(_ text: String) {
        self.text = text
        self.hash = RuleKey.fnv(text.utf8)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: RuleKey, b: RuleKey) -> Bool {
        a.hash == b.hash && a.text.utf8.elementsEqual(b.text.utf8)
    }

    @inline(__always)
    static func fnv<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

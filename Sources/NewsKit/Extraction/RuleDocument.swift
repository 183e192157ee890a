/// One text being analysed: its bytes, tokens and the tables of its language, with the
/// small questions every rule asks about a token (its classes, whether it starts a
/// sentence, whether it looks like part of a name).
struct RuleDocument {
    let bytes: [UInt8]
    let tokens: [RuleToken]
    let tables: RuleTables
    /// Classes of each token's key (and of its stem without an Arabic proclitic).
    let classes: [RuleWordClass]
    /// The stems of every Arabic word without its proclitics, made once: the rules ask for them
    /// at many places per token. Token `i`'s are `stemList[stemBounds[i]..<stemBounds[i + 1]]`;
    /// both are empty when the language has no proclitics.
    private let stemList: [Stem]
    private let stemBounds: [Int32]

    init(text: String, tables: RuleTables, wordClasses: Bool = true) {
        var text = text
        let bytes = text.withUTF8 { Array($0) }
        self.bytes = bytes
        self.tokens = bytes.withUnsafeBufferPointer { RuleTokenizer.tokens(in: $0) }
        self.tables = tables
        var stemList: [Stem] = []
        var stemBounds: [Int32] = []
        if !tables.proclitics.isEmpty {
            stemBounds.reserveCapacity(tokens.count + 1)
            stemBounds.append(0)
            for token in tokens {
                if token.kind == .word && token.writing == .arabic {
                    RuleDocument.appendStems(of: token.key, tables: tables, into: &stemList)
                }
                stemBounds.append(Int32(stemList.count))
            }
        }
        var classes = [RuleWordClass](repeating: [], count: wordClasses ? tokens.count : 0)
        for (i, token) in tokens.enumerated() where wordClasses && token.kind != .number {
            var cls = tables.single[token.ruleKey] ?? []
            if !stemBounds.isEmpty {
                for stem in stemList[Int(stemBounds[i])..<Int(stemBounds[i + 1])] {
                    if let stemClass = tables.single[stem.key] { cls.formUnion(stemClass) }
                }
            }
            classes[i] = cls
        }
        self.classes = classes
        self.stemList = stemList
        self.stemBounds = stemBounds
    }

    var count: Int { tokens.count }

    // MARK: surfaces

    func surface(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The surface with every run of whitespace (and line breaks) written as one space.
    func normalizedSurface(_ range: Range<Int>) -> String {
        surface(range).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The name written by the tokens `first..<end`: their surfaces joined by one space, or by
    /// nothing or a ZWNJ where the text joins them ("John F. Kennedy", "علی‌محمد", "#ترمب" → ترمب).
    func displayName(_ first: Int, _ end: Int) -> String {
        var name = ""
        for k in first..<end {
            let piece = surface(tokens[k].start..<tokens[k].end)
            if k > first {
                if tokens[k].zwnjBefore { name += "\u{200C}" } else if !tokens[k].attached || tokens[k].lineBefore { name += " " }
            }
            name += piece
        }
        return name
    }

    // MARK: token questions

    func has(_ i: Int, _ cls: RuleWordClass) -> Bool {
        i >= 0 && i < tokens.count && !classes[i].isDisjoint(with: cls)
    }

    func isWord(_ i: Int, _ writing: RuleToken.Writing? = nil) -> Bool {
        guard i >= 0 && i < tokens.count, tokens[i].kind == .word else { return false }
        return writing.map { tokens[i].writing == $0 } ?? true
    }

    func isPunct(_ i: Int, _ keys: Set<String>) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punct && keys.contains(tokens[i].key)
    }

    static let sentenceEnds: Set<String> = [".", "!", "?", "؟", "۔", "…", ":", "؛", ";"]
    static let openers: Set<String> = ["\"", "“", "«", "(", "[", "‘", "'", "„", "‹", "-", "–", "—"]
    static let commas: Set<String> = [",", "،", "٫"]
    static let quotes: Set<String> = ["'", "\"", "“", "”", "‘", "’", "«", "»", "„"]

    /// The token begins a sentence, a line, or a quotation or bracket that begins one.
    func isSentenceStart(_ i: Int) -> Bool {
        var j = i
        while true {
            if j == 0 || tokens[j].lineBefore { return true }
            let previous = tokens[j - 1]
            guard previous.kind == .punct else { return false }
            if RuleDocument.sentenceEnds.contains(previous.key) { return true }
            if RuleDocument.openers.contains(previous.key) { j -= 1; continue }
            return false
        }
    }

    /// A capitalised word of a cased script, or a particle-prefixed one such as "al-Assad".
    func isNameCased(_ i: Int) -> Bool {
        guard isWord(i, .cased) else { return false }
        let token = tokens[i]
        if token.upperInitial { return !token.allCaps || token.key.count <= 1 }
        if token.upperAfterHyphen, let hyphen = token.key.firstIndex(of: "-") {
            return tables.single[RuleKey(String(token.key[..<hyphen]))]?.contains(.particle) ?? false
        }
        return false
    }

    /// The longest words-table phrase at `i` (also tried without an Arabic proclitic).
    func phraseClass(at i: Int) -> (cls: RuleWordClass, end: Int)? {
        guard i < tokens.count, tokens[i].kind != .number else { return nil }
        if let hit = tables.words.longest(in: tokens, at: i) { return (hit.payload, hit.end) }
        for stem in stems(i) {
            if let hit = tables.words.longest(in: tokens, at: i, firstKey: stem.key) { return (hit.payload, hit.end) }
        }
        return nil
    }

    /// The longest title phrase at `i`, with the byte offset where it begins (after a proclitic).
    func title(at i: Int) -> (title: RuleTitle, start: Int, end: Int)? {
        guard isWord(i), classes[i].contains(.titleStart) else { return nil }
        if let hit = tables.titles.longest(in: tokens, at: i) { return (hit.payload, tokens[i].start, hit.end) }
        for stem in stems(i) {
            if let hit = tables.titles.longest(in: tokens, at: i, firstKey: stem.key) {
                return (hit.payload, byteOffset(of: i, afterLetters: stem.letters), hit.end)
            }
        }
        return nil
    }

    /// The word (after `letters` proclitic letters) opens with the article ال as written:
    /// folding makes "أليكسيس" look like "اليكسيس", the raw bytes do not.
    func startsWithArticle(_ i: Int, afterLetters letters: Int = 0) -> Bool {
        let offset = letters == 0 ? tokens[i].start : byteOffset(of: i, afterLetters: letters)
        guard offset + 4 <= tokens[i].end else { return false }
        return bytes[offset] == 0xD8 && bytes[offset + 1] == 0xA7 && bytes[offset + 2] == 0xD9 && bytes[offset + 3] == 0x84
    }

    /// The word is definite: ال, or a proclitic then ال ("بالرئيس"), or لل ("للأمم").
    func isDefinite(_ i: Int) -> Bool {
        guard isWord(i, .arabic) else { return false }
        if startsWithArticle(i) { return true }
        return stems(i).contains { stem in
            stem.text.hasPrefix("ال") && (tokens[i].key.hasPrefix("لل") || startsWithArticle(i, afterLetters: stem.letters))
        }
    }

    // MARK: Arabic proclitics

    struct Stem {
        let text: String
        let letters: Int
        let key: RuleKey

        init(text: String, letters: Int) {
            self.text = text
            self.letters = letters
            self.key = RuleKey(text)
        }
    }

    func stems(_ i: Int) -> ArraySlice<Stem> {
        guard !stemBounds.isEmpty, isWord(i, .arabic) else { return [] }
        return stemList[Int(stemBounds[i])..<Int(stemBounds[i + 1])]
    }

    /// Appends the stems of a folded Arabic word to `result`: و/ف then ب/ل/ك stripped; "لل" also
    /// read as ل + "ال". Reads the key's UTF-8 in place: every Arabic word of a text comes here,
    /// and most do not open with a proclitic.
    static func appendStems(of key: String, tables: RuleTables, into result: inout [Stem]) {
        var key = key
        key.withUTF8 { b in
            let n = b.count
            guard n > 0 else { return }
            // Byte offsets of the first three scalars and the count of all (the key is valid UTF-8).
            var o1 = n, o2 = n, scalars = 0
            for i in 0..<n where b[i] & 0xC0 != 0x80 {
                if scalars == 1 { o1 = i } else if scalars == 2 { o2 = i }
                scalars += 1
            }
            guard scalars >= 3 else { return }
            let s0 = RuleFolding.decodeScalar(b, at: 0).0
            guard tables.isProclitic(s0) else { return }
            let offsets = (0, o1, o2)
            func offset(_ k: Int) -> Int { k == 0 ? offsets.0 : k == 1 ? offsets.1 : offsets.2 }
            func add(_ from: Int) {
                guard scalars - from >= 2 else { return }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[offset(from)...]), as: UTF8.self)
                result.append(Stem(text: text, letters: from))
            }
            var start = 0
            if s0 == 0x648 || s0 == 0x641 {  // و ف
                add(1)
                start = 1
            }
            guard start + 2 < scalars else { return }
            let first = RuleFolding.decodeScalar(b, at: offset(start)).0
            guard tables.isProclitic(first), first == 0x628 || first == 0x644 || first == 0x643 else { return }  // ب ل ك
            if first == 0x644 && RuleFolding.decodeScalar(b, at: offset(start + 1)).0 == 0x644 {
                let text = "\u{627}" + String(decoding: UnsafeBufferPointer(rebasing: b[offset(start + 1)...]), as: UTF8.self)
                result.append(Stem(text: text, letters: start + 1))
            } else {
                add(start + 1)
            }
        }
    }

    /// The byte offset inside token `i` after its first `letters` letters (and their marks).
    func byteOffset(of i: Int, afterLetters letters: Int) -> Int {
        var offset = tokens[i].start
        let end = tokens[i].end
        var seen = 0
        bytes.withUnsafeBufferPointer { buffer in
            while offset < end {
                let (u, length) = RuleFolding.decodeScalar(buffer, at: offset)
                let isMark = RuleScalarClass.of(u) == .mark || u == 0x640
                if !isMark {
                    if seen == letters { break }
                    seen += 1
                }
                offset += length
            }
        }
        return offset
    }
}

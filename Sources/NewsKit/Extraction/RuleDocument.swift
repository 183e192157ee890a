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
                    stemList += RuleDocument.stems(of: token.key, proclitics: tables.proclitics)
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

    /// و/ف then ب/ل/ك stripped from a folded Arabic word; "لل" also read as ل + "ال".
    static func stems(of key: String, proclitics: Set<String>) -> [Stem] {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 3, proclitics.contains(String(scalars[0])) else { return [] }
        var result: [Stem] = []
        func add(_ from: Int) {
            let rest = scalars[from...]
            guard rest.count >= 2 else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: rest)
            result.append(Stem(text: String(view), letters: from))
        }
        var start = 0
        if scalars[0] == "و" || scalars[0] == "ف" {
            add(1)
            start = 1
        }
        if start + 2 < scalars.count, proclitics.contains(String(scalars[start])),
           scalars[start] == "ب" || scalars[start] == "ل" || scalars[start] == "ك" {
            if scalars[start] == "ل" && scalars[start + 1] == "ل" {
                var view = String.UnicodeScalarView()
                view.append("ا")
                view.append(contentsOf: scalars[(start + 1)...])
                result.append(Stem(text: String(view), letters: start + 1))
            } else {
                add(start + 1)
            }
        }
        return result
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

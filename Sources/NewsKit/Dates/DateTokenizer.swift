/// Splits UTF-8 text into date tokens in one pass over the bytes.
///
/// Words end at digits, so glued text splits where dates need it: "2024China" gives a number
/// and a word, "و16" a word and a number. CJK ideographs are one-scalar words because those
/// scripts put no spaces between words.
enum DateTokenizer {
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>,
        vocabulary: DateVocabulary?,
        folder: inout DateWordFolder,
        into tokens: inout [DateToken]
    ) {
        let table = DateScalarTable.shared
        let count = bytes.count
        var index = 0
        var gap = DateToken.Gap.none
        while index < count {
            let byte = bytes[index]
            var scalar: UInt32
            var length: Int
            var entry: UInt32
            if byte < 0x80 {
                scalar = UInt32(byte)
                length = 1
                entry = table.entry(for: scalar)
            } else {
                (scalar, length) = DateUTF8.decode(bytes, at: index, end: count)
                entry = table.entry(for: scalar)
            }
            switch DateScalarTable.scalarClass(entry) {
            case .space:
                if gap == .none { gap = .space }
                index += length
            case .newline:
                gap = .newline
                index += length
            case .ignorable:
                index += length
            case .digit:
                var value: Int64 = 0
                var digits = 0
                let script: DateToken.DigitScript =
                    scalar < 0x80 ? .ascii : (scalar >= 0x660 && scalar <= 0x669 ? .arabicIndic
                        : (scalar >= 0x6F0 && scalar <= 0x6F9 ? .persian : .other))
                let start = index
                while index < count {
                    let b = bytes[index]
                    let digitValue: UInt32
                    let step: Int
                    if b >= 0x30 && b <= 0x39 {
                        digitValue = UInt32(b - 0x30); step = 1
                    } else if b >= 0x80 {
                        let (s, l) = DateUTF8.decode(bytes, at: index, end: count)
                        let e = table.entry(for: s)
                        guard DateScalarTable.scalarClass(e) == .digit else { break }
                        digitValue = DateScalarTable.payload(e); step = l
                    } else {
                        break
                    }
                    if digits < 10 { value = value * 10 + Int64(digitValue) }
                    digits += 1
                    index += step
                }
                tokens.append(DateToken(
                    start: Int32(start), end: Int32(index), kind: .number, gapBefore: gap,
                    digits: UInt8(min(digits, 255)), digitScript: script, flags: 0,
                    value: digits > 9 ? -1 : Int32(value)))
                gap = .none
            case .ideograph:
                folder.reset()
                folder.appendScalar(scalar)
                tokens.append(word(start: index, end: index + length, gap: gap, flags: 0,
                                   folder: folder, vocabulary: vocabulary))
                index += length
                gap = .none
            case .letter:
                // Scans and folds in one pass (the same folding as `DateWordFolder.appendWord`).
                let start = index
                let flags: UInt8 = DateScalarTable.isUpper(entry) ? DateToken.capitalizedFlag : 0
                folder.reset()
                if scalar < 0x80 {
                    folder.appendByte(UInt8(scalar) | 0x20)
                    folder.countScalar()
                } else {
                    let folded = DateScalarTable.payload(entry)
                    if folded != 0 { folder.appendScalar(folded) }
                }
                index += length
                while index < count {
                    let b = bytes[index]
                    if b < 0x80 {
                        if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                            folder.appendByte(b | 0x20)
                            folder.countScalar()
                            index += 1
                            continue
                        }
                        if b == 0x27 && index + 1 < count && startsLetter(bytes, index + 1, table)
                            && !isPossessive(bytes, after: index + 1) {
                            folder.appendByte(0x27)
                            folder.countScalar()
                            index += 1
                            continue
                        }
                        break
                    }
                    let (s, l) = DateUTF8.decode(bytes, at: index, end: count)
                    if s == 0x2019 && index + l < count && startsLetter(bytes, index + l, table)
                        && !isPossessive(bytes, after: index + l) {
                        folder.appendByte(0x27)
                        folder.countScalar()
                        index += l
                        continue
                    }
                    let e = table.entry(for: s)
                    if DateScalarTable.scalarClass(e) != .letter { break }
                    let folded = DateScalarTable.payload(e)
                    if folded != 0 { folder.appendScalar(folded) }
                    index += l
                }
                tokens.append(word(start: start, end: index, gap: gap, flags: flags,
                                   folder: folder, vocabulary: vocabulary))
                gap = .none
            case .punct:
                tokens.append(DateToken(
                    start: Int32(index), end: Int32(index + length), kind: .punct, gapBefore: gap,
                    value: Int32(bitPattern: scalar == 0x2019 ? 0x27 : scalar)))
                index += length
                gap = .none
            }
        }
    }

    @inline(__always)
    private static func startsLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ table: DateScalarTable) -> Bool {
        let (s, _) = DateUTF8.decode(bytes, at: index, end: bytes.count)
        return DateScalarTable.scalarClass(table.entry(for: s)) == .letter
    }

    /// "today's", "Monday’s": the English possessive ends the word ("aujourd'hui" does not).
    @inline(__always)
    private static func isPossessive(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        guard bytes[index] | 0x20 == 0x73 else { return false }
        guard index + 1 < bytes.count else { return true }
        let next = bytes[index + 1]
        return next < 0x80 && !((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
    }

    @inline(__always)
    private static func word(
        start: Int, end: Int, gap: DateToken.Gap, flags: UInt8,
        folder: borrowing DateWordFolder, vocabulary: DateVocabulary?
    ) -> DateToken {
        var flags = flags
        var key: Int32 = -1
        var phraseLength: UInt8 = 0
        if let vocabulary {
            let found = vocabulary.lookup(folder)
            key = found.key
            if found.phraseLength > 1 {
                flags |= DateToken.phraseStartFlag
                phraseLength = UInt8(found.phraseLength)
            }
        }
        return DateToken(start: Int32(start), end: Int32(end), kind: .word, gapBefore: gap,
                         digits: phraseLength, flags: flags, value: key)
    }
}

extension DateTokenizer {
    /// Joins the words of multi-word names ("تشرين الأول", "ه.ش", "the day before yesterday")
    /// into one token, longest name first. Only tokens the tokenizer flagged as possible first
    /// words are tried.
    static func mergePhrases(
        _ bytes: UnsafeBufferPointer<UInt8>, vocabulary: DateVocabulary,
        folder: inout DateWordFolder, tokens: inout [DateToken]
    ) {
        let count = tokens.count
        guard var read = tokens.firstIndex(where: { $0.flags & DateToken.phraseStartFlag != 0 }) else { return }
        var write = read
        var wordIndices = [Int]()
        while read < count {
            let token = tokens[read]
            var merged = false
            if token.isWord && token.flags & DateToken.phraseStartFlag != 0 {
                let longest = Int(token.digits)
                wordIndices.removeAll(keepingCapacity: true)
                wordIndices.append(read)
                var next = read + 1
                while wordIndices.count < longest && next < count {
                    let candidate = tokens[next]
                    if candidate.gapBefore == .newline { break }
                    if candidate.isWord {
                        wordIndices.append(next)
                        next += 1
                        continue
                    }
                    // "ه.ش", "avant-hier", "Rab. I": one dot or hyphen may sit between words.
                    if candidate.kind == .punct && (candidate.isPunct(0x2E) || candidate.isPunct(0x2D)),
                       next + 1 < count, tokens[next + 1].isWord, tokens[next + 1].gapBefore != .newline,
                       tokens[next - 1].isWord {
                        next += 1
                        continue
                    }
                    break
                }
                if wordIndices.count > 1 {
                    for length in stride(from: wordIndices.count, through: 2, by: -1) {
                        folder.reset()
                        for (position, index) in wordIndices.prefix(length).enumerated() {
                            if position > 0 { folder.appendByte(0x20) }
                            folder.appendWord(bytes, tokens[index].byteRange)
                        }
                        let key = vocabulary.lookup(folder).key
                        guard key >= 0 else { continue }
                        let last = wordIndices[length - 1]
                        var joined = token
                        joined.end = tokens[last].end
                        joined.value = key
                        joined.flags = token.flags & DateToken.capitalizedFlag
                        joined.digits = 0
                        tokens[write] = joined
                        write += 1
                        read = last + 1
                        merged = true
                        break
                    }
                }
            }
            if !merged {
                tokens[write] = token
                write += 1
                read += 1
            }
        }
        tokens.removeLast(count - write)
    }
}

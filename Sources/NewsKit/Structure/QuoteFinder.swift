/// Finds quoted speech in article text and the speaker the text names for it:
/// “…,” alisema X / "…" said X / X said: "…" / وأضاف: "…" (the last named subject) /
/// قال X … "…" / X گفت: «…». Quotes with a speech verb need three words; without one, a
/// quote must read like a sentence (eight words or more) and gets no speaker.
struct QuoteFinder {
    let markers: MarkerSet
    let lang: String?

    /// A text longer than `window` is searched window by window: a window's tokens, folded copy
    /// and word index take about 17 bytes per byte of it.
    func quotes(in text: String) -> [Quote] {
        quotes(in: Substring(text))
    }

    func quotes(in text: Substring) -> [Quote] {
        var text = text
        var quotes = text.withUTF8 { raw in
            var quotes: [Quote] = []
            for window in TextWindows.windows(raw, size: Self.window) {
                for var quote in Work.quotes(in: UnsafeBufferPointer(rebasing: raw[window]), markers: markers, lang: lang) {
                    quote.first += window.lowerBound
                    quote.last += window.lowerBound
                    quotes.append(quote)
                }
            }
            return quotes
        }
        // The words as slices of the text (`Work` leaves them empty).
        let utf8 = text.utf8
        for i in quotes.indices {
            let start = utf8.index(utf8.startIndex, offsetBy: quotes[i].first - 1)
            let end = utf8.index(start, offsetBy: quotes[i].last - quotes[i].first + 1)
            quotes[i].textSlice = Substring(utf8[start..<end])
        }
        return quotes
    }

    /// Offsets within a window (at most `TextWindows.size`) kept in 32 bits: a window holds a
    /// token for every word and mark, and 24 bytes each instead of 40 is what bounds the
    /// memory of a long text's quote finding.
    /// 256 KiB, some twenty-five times the longest article of the sample corpus: speech and its
    /// speaker lie within a few paragraphs of each other.
    static let window = 1 << 18

    struct Token {
        private var offsets: (Int32, Int32, Int32, Int32)
        /// 0 for words, else the punctuation scalar.
        var punct: UInt32
        var capital: Bool
        var cased: Bool
        var isWord: Bool { punct == 0 }
        var fLo: Int { Int(offsets.0) }
        var fHi: Int { Int(offsets.1) }
        var rawLo: Int { Int(offsets.2) }
        var rawHi: Int { Int(offsets.3) }

        init(fLo: Int, fHi: Int, rawLo: Int, rawHi: Int, punct: UInt32, capital: Bool, cased: Bool) {
            offsets = (Int32(fLo), Int32(fHi), Int32(rawLo), Int32(rawHi))
            self.punct = punct
            self.capital = capital
            self.cased = cased
        }
    }

    struct Span {
        var open: Int      // raw offset of the opening quote mark
        var innerLo: Int
        var innerHi: Int
        var closeEnd: Int  // raw offset after the closing quote mark
        /// Speech after a verb and a colon, without quote marks ("اظهار داشت: …"): attributed
        /// only by what comes before it.
        var afterColon = false
    }

    /// One window's quote finding. The window is folded and tokenized once, and each token's
    /// speech verb looked up once, when the window has a quote mark or a colon: the attribution
    /// steps ask again and again about the same few tokens near each quote, and a window with
    /// many quotes asked the trie, the folded text and the allocator each time.
    final class Work {
        let raw: UnsafeBufferPointer<UInt8>
        let markers: MarkerSet
        let lang: String?
        let folded: StructureFolding.Folded
        /// `folded.bytes` in a buffer of its own, for the trie walks without copies or retains.
        let f: UnsafeMutableBufferPointer<UInt8>
        let tokens: [Token]
        /// Per token, the index in `verbs` of the speech verb starting at it, or -1.
        let verbAt: [Int32]
        /// A speech verb: its marker entry and its last token.
        let verbs: [(entry: Int32, last: Int32)]

        /// The window's quotes with their offsets in it; their words are left for `quotes(in:)`
        /// to take as slices of the text.
        static func quotes(in raw: UnsafeBufferPointer<UInt8>, markers: MarkerSet, lang: String?) -> [Quote] {
            let spans = quoteSpans(raw)
            // Persian reports speech after "گفت:" without quote marks; only text with a colon can have it.
            let colon = raw.contains(0x3A)
            guard !spans.isEmpty || colon else { return [] }
            return Work(raw: raw, markers: markers, lang: lang).run(spans: spans, colon: colon)
        }

        init(raw: UnsafeBufferPointer<UInt8>, markers: MarkerSet, lang: String?) {
            self.raw = raw
            self.markers = markers
            self.lang = lang
            let folded = StructureFolding.fold(raw, 0, raw.count)
            self.folded = folded
            let f = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, folded.bytes.count))
            _ = f.initialize(from: folded.bytes)
            self.f = UnsafeMutableBufferPointer(rebasing: f[0..<folded.bytes.count])
            let tokens = Self.tokenize(raw, folded, UnsafeBufferPointer(self.f))
            self.tokens = tokens
            (verbAt, verbs) = Self.speechVerbs(tokens, UnsafeBufferPointer(self.f), markers: markers, lang: lang)
        }

        deinit { f.deallocate() }

        func run(spans quoted: [Span], colon: Bool) -> [Quote] {
            var spans = quoted
            if colon {
                spans += colonSpans(besides: spans)
                guard !spans.isEmpty else { return [] }
            }
            enum Event { case verb(Int), quote(Span) }
            var events: [(Int, Event)] = []
            for k in tokens.indices where tokens[k].isWord {
                if verbAt[k] >= 0 { events.append((tokens[k].rawLo, .verb(k))) }
            }
            for s in spans { events.append((s.innerHi, .quote(s))) }
            events.sort { $0.0 < $1.0 }
            var last: String?
            var result: [Quote] = []
            for (_, event) in events {
                switch event {
                case .verb(let k):
                    if let subject = explicitSubject(ofVerbAt: k) { last = subject }
                case .quote(let span):
                    let words = Self.wordCount(raw, span.innerLo, span.innerHi)
                    let found = span.afterColon ? attributionBefore(span, last: last) ?? (false, nil) : attribution(span, last: last)
                    let attributed = found.0
                    var speaker = found.1
                    if let name = speaker, isNoName(name) { speaker = name == last ? nil : last }
                    if span.afterColon && !attributed { continue }
                    let sentence = words >= 8 && Self.containsPunctuation(raw, span.innerLo, span.innerHi)
                    guard (attributed && words >= 3) || sentence else { continue }
                    result.append(Quote(textSlice: "", speaker: attributed ? speaker : nil,
                                        first: span.innerLo + 1, last: span.innerHi))
                    if attributed, let speaker { last = speaker }
                }
            }
            return result
        }

        // MARK: tokens

        static func tokenize(_ raw: UnsafeBufferPointer<UInt8>, _ folded: StructureFolding.Folded,
                             _ fb: UnsafeBufferPointer<UInt8>) -> [Token] {
            var tokens: [Token] = []
            let n = fb.count
            var p = 0
            while p < n {
                let (v, len) = StructureFolding.decode(fb, p, n)
                if StructureFolding.isWordScalar(v) {
                    var q = p + len
                    while q < n {
                        let (w, l) = StructureFolding.decode(fb, q, n)
                        if StructureFolding.isWordScalar(w) { q += l; continue }
                        // Hyphens and apostrophes inside a word ("Jean-Paul", "aujourd'hui").
                        if (w == 0x2D || w == 0x27) && q + l < n
                            && StructureFolding.isWordScalar(StructureFolding.decode(fb, q + l, n).0) {
                            q += l; continue
                        }
                        break
                    }
                    let rawLo = folded.rawStart(p), rawHi = folded.rawEnd(q - 1, in: raw)
                    let first = StructureFolding.decode(raw, rawLo, raw.count).0
                    let capital: Bool, cased: Bool
                    if first < 0x80 {
                        capital = first >= 0x41 && first <= 0x5A
                        cased = capital || (first >= 0x61 && first <= 0x7A)
                    } else if first >= 0x0600 && first < 0x0800 || first >= 0x3000 {
                        capital = false; cased = false
                    } else {
                        let props = Unicode.Scalar(first)?.properties
                        capital = props?.isUppercase ?? false
                        cased = props?.changesWhenCaseMapped ?? false
                    }
                    tokens.append(Token(fLo: p, fHi: q, rawLo: rawLo, rawHi: rawHi, punct: 0,
                                        capital: capital, cased: cased))
                    p = q
                } else {
                    if v != 0x20 {
                        tokens.append(Token(fLo: p, fHi: p + len, rawLo: folded.rawStart(p),
                                            rawHi: folded.rawEnd(p + len - 1, in: raw), punct: v,
                                            capital: false, cased: false))
                    }
                    p += len
                }
            }
            return tokens
        }

        /// Each word's id, the same for equal folded words, and the positions of each id in
        /// order: built only when a name has to be found by recurrence.
        lazy var recurrence: (ids: [Int32], starts: [Int32], positions: [Int32]) = {
            var ids = [Int32](repeating: -1, count: tokens.count)
            var firstOf: [Int32] = []  // id -> its first token
            var capacity = 16
            while capacity < tokens.count * 2 { capacity <<= 1 }
            var table = [Int32](repeating: -1, count: capacity)  // slot -> id
            for k in tokens.indices where tokens[k].isWord {
                let (lo, hi) = (tokens[k].fLo, tokens[k].fHi)
                var slot = Int(truncatingIfNeeded: MarkerSet.wordHash(UnsafeBufferPointer(rebasing: f[lo..<hi]))) & (capacity - 1)
                while true {
                    let id = table[slot]
                    if id < 0 {
                        table[slot] = Int32(firstOf.count)
                        ids[k] = Int32(firstOf.count)
                        firstOf.append(Int32(k))
                        break
                    }
                    let t = tokens[Int(firstOf[Int(id)])]
                    if t.fHi - t.fLo == hi - lo && f[t.fLo..<t.fHi].elementsEqual(f[lo..<hi]) { ids[k] = id; break }
                    slot = (slot + 1) & (capacity - 1)
                }
            }
            var starts = [Int32](repeating: 0, count: firstOf.count + 1)
            for id in ids where id >= 0 { starts[Int(id) + 1] += 1 }
            for i in 0..<firstOf.count { starts[i + 1] += starts[i] }
            var fill = Array(starts.dropLast())
            var positions = [Int32](repeating: 0, count: Int(starts[firstOf.count]))
            for (k, id) in ids.enumerated() where id >= 0 {
                positions[Int(fill[Int(id)])] = Int32(k)
                fill[Int(id)] += 1
            }
            return (ids, starts, positions)
        }()

        func surface(_ from: Int, _ to: Int) -> String {
            let lo = tokens[from].rawLo, hi = tokens[to].rawHi
            return String(decoding: UnsafeBufferPointer(rebasing: raw[lo..<hi]), as: UTF8.self)
        }

        /// First token at or after a raw offset.
        func token(atOrAfter rawPos: Int) -> Int {
            var lo = 0, hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tokens[mid].rawLo < rawPos { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        // MARK: quote marks

        /// The closing marks for an opening quote mark, or nil.
        static func closers(_ v: UInt32) -> (UInt32, UInt32)? {
            switch v {
            case 0x22: return (0x22, 0x22)
            case 0xAB: return (0xBB, 0xBB)
            case 0x201C: return (0x201D, 0x201D)
            case 0x201E: return (0x201C, 0x201D)
            case 0x2039: return (0x203A, 0x203A)
            case 0x300C: return (0x300D, 0x300D)
            case 0x300E: return (0x300F, 0x300F)
            default: return nil
            }
        }

        /// A pronoun ("he", "وی") or a weekday or relative day ("Jumatatu", "Monday", "today")
        /// is no speaker's name.
        func isNoName(_ name: String) -> Bool {
            guard let first = name.split(separator: " ").first else { return true }
            let folded = StructureFolding.fold(String(first))
            if markers.exactEntry(folded, lang: lang, { $0.kind == .pronoun }) != nil { return true }
            // Only the text's own words for days: "Anna" is a weekday name somewhere.
            if let lang, let date = DateParser(languages: [lang]).parse(String(first), lang: lang),
               date.weekday != nil || date.relative { return true }
            return false
        }

        /// Speech after a speech verb and a colon with no quote mark after it, to the end of the
        /// paragraph: "وی اظهار داشت: …", "X said: …" (the verb's own subject is the speaker).
        /// Speech after a speech verb and a colon runs to the end of its line, or, where another
        /// such speech starts on the same line, to the last sentence end before that one's verb: one
        /// stretch of text is one quote, and a text without line breaks is not read again from
        /// every colon to its end.
        func colonSpans(besides quoted: [Span]) -> [Span] {
            var spans: [Span] = []
            var verbStarts: [Int] = []
            let n = raw.count
            var lineEnd = -1
            for c in tokens.indices where tokens[c].punct == 0x3A && c > 0 {
                var verb: Int?
                for k in stride(from: c - 1, through: max(0, c - 3), by: -1) where tokens[k].isWord {
                    if let (_, end) = verbEnd(at: k), end == c - 1 { verb = k; break }
                }
                guard let verb else { continue }
                var lo = tokens[c].rawHi
                while lo < n && (raw[lo] == 0x20 || raw[lo] == 0x09) { lo += 1 }
                guard lo < n, raw[lo] != 0x0A else { continue }
                let (v, _) = StructureFolding.decode(raw, lo, n)
                if v == 0x22 || v == 0x27 || Self.closers(v) != nil { continue }
                if lineEnd < lo {
                    lineEnd = lo
                    while lineEnd < n && raw[lineEnd] != 0x0A { lineEnd += 1 }
                }
                var hi = lineEnd
                let end = hi
                while hi > lo && (raw[hi - 1] == 0x20 || raw[hi - 1] == 0x0D) { hi -= 1 }
                guard hi > lo, !quoted.contains(where: { $0.open < end && $0.closeEnd > lo }) else { continue }
                spans.append(Span(open: tokens[c].rawLo, innerLo: lo, innerHi: hi, closeEnd: end, afterColon: true))
                verbStarts.append(tokens[verb].rawLo)
            }
            for i in spans.indices.dropLast() where spans[i].closeEnd > verbStarts[i + 1] {
                let limit = max(spans[i].innerLo, verbStarts[i + 1])
                var hi = limit
                while hi > spans[i].innerLo && !Self.endsSentence(raw, before: hi) { hi -= 1 }
                if hi == spans[i].innerLo { hi = limit }
                while hi > spans[i].innerLo && (raw[hi - 1] == 0x20 || raw[hi - 1] == 0x0D) { hi -= 1 }
                spans[i].innerHi = hi
                spans[i].closeEnd = hi
            }
            return spans.filter { $0.innerHi > $0.innerLo }
        }

        /// Whether the scalar before raw offset `i` ends a sentence: . ! ? or ؟ (U+061F).
        static func endsSentence(_ raw: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
            let b = raw[i - 1]
            return b == 0x2E || b == 0x21 || b == 0x3F || (b == 0x9F && i >= 2 && raw[i - 2] == 0xD8)
        }

        static func quoteSpans(_ raw: UnsafeBufferPointer<UInt8>) -> [Span] {
            var spans: [Span] = []
            var i = 0
            let n = raw.count
            // Where a failed search for a closing mark ended, per opening mark: a later opening
            // mark of the same kind before that point cannot succeed (keeps the scan linear).
            var failedUntil: [UInt32: Int] = [:]
            while i < n {
                // Swahili pages write quotes between two apostrophes: ''Tutashinda,'' alisema.
                if raw[i] == 0x27, i + 1 < n, raw[i + 1] == 0x27 {
                    var j = i + 2
                    var close: Int?
                    while j + 1 < n {
                        if raw[j] == 0x0A && raw[j + 1] == 0x0A { break }
                        if raw[j] == 0x27 && raw[j + 1] == 0x27 { close = j; break }
                        j += 1
                    }
                    guard let close else { i = j; continue }
                    var lo = i + 2, hi = close
                    while lo < hi && raw[lo] == 0x20 { lo += 1 }
                    while hi > lo && raw[hi - 1] == 0x20 { hi -= 1 }
                    if lo < hi { spans.append(Span(open: i, innerLo: lo, innerHi: hi, closeEnd: close + 2)) }
                    i = close + 2
                    continue
                }
                let (v, len) = StructureFolding.decode(raw, i, n)
                guard v == 0x22 || v >= 0xAB, let closers = closers(v) else { i += len; continue }
                if let limit = failedUntil[v], i < limit { i += len; continue }
                var j = i + len
                var found: (Int, Int)?
                while j < n {
                    if raw[j] == 0x0A && j + 1 < n && raw[j + 1] == 0x0A { break }
                    let (w, l) = StructureFolding.decode(raw, j, n)
                    if w == closers.0 || w == closers.1 { found = (j, l); break }
                    j += l
                }
                guard let (close, closeLen) = found else { failedUntil[v] = j; i += len; continue }
                var lo = i + len, hi = close
                while lo < hi && (raw[lo] == 0x20 || raw[lo] == 0xC2 && lo + 1 < hi && raw[lo + 1] == 0xA0) {
                    lo += raw[lo] == 0x20 ? 1 : 2
                }
                while hi > lo && raw[hi - 1] == 0x20 { hi -= 1 }
                if lo < hi { spans.append(Span(open: i, innerLo: lo, innerHi: hi, closeEnd: close + closeLen)) }
                i = close + closeLen
            }
            return spans
        }

        static func wordCount(_ raw: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
            var words = 0, inWord = false
            var i = lo
            while i < hi {
                let (v, len) = StructureFolding.decode(raw, i, hi)
                let w = StructureFolding.isWordScalar(v)
                if w && !inWord { words += 1 }
                inWord = w
                i += len
            }
            return words
        }

        static func containsPunctuation(_ raw: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
            var i = lo
            while i < hi {
                let b = raw[i]
                if b == 0x2E || b == 0x2C || b == 0x21 || b == 0x3F { return true }
                if b == 0xD8 && i + 1 < hi && (raw[i + 1] == 0x8C || raw[i + 1] == 0x9F) { return true }  // ، ؟
                i += 1
            }
            return false
        }

        // MARK: verbs and names

        /// The speech verb starting at each token (a proclitic like "و" may be glued in front).
        static func speechVerbs(_ tokens: [Token], _ f: UnsafeBufferPointer<UInt8>, markers: MarkerSet,
                                lang: String?) -> ([Int32], [(entry: Int32, last: Int32)]) {
            var verbAt = [Int32](repeating: -1, count: tokens.count)
            var verbs: [(entry: Int32, last: Int32)] = []
            let firstWords = WordHashes(markers.speechVerbFirstWords)
            let entries = markers.entries, trie = markers.trie
            let procliticBit = MarkerKind.proclitic.bit
            // The language's proclitics, one after another in `procliticBytes`; made when a word
            // may start with one.
            var procliticBytes: [UInt8] = [], procliticEnds: [Int] = []
            var procliticsMade = false
            // Where the verb may start: the word itself, or after a proclitic. Written by index
            // into room made once: the loop runs for every token of the window.
            var starts = [Int](repeating: 0, count: 1)
            markers.firstByteKinds.withUnsafeBufferPointer { firstByteKinds in
            tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices {
                    let t = tokens[k]
                    var startCount = 0
                    let word = UnsafeBufferPointer(rebasing: f[t.fLo..<t.fHi])
                    if firstWords.contains(MarkerSet.wordHash(word)) { starts[0] = t.fLo; startCount = 1 }
                    if firstByteKinds[Int(f[t.fLo])] & procliticBit != 0 {
                        if !procliticsMade {
                            procliticsMade = true
                            for e in entries where e.kind == .proclitic && markers.applies(e, lang: lang) {
                                procliticBytes += e.folded
                                procliticEnds.append(procliticBytes.count)
                            }
                            starts += [Int](repeating: 0, count: procliticEnds.count)
                        }
                        var lo = 0
                        for hi in procliticEnds {
                            defer { lo = hi }
                            let count = hi - lo
                            guard t.fHi - t.fLo > count + 2,
                                  UnsafeBufferPointer(rebasing: f[t.fLo..<(t.fLo + count)]).elementsEqual(procliticBytes[lo..<hi]),
                                  firstWords.contains(MarkerSet.wordHash(word.dropFirst(count))) else { continue }
                            starts[startCount] = t.fLo + count
                            startCount += 1
                        }
                    }
                    guard startCount > 0 else { continue }
                    var best: (entry: Int, end: Int)?
                    for s in starts[0..<startCount] {
                        trie.matches(f, at: s, upTo: f.count) { e, end in
                            guard entries[e].kind == .speechVerb, markers.applies(entries[e], lang: lang) else { return }
                            guard end == f.count || !StructureFolding.isWord(at: end, in: f) else { return }
                            if best == nil || end > best!.end { best = (e, end) }
                        }
                        if best != nil { break }
                    }
                    guard let (entry, end) = best else { continue }
                    var last = k
                    while last + 1 < tokens.count && tokens[last + 1].fLo < end { last += 1 }
                    verbAt[k] = Int32(verbs.count)
                    verbs.append((Int32(entry), Int32(last)))
                }
            }}
            return (verbAt, verbs)
        }

        /// The speech verbs' first-word hashes, open-addressed on the hash's own bits: asked for
        /// every token, where `Set<UInt64>` would hash each hash again. A buffer of its own, so
        /// that a look-up retains nothing.
        final class WordHashes {
            private let slots: UnsafeMutableBufferPointer<UInt64>
            private let mask: Int
            /// 0 marks an empty slot, so a hash of 0 is kept aside.
            private let hasZero: Bool

            init(_ hashes: Set<UInt64>) {
                var capacity = 16
                while capacity < hashes.count * 2 { capacity <<= 1 }
                slots = .allocate(capacity: capacity)
                slots.initialize(repeating: 0)
                mask = capacity - 1
                hasZero = hashes.contains(0)
                for h in hashes where h != 0 {
                    var i = Int(truncatingIfNeeded: h) & mask
                    while slots[i] != 0 { i = (i + 1) & mask }
                    slots[i] = h
                }
            }

            deinit { slots.deallocate() }

            @inline(__always)
            func contains(_ h: UInt64) -> Bool {
                guard h != 0 else { return hasZero }
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = slots[i]
                    if slot == h { return true }
                    if slot == 0 { return false }
                    i = (i + 1) & mask
                }
            }
        }

        /// The speech verb starting at token k: its entry's options and the index of its last token.
        @inline(__always)
        func verbEnd(at k: Int) -> (options: MarkerOptions, last: Int)? {
            let v = verbAt[k]
            guard v >= 0 else { return nil }
            let verb = verbs[Int(v)]
            return (markers.entries[Int(verb.entry)].options, Int(verb.last))
        }

        func isKind(_ k: Int, _ kind: MarkerKind) -> Bool {
            guard k >= 0 && k < tokens.count, tokens[k].isWord else { return false }
            return markers.hasExactEntry(UnsafeBufferPointer(f), tokens[k].fLo, tokens[k].fHi, lang: lang, kind: kind)
        }

        /// Lower-case words inside a name ("bin", "van der"), as folded bytes.
        static let particles: [[UInt8]] = ["bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "la", "le"]
            .map { Array($0.utf8) }

        func isParticle(_ k: Int) -> Bool {
            let word = UnsafeBufferPointer(rebasing: f[tokens[k].fLo..<tokens[k].fHi])
            return Self.particles.contains { $0.elementsEqual(word) }
        }

        /// Capitalised run starting at token k going forward (or ending at k going backward).
        func capitalRun(from k: Int, forward: Bool) -> String? {
            var first = k, last = k
            guard k >= 0, k < tokens.count, tokens[k].isWord, tokens[k].capital else { return nil }
            var count = 1
            var j = k
            while count < 5 {
                j += forward ? 1 : -1
                guard j >= 0, j < tokens.count, tokens[j].isWord else { break }
                if tokens[j].capital {
                    count += 1
                    if forward { last = j } else { first = j }
                } else if isParticle(j) {
                    continue
                } else {
                    break
                }
            }
            return surface(first, last)
        }

        /// For scripts without capitals: one to four words, the longest that recurs in the text.
        func recurringName(from k: Int, forward: Bool) -> String? {
            var words: [Int] = []
            var j = k
            while words.count < 4, j >= 0, j < tokens.count, tokens[j].isWord,
                  !isKind(j, .nameStop), !isKind(j, .pronoun), verbEnd(at: j) == nil {
                words.append(j)
                j += forward ? 1 : -1
            }
            guard !words.isEmpty else { return nil }
            if !forward { words.reverse() }
            // A word next to the verb that recurs is a name on its own ("نعيم", "ماكرون");
            // otherwise it is likely a title, and the whole short run is the speaker.
            let near = forward ? words[0] : words[words.count - 1]
            guard occurrences([near][...]) >= 2 else {
                let run = forward ? Array(words.prefix(3)) : Array(words.suffix(3))
                return surface(run.first!, run.last!)
            }
            var best = (near, near)
            if forward {
                for n in stride(from: words.count, to: 1, by: -1) where occurrences(words.prefix(n)) >= 2 {
                    best = (words[0], words[n - 1]); break
                }
            } else {
                for n in stride(from: words.count, to: 1, by: -1) where occurrences(words.suffix(n)) >= 2 {
                    best = (words[words.count - n], words[words.count - 1]); break
                }
            }
            return surface(best.0, best.1)
        }

        /// How often the words `seq` (consecutive tokens) recur in this order in the window.
        func occurrences(_ seq: ArraySlice<Int>) -> Int {
            let (ids, starts, positions) = recurrence
            let first = Int(ids[seq[seq.startIndex]])
            var count = 0
            for p in Int(starts[first])..<Int(starts[first + 1]) {
                let start = Int(positions[p])
                var ok = true
                for (offset, k) in seq.enumerated().dropFirst() {
                    let j = start + offset
                    if j >= tokens.count || ids[j] != ids[k] { ok = false; break }
                }
                if ok { count += 1 }
            }
            return count
        }

        /// The name the text gives right after position k (verb-subject order).
        /// In cased scripts up to two lowercase words (a title: "the mayor", "мэр") may come first.
        func nameAfter(_ k: Int) -> String? {
            guard k < tokens.count, tokens[k].isWord else { return nil }
            guard tokens[k].cased else { return recurringName(from: k, forward: true) }
            var j = k
            while j < k + 3, j < tokens.count, tokens[j].isWord {
                if tokens[j].capital { return capitalRun(from: j, forward: true) }
                if isKind(j, .pronoun) { return nil }
                j += 1
            }
            return nil
        }

        func nameBefore(_ k: Int) -> String? {
            guard k >= 0, tokens[k].isWord else { return nil }
            if tokens[k].cased { return capitalRun(from: k, forward: false) }
            return recurringName(from: k, forward: false)
        }

        /// The subject a speech verb names itself (not a pronoun), for "last named subject".
        func explicitSubject(ofVerbAt k: Int) -> String? {
            guard let (options, last) = verbEnd(at: k) else { return nil }
            if options.contains(.vso) { return nameAfter(last + 1) }
            if options.contains(.sov) { return subjectBefore(k) }
            if let name = capitalBefore(k) { return name }
            return k + 1 < tokens.count && tokens[k + 1].capital ? nameAfter(last + 1) : nil
        }

        /// Subject-object-verb: the words before the verb, skipping an appositive set off by
        /// commas ("X، رئیس اتحادیه، گفت").
        func subjectBefore(_ k: Int) -> String? {
            var j = k - 1
            if j >= 0, !tokens[j].isWord, tokens[j].punct == 0x2C {
                var m = j - 1
                while m >= 0, m > j - 10, tokens[m].isWord { m -= 1 }
                guard m >= 0, m > j - 10, !tokens[m].isWord, tokens[m].punct == 0x2C else { return nil }
                j = m - 1
            }
            guard j >= 0, tokens[j].isWord, !isKind(j, .pronoun) else { return nil }
            return nameBefore(j)
        }

        func capitalBefore(_ k: Int) -> String? {
            guard k > 0, tokens[k - 1].isWord, tokens[k - 1].capital else { return nil }
            return capitalRun(from: k - 1, forward: false)
        }

        // MARK: attribution of one quote

        func attribution(_ span: Span, last: String?) -> (Bool, String?) {
            let after = token(atOrAfter: span.closeEnd)
            if let found = attributionAfter(after, span: span, last: last) { return found }
            return attributionBefore(span, last: last) ?? (false, nil)
        }

        /// “…,” alisema X / "…" said X / "…," X said / "…," he said / "…", dedi.
        func attributionAfter(_ start: Int, span: Span, last: String?) -> (Bool, String?)? {
            var k = start
            while k < tokens.count, !tokens[k].isWord,
                  Self.joinsQuoteToVerb(tokens[k].punct) { k += 1 }
            guard k < tokens.count, tokens[k].isWord, tokens[k].rawLo - span.closeEnd < 12 else { return nil }
            if let (options, end) = verbEnd(at: k) {
                if let name = nameAfter(end + 1), !isKind(end + 1, .pronoun) { return (true, name) }
                if options.contains(.sov) || isKind(end + 1, .pronoun) || end + 1 >= tokens.count
                    || !tokens[end + 1].isWord {
                    return (true, nameBeforeQuote(span) ?? last)
                }
                return (true, last)
            }
            // "…," Putin said / "…," he said / ''…,'' baba mkwe wa Mutua Josephat Ngila Ndeti alisema
            var j = k
            while j < tokens.count && j < k + 8 && tokens[j].isWord {
                if verbEnd(at: j) != nil {
                    if j == k + 1 && isKind(k, .pronoun) { return (true, last) }
                    if tokens[k].capital, j <= k + 5, let name = capitalRun(from: k, forward: true) { return (true, name) }
                    // A description before the name ("the father-in-law of X"): the name next to the verb.
                    if j > k + 1, tokens[j - 1].capital, let name = capitalRun(from: j - 1, forward: false) { return (true, name) }
                    return nil
                }
                j += 1
            }
            return nil
        }

        /// A comma or dash between a closing quote and its verb ("…," said X / "…" — X said).
        static func joinsQuoteToVerb(_ punct: UInt32) -> Bool {
            punct == 0x2C || punct == 0x2D || punct == 0x2013 || punct == 0x2014
        }

        /// A sentence end or an earlier quote's close: the speech before a quote stops there.
        static func endsAttributionSearch(_ punct: UInt32) -> Bool {
            switch punct {
            case 0x2E, 0x21, 0x3F, 0x061F, 0x22, 0x201D, 0xBB: return true
            default: return false
            }
        }

        func nameBeforeQuote(_ span: Span) -> String? {
            var k = token(atOrAfter: span.open) - 1
            while k >= 0, !tokens[k].isWord, tokens[k].punct == 0x2C || tokens[k].punct == 0x3A { k -= 1 }
            guard k >= 0, tokens[k].isWord, tokens[k].capital else { return nil }
            return capitalRun(from: k, forward: false)
        }

        /// X said: "…" / وأضاف: "…" / ودعا شي … "…" / پوتین گفت: «…».
        func attributionBefore(_ span: Span, last: String?) -> (Bool, String?)? {
            let open = token(atOrAfter: span.open)
            var k = open - 1
            var seen = 0
            while k >= 0 && seen < 16 {
                let t = tokens[k]
                if !t.isWord {
                    if Self.endsAttributionSearch(t.punct) { return nil }
                    k -= 1
                    continue
                }
                seen += 1
                if let (options, end) = verbEnd(at: k), end < open {
                    if options.contains(.vso) {
                        if end + 1 < open, tokens[end + 1].isWord, !isKind(end + 1, .pronoun),
                           let name = nameAfter(end + 1) { return (true, name) }
                        return (true, last)
                    }
                    if options.contains(.sov) { return (true, subjectBefore(k) ?? last) }
                    if let name = capitalBefore(k) { return (true, name) }
                    if end + 1 < open, tokens[end + 1].capital, let name = nameAfter(end + 1) { return (true, name) }
                    return (true, last)
                }
                k -= 1
            }
            return nil
        }
    }
}

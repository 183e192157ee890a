// Splitting a line into the parts scrapers glue together: a date stuck to the first
// sentence ("3 July 2024China and..."), a photo credit stuck to its caption
// ("...in 2023.Photo: X", "... Copyright Reuters"), navigation words run together.

extension ArticleParser.Run {
    func segmentLines() {
        // Most lines are one segment, a few two or three: room for an eighth more, rather than
        // growth by doubling (a 100 MB article's 144k segments took room for 262k, 84 MB).
        segments.reserveCapacity(lines.count + lines.count / 8 + 8)
        for index in lines.indices {
            let line = lines[index]
            if let nav = navigationLine(index) {
                segments.append(nav)
                continue
            }
            var lo = line.lo
            if let placeEnd = leadingPlaceDateline(index) {
                var place = ArticleParser.Segment(lo: lo, hi: placeEnd, line: index)
                place.kind = .dateline
                place.rule = "dateline-place"
                segments.append(place)
                lo = trimmed(placeEnd, line.hi).0
                if lo >= line.hi { continue }
            }
            if lo == line.lo, let (dateEnd, mention) = leadingDate(index) {
                var date = ArticleParser.Segment(lo: lo, hi: dateEnd, line: index)
                date.kind = .dateline
                date.rule = "dateline-glued"
                date.date = mention
                segments.append(date)
                let (restLo, _) = trimmed(dateEnd, line.hi)
                lo = restLo
                if lo >= line.hi { continue }
            }
            if let tail = boilerplateTail(index, from: lo) {
                let (headLo, headHi) = trimmed(lo, tail.lo)
                var head = ArticleParser.Segment(lo: headLo, hi: headHi, line: index)
                if lo != line.lo { head.afterGluedDate = true }
                segments.append(head)
                var notice = ArticleParser.Segment(lo: tail.lo, hi: line.hi, line: index)
                notice.kind = .boilerplate
                notice.rule = "boilerplate-tail"
                notice.marker = tail.marker
                notice.markerKind = .boilerplate
                segments.append(notice)
                continue
            }
            let parts = splitCredit(index, from: lo)
            for (k, part) in parts.enumerated() {
                var s = ArticleParser.Segment(lo: part.lo, hi: part.hi, line: index)
                if k == 0 && lo != line.lo { s.afterGluedDate = true }
                if let credit = part.credit {
                    s.kind = .credit
                    s.rule = "credit-glued"
                    s.marker = string(part.lo, credit.markerEnd)
                    s.markerKind = .credit
                    s.contentLo = credit.contentLo
                }
                segments.append(s)
            }
        }
    }

    // MARK: matching helpers shared by the classifiers

    /// Entries that match at folded position `p` of `line`, with the folded end of each match.
    /// `boundary` requires the match to end at a word boundary (or with punctuation).
    func matches(_ line: Int, at p: Int, limit: Int, boundary: Bool = true,
                 _ accept: (MarkerSet.Entry) -> Bool) -> [(entry: Int, end: Int)] {
        withFolded(line) { matches($0.bytes, at: p, limit: limit, boundary: boundary, in: markers.trie, accept) }
    }

    /// The same in folded bytes `f`, walking `trie` (the marker set's or a subset of it).
    @inline(__always)
    func matches(_ f: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int, boundary: Bool = true,
                 in trie: MarkerTrie, _ accept: (MarkerSet.Entry) -> Bool) -> [(entry: Int, end: Int)] {
        var found: [(Int, Int)] = []
        trie.matches(f, at: p, upTo: limit) { e, end in
            let entry = markers.entries[e]
            guard accept(entry), markers.applies(entry, lang: lang) else { return }
            if boundary && end < limit, let last = entry.folded.last {
                let lastIsWord = last >= 0x80 || StructureFolding.isWordScalar(UInt32(last))
                if lastIsWord && StructureFolding.isWord(at: end, in: f) { return }
            }
            if entry.options.contains(.colon) {
                var q = end
                while q < limit && f[q] == 0x20 { q += 1 }
                guard q < limit && f[q] == 0x3A else { return }
            }
            found.append((e, end))
        }
        return found
    }

    /// Position after separators (spaces and punctuation such as `: - – , • |`) from `p`.
    func skipSeparators(_ line: Int, from p: Int, limit: Int) -> Int {
        withFolded(line) { Self.skipSeparators($0.bytes, from: p, limit: limit) }
    }

    static func skipSeparators(_ f: UnsafeBufferPointer<UInt8>, from p: Int, limit: Int) -> Int {
        var p = p
        while p < limit {
            let b = f[p]
            if b < 0x80 {
                if b == 0x20 || b == 0x3A || b == 0x2D || b == 0x2C || b == 0x7C || b == 0x3B || b == 0x2E
                    || b == 0x2F || b == 0x3D || b == 0x3E || b == 0x29 || b == 0x2A || b == 0x5D {
                    p += 1; continue
                }
                return p
            }
            let (v, len) = StructureFolding.decode(f, p, limit)
            switch v {
            case 0x2022, 0x00B7, 0x2013, 0x2014, 0x2015, 0x2010, 0x2011, 0x2012, 0xFF1A, 0x3001, 0x00BB, 0x203A,
                 0x25BA, 0x25B6, 0x2192, 0x00A6, 0xFF5C:
                p += len
            default:
                return p
            }
        }
        return p
    }

    /// Whether the folded position starts a word (start of line or after a non-word scalar).
    func atWordStart(_ line: Int, _ p: Int) -> Bool {
        if p == 0 { return true }
        return withFolded(line) { Self.atWordStart($0.bytes, p) }
    }

    @inline(__always)
    static func atWordStart(_ f: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        if p == 0 { return true }
        let prev = StructureFolding.previousScalarStart(f, p)
        return !StructureFolding.isWord(at: prev, in: f)
    }

    func rawStart(_ line: Int, _ f: Int) -> Int {
        withFolded(line) { $0.rawStart(f) }
    }

    func rawEnd(_ line: Int, _ f: Int) -> Int {
        withFolded(line) { $0.rawEnd(f, in: bytes) }
    }

    // MARK: navigation runs

    /// A line made only of navigation/share words and boilerplate phrases, possibly glued
    /// ("Newsأخبارفيديو", "Share this storyPrint").
    func navigationLine(_ line: Int) -> ArticleParser.Segment? {
        let f = folded(line).bytes
        let n = f.count
        guard n <= 160 else { return nil }
        var reach = [Int](repeating: -1, count: n + 1)  // tokens used to reach each position
        reach[0] = 0
        var wholePhrase: Int?
        f.withUnsafeBufferPointer { fb in
            var p = 0
            while p < n {
                defer { p += 1 }
                guard reach[p] >= 0, fb[p] & 0xC0 != 0x80 else { continue }
                let (v, len) = StructureFolding.decode(fb, p, n)
                if !StructureFolding.isWordScalar(v) {
                    if reach[p + len] < 0 || reach[p + len] > reach[p] { reach[p + len] = reach[p] }
                    continue
                }
                markers.trie.matches(fb, at: p, upTo: n) { e, end in
                    let entry = markers.entries[e]
                    guard entry.kind == .nav || (entry.kind == .boilerplate && !entry.options.contains(.prefix)
                                                  && !entry.options.contains(.contains)),
                          markers.applies(entry, lang: lang) else { return }
                    if p == 0 && end == n { wholePhrase = e }
                    if reach[end] < 0 || reach[end] > reach[p] + 1 { reach[end] = reach[p] + 1 }
                }
            }
        }
        guard reach[n] >= 1, reach[n] <= 10 else { return nil }
        var s = ArticleParser.Segment(lo: lines[line].lo, hi: lines[line].hi, line: line)
        s.kind = .boilerplate
        if let e = wholePhrase {
            let entry = markers.entries[e]
            s.rule = entry.kind == .nav ? "nav" : "boilerplate"
            s.marker = string(lines[line].lo, lines[line].hi)
            s.markerKind = entry.kind
            s.markerOptions = entry.options
        } else {
            s.rule = "nav"
        }
        return s
    }

    // MARK: dates glued in front

    /// A date at the very start of the line that is glued to the text after it, set off by
    /// a dash or bar, or alone on the line. Returns the raw end of the date and the mention.
    func leadingDate(_ line: Int) -> (Int, DateMention)? {
        let f = folded(line).bytes
        let n = f.count
        guard n > 0 else { return nil }
        var candidates: [Int] = []  // folded ends of the date candidate
        if n <= 64 { candidates.append(n) }
        let window = min(n, 64)
        var i = 1
        while i < window && candidates.count < 4 {
            let b = f[i]
            if f[i - 1] >= 0x30 && f[i - 1] <= 0x39 && (b >= 0x80 || (b >= 0x61 && b <= 0x7A))
                && f.withUnsafeBufferPointer({ StructureFolding.isWord(at: i, in: $0) }) {
                candidates.append(i)
            }
            if b == 0x20 && i + 2 < n && (f[i + 1] == 0x2D || f[i + 1] == 0x7C || f[i + 1] == 0xE2) {
                candidates.append(i)
            }
            i += 1
        }
        guard candidates.contains(where: { c in f[0..<c].contains { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        for end in candidates {
            guard f[0..<end].contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                  wordCount(f[0..<end]) <= 7 else { continue }
            let rawLo = lines[line].lo
            let rawHi = rawEnd(line, end)
            let text = string(rawLo, rawHi)
            guard let m = dates.parse(text, lang: lang), m.start.month != nil, !m.iso.isEmpty else { continue }
            let covered = m.utf8Range.upperBound - m.utf8Range.lowerBound
            let significant = text.utf8.count
            guard m.utf8Range.upperBound >= significant - 2, covered * 10 >= significant * 6 else { continue }
            if end < n {
                // What follows the date must be glued (no space) or set off by a separator.
                let glued = f[end] != 0x20
                let separated = end + 1 < n && (f[end + 1] == 0x2D || f[end + 1] == 0x7C || f[end + 1] == 0xE2)
                guard glued || separated else { continue }
            }
            var mention = m
            mention.utf8Range = (m.utf8Range.lowerBound + rawLo)..<(m.utf8Range.upperBound + rawLo)
            return (rawHi, mention)
        }
        return nil
    }

    // MARK: notices glued at the end

    /// A site's notice run on after the story on its last line ("... to name a few. AFM/MQ/MG All
    /// Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0
    /// International License."): the sentence holding a boilerplate phrase marked `contains`,
    /// within the line's last 400 bytes, is boilerplate from its start to the line's end. Short
    /// lines are left to `classifyByContent`.
    func boilerplateTail(_ line: Int, from rawLo: Int) -> (lo: Int, marker: String)? {
        let trie = markers.containedBoilerplate
        return withFolded(line) { folded in
            let f = folded.bytes
            let n = f.count
            let start = folded.index(ofRaw: rawLo)
            guard n - start > 200 else { return nil }
            var p = max(start + 1, n - 400)
            while p < n {
                defer { p += 1 }
                guard trie.mayStart(f[p]), Self.atWordStart(f, p) else { continue }
                let found = matches(f, at: p, limit: n, in: trie) { _ in true }
                guard let best = found.max(by: { $0.end < $1.end }) else { continue }
                let phraseRaw = folded.rawStart(p)
                guard let q = sentenceStart(before: phraseRaw, from: rawLo, words: 15),
                      Self.wordCount(UnsafeBufferPointer(rebasing: f[folded.index(ofRaw: q)..<n])) <= 40 else { return nil }
                return (q, string(phraseRaw, folded.rawEnd(best.end, in: bytes)))
            }
            return nil
        }
    }

    /// The start of the sentence holding raw offset `end`: after the nearest sentence end
    /// (. ! ? a closing bracket or quote mark, then spaces, no-break spaces included), at most
    /// `words` words back; nil when there is none that near.
    func sentenceStart(before end: Int, from lo: Int, words: Int) -> Int? {
        var q = end, seen = 0
        while q > lo {
            var w = q
            while w > lo {
                if bytes[w - 1] == 0x20 { w -= 1 } else if w - 2 >= lo && bytes[w - 2] == 0xC2 && bytes[w - 1] == 0xA0 { w -= 2 } else { break }
            }
            if w < q {
                guard w > lo else { return nil }
                let b = bytes[w - 1]
                if [0x2E, 0x21, 0x3F, 0x29, 0x22, 0x27].contains(b) { return q }
                // ” ’ » (E2 80 9D, E2 80 99, C2 BB)
                if w >= lo + 3 && bytes[w - 3] == 0xE2 && bytes[w - 2] == 0x80 && (b == 0x9D || b == 0x99) { return q }
                if w >= lo + 2 && bytes[w - 2] == 0xC2 && b == 0xBB { return q }
                seen += 1
                if seen > words { return nil }
                q = w
            }
            q -= 1
            while q > lo && bytes[q] & 0xC0 == 0x80 { q -= 1 }
        }
        return nil
    }

    // MARK: wire datelines

    /// "TEHRAN –", "WASHINGTON (AP) —", "NEW DELHI (AFP) -" opening a line: a place written in
    /// capitals, an agency in brackets, a dash and the story. Returns the raw end of the dash.
    func leadingPlaceDateline(_ line: Int) -> Int? {
        let lo = lines[line].lo, hi = lines[line].hi
        var p = lo, letters = 0
        while p < hi && p - lo <= 40 {
            let b = bytes[p]
            if b >= 0x41 && b <= 0x5A { letters += 1; p += 1; continue }
            if (b == 0x20 || b == 0x2E || b == 0x27) && letters > 0 { p += 1; continue }
            break
        }
        guard letters >= 3, p < hi, p - lo <= 40 else { return nil }
        // A capital run that stops inside a word ("US President") is no dateline; "TEHRAN- " is.
        if bytes[p - 1] != 0x20 && bytes[p] != 0x20 && bytes[p] != 0x28 && bytes[p] != 0x2D && bytes[p] != 0xE2 { return nil }
        while p < hi && bytes[p] == 0x20 { p += 1 }
        if p < hi && bytes[p] == 0x28 {
            var q = p + 1
            while q < hi && q - p <= 12 && bytes[q] != 0x29 {
                guard (bytes[q] >= 0x41 && bytes[q] <= 0x5A) || bytes[q] == 0x20 || bytes[q] == 0x2E else { return nil }
                q += 1
            }
            guard q < hi && bytes[q] == 0x29 else { return nil }
            p = q + 1
            while p < hi && bytes[p] == 0x20 { p += 1 }
        }
        var dashEnd: Int
        if p < hi && bytes[p] == 0x2D {
            dashEnd = p + 1
        } else if p + 2 < hi && bytes[p] == 0xE2 && bytes[p + 1] == 0x80 && (bytes[p + 2] == 0x93 || bytes[p + 2] == 0x94) {
            dashEnd = p + 3
        } else {
            return nil
        }
        // The story follows after a space.
        guard dashEnd + 1 < hi, bytes[dashEnd] == 0x20 else { return nil }
        while dashEnd < hi && bytes[dashEnd] == 0x20 { dashEnd += 1 }
        return dashEnd < hi ? dashEnd : nil
    }

    // MARK: credits glued at the end

    struct Part {
        var lo: Int
        var hi: Int
        var credit: (markerEnd: Int, contentLo: Int)?
    }

    /// Splits off a photo credit stuck to the end of a caption. The marker must start a word
    /// or be capitalised where the text runs into it ("mjiniPicha:").
    func splitCredit(_ line: Int, from rawLo: Int) -> [Part] {
        let hi = lines[line].hi
        let trie = markers.credits
        let cut: [Part]? = withFolded(line) { folded in
            let f = folded.bytes
            let n = f.count
            let start = folded.index(ofRaw: rawLo)
            // The credit is at most 160 folded bytes after its marker, so only the line's end is searched.
            var p = max(start + 1, n - 200)
            while p < n {
                defer { p += 1 }
                guard trie.mayStart(f[p]) else { continue }
                // Cheap filter first: inside a lowercase word no credit can start.
                let raw = folded.rawStart(p)
                let rawByte = bytes[raw]
                let capital = (rawByte >= 0x41 && rawByte <= 0x5A) || (rawByte >= 0xC3 && rawByte <= 0xD4)
                let wordStart = Self.atWordStart(f, p)
                guard capital || wordStart else { continue }
                let found = matches(f, at: p, limit: n, in: trie) { _ in true }
                guard let best = found.max(by: { $0.end < $1.end }) else { continue }
                let entry = markers.entries[best.entry]
                let firstScalar = StructureFolding.decode(bytes, raw, hi).0
                let upper = Unicode.Scalar(firstScalar)?.properties.isUppercase ?? false
                let endsWithPunct = entry.folded.last.map { $0 < 0x80 && !StructureFolding.isWordScalar(UInt32($0)) } ?? false
                let symbol = !StructureFolding.isWordScalar(firstScalar)
                guard upper || symbol || (wordStart && endsWithPunct) else { continue }
                let contentF = Self.skipSeparators(f, from: best.end, limit: n)
                guard contentF < n else { continue }
                let tail = UnsafeBufferPointer(rebasing: f[contentF..<n])
                let words = Self.wordCount(tail)
                guard words <= 12, tail.count <= 160 else { continue }
                let before = f[start..<p]
                guard before.contains(where: { $0 >= 0x80 || StructureFolding.isWordScalar(UInt32($0)) }) else { continue }
                var tailSegment = ArticleParser.Segment(lo: raw, hi: hi, line: line)
                tailSegment.contentLo = folded.rawStart(contentF)
                if words > 3 && endsSentence(tailSegment) { continue }
                let (capLo, capHi) = trimmed(rawLo, raw)
                guard capLo < capHi else { continue }
                return [Part(lo: capLo, hi: capHi, credit: nil),
                        Part(lo: raw, hi: hi, credit: (folded.rawEnd(Self.colonEnd(f, best.end, n), in: bytes),
                                                       tailSegment.contentLo))]
            }
            return nil
        }
        return cut ?? [Part(lo: rawLo, hi: hi, credit: nil)]
    }
}

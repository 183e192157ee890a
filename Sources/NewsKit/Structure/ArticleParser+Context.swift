// Deciding the kind of the remaining text parts from their neighbours: the title and its
// suffixes, repeated lines, captions next to credits, lists after "related" markers, the
// lede, headings and what trails the article.

extension ArticleParser.Run {
    func applyContext() {
        findTitle()
        splitTitleSuffixes()
        markDuplicates()
        markCaptions()
        markRelatedLists()
        markAfterEnd()
        assignBody()
        inheritDuplicateKinds()
    }

    func isText(_ i: Int) -> Bool { segments[i].kind == nil && segments[i].duplicateOf == nil }

    // MARK: title

    /// The title is the first meaningful line, provided it is shaped like one.
    func findTitle() {
        for i in segments.indices.prefix(24) {
            let s = segments[i]
            guard s.kind == nil else { continue }
            if s.afterGluedDate { return }
            let words = wordCount(s)
            let chars = charCount(s)
            guard words <= 22, chars <= 200 else { return }
            // Titles do not end like a sentence or a lead-in ("TEHRAN – A museum opened.", "Abstract:").
            if let p = finalPunctuation(s), [0x2E, 0x3A, 0x2C, 0x060C, 0x3B, 0x06D4, 0x3002, 0xFF1A].contains(p) { return }
            // A lone line is the article, not its title.
            guard segments[(i + 1)...].contains(where: { $0.kind == nil }) else { return }
            segments[i].kind = .title
            segments[i].rule = "first-line"
            titleIndex = i
            return
        }
    }

    /// " – BBC News – 05.03.2023": publisher and date suffixes become their own blocks.
    func splitTitleSuffixes() {
        guard let t = titleIndex else { return }
        let s = segments[t]
        let line = s.line
        let r = foldedRange(line, s.lo, s.hi)
        let f = folded(line).bytes
        var cuts: [(start: Int, end: Int)] = []  // folded separator spans
        var p = r.lowerBound
        while p < r.upperBound {
            if f[p] & 0xC0 != 0x80 {
                let found = matches(line, at: p, limit: r.upperBound, boundary: false) { $0.kind == .titleSeparator }
                if let m = found.max(by: { $0.end < $1.end }) {
                    let entry = markers.entries[m.entry]
                    let spaced = p > r.lowerBound && f[p - 1] == 0x20 && m.end < r.upperBound && f[m.end] == 0x20
                    if spaced || entry.options.contains(.tight) {
                        cuts.append((p, m.end))
                        p = m.end
                        continue
                    }
                }
            }
            p += 1
        }
        guard !cuts.isEmpty else { return }
        var bounds: [(lo: Int, hi: Int)] = []  // folded parts
        var start = r.lowerBound
        for c in cuts { bounds.append((start, c.start)); start = c.end }
        bounds.append((start, r.upperBound))

        var suffixes: [ArticleParser.Segment] = []
        var last = bounds.count - 1
        while last > 0 {
            let part = bounds[last]
            let partLo = rawStart(line, skipSpaces(f, part.lo, part.hi))
            let partHi = rawEnd(line, part.hi)
            let (tlo, thi) = trimmed(partLo, partHi)
            guard tlo < thi else { break }
            let name = string(tlo, thi)
            var seg = ArticleParser.Segment(lo: rawStart(line, cuts[last - 1].start), hi: thi, line: line)
            seg.contentLo = tlo
            if isKnown(name, .outlet) || isKnown(name, .agency) {
                seg.kind = .source
                seg.rule = "title-suffix"
                seg.sourceName = name
            } else if let m = dates.parse(name, lang: lang), m.utf8Range.count * 10 >= name.utf8.count * 6,
                      m.start.month != nil {
                seg.kind = .dateline
                seg.rule = "title-suffix"
                seg.date = rebased(m, from: tlo)
            } else {
                break
            }
            suffixes.insert(seg, at: 0)
            last -= 1
        }
        guard !suffixes.isEmpty else { return }
        let (tlo, thi) = trimmed(s.lo, rawEnd(line, bounds[last].hi))
        segments[t].lo = tlo
        segments[t].contentLo = tlo
        segments[t].hi = thi
        segments.insert(contentsOf: suffixes, at: t + 1)
    }

    private func skipSpaces(_ f: [UInt8], _ lo: Int, _ hi: Int) -> Int {
        var p = lo
        while p < hi && f[p] == 0x20 { p += 1 }
        return p
    }

    // MARK: repeats

    /// Folded bytes a paragraph needs before it counts as reprinting the end of the one before.
    static let cascadeMinimum = 120

    /// A line printed twice (title repeated below the header, caption in alt text and
    /// figcaption, a credit repeated): the later copy points to the first.
    func markDuplicates() {
        let titleKey = titleIndex.map { Array(foldedBytes(segments[$0])) }
        let titleLineKey = titleIndex.map { t -> [UInt8] in
            let s = segments[t]
            return Array(folded(s.line).bytes)
        }
        for j in segments.indices {
            let s = segments[j]
            guard j != titleIndex, s.kind == nil || s.kind == .caption || s.kind == .credit else { continue }
            let key = Array(foldedBytes(s))
            guard key.count >= 2 else { continue }
            if s.kind == nil, let t = titleIndex, j > t, key == titleKey || key == titleLineKey {
                segments[j].kind = .title
                segments[j].rule = "title-repeat"
                segments[j].duplicateOf = t
                continue
            }
            var k = j - 1
            while k >= max(0, j - 4) {
                let o = segments[k]
                if k != titleIndex, o.kind == nil || o.kind == .caption || o.kind == .credit,
                   (o.kind == .credit) == (s.kind == .credit), Array(foldedBytes(o)) == key {
                    segments[j].duplicateOf = o.duplicateOf ?? k
                    segments[j].rule = "repeat"
                    break
                }
                k -= 1
            }
            // A cascade: each paragraph reprints the rest of the story from the one before (tt-85256
            // of Tehran Times: 30 lines, each the previous one without its first sentence). The
            // later, shorter copy adds nothing.
            if segments[j].duplicateOf == nil, s.kind == nil, key.count >= Self.cascadeMinimum, j > 0,
               let k = (max(0, j - 2)..<j).last(where: { segments[$0].kind == nil && $0 != titleIndex }) {
                let previous = foldedBytes(segments[k])
                if previous.count > key.count && previous.suffix(key.count).elementsEqual(key) {
                    segments[j].duplicateOf = segments[k].duplicateOf ?? k
                    segments[j].rule = "repeat-cascade"
                }
            }
        }
    }

    // MARK: captions

    func markCaptions() {
        // A text part right before a credit describes the photo.
        // On its own line the credit may belong to a photo without caption, so only a short
        // line without quoted speech is taken for one.
        for j in segments.indices where segments[j].kind == nil {
            guard j + 1 < segments.count, segments[j + 1].kind == .credit,
                  segments[j + 1].line <= segments[j].line + 1 else { continue }
            let glued = segments[j + 1].line == segments[j].line
            let words = wordCount(segments[j])
            guard glued ? words <= 60 : (words <= 30 && !containsQuoteMark(segments[j])) else { continue }
            segments[j].kind = .caption
            segments[j].rule = glued ? "caption-credit-glued" : "caption-credit"
        }
        // A short line printed twice in a row is a photo caption.
        for j in segments.indices {
            guard let k = segments[j].duplicateOf, segments[k].kind == nil || segments[k].kind == .caption else { continue }
            if segments[j].kind == .caption || (wordCount(segments[k]) <= 40 && segments[k].kind == nil) {
                if segments[k].kind == nil {
                    segments[k].kind = .caption
                    segments[k].rule = "caption-repeat"
                }
                if segments[j].kind == nil { segments[j].kind = .caption }
            }
        }
    }

    func containsQuoteMark(_ s: ArticleParser.Segment) -> Bool {
        let text = self.text(s)
        return text.unicodeScalars.contains { [0x22, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB].contains($0.value) }
    }

    // MARK: related lists

    func markRelatedLists() {
        var i = 0
        while i < segments.count {
            let s = segments[i]
            i += 1
            guard s.kind == .boilerplate else { continue }
            if s.rule == "related-marker" {
                // The next line is the headline; more headline-shaped lines may follow it.
                var j = i
                var taken = 0
                while j < segments.count, isText(j), taken < 8 {
                    let words = wordCount(segments[j])
                    if taken == 0 ? words > 30 : (words > 20 || endsWithClause(segments[j])) { break }
                    segments[j].kind = .related
                    segments[j].rule = "related-next"
                    taken += 1
                    j += 1
                }
            } else if s.rule == "related-section" {
                var j = i
                while j < segments.count {
                    let o = segments[j]
                    if o.kind == nil {
                        if wordCount(o) > 30 { break }
                        if o.duplicateOf == nil {
                            segments[j].kind = .related
                            segments[j].rule = "related-list"
                        }
                    } else if o.kind == .source || o.markerKind == .end || o.rule == "related-section" {
                        break
                    }
                    j += 1
                }
                i = j
            }
        }
    }

    func nextIndex(after i: Int, where accept: (ArticleParser.Segment) -> Bool) -> Int? {
        var j = i + 1
        while j < segments.count {
            if accept(segments[j]) { return j }
            j += 1
        }
        return nil
    }

    /// After the last end-of-article marker only markers and boilerplate remain, provided
    /// little text follows it (news digests end every item with the marker).
    func markAfterEnd() {
        guard let end = segments.lastIndex(where: { $0.markerKind == .end }) else { return }
        let after = ((end + 1)..<segments.count).filter { segments[$0].kind == nil }
        guard after.count <= 3, after.allSatisfy({ wordCount(segments[$0]) <= 25 }) else { return }
        for j in after {
            segments[j].kind = .boilerplate
            segments[j].rule = "after-end"
        }
    }

    // MARK: lede, headings, body

    /// Boilerplate that does not interrupt the flow (ad slots, share rows) when looking at neighbours.
    func isTransparent(_ s: ArticleParser.Segment) -> Bool {
        if s.duplicateOf != nil && s.kind == nil { return true }
        switch s.kind {
        case .credit, .caption: return true
        case .boilerplate: return s.markerOptions.contains(.ad)
        default: return false
        }
    }

    func assignBody() {
        let candidates = segments.indices.filter { isText($0) }
        guard !candidates.isEmpty else { return }
        var bodyStarted = false
        var ledeDone = false
        for (n, i) in candidates.enumerated() {
            let s = segments[i]
            let words = wordCount(s)
            let later = candidates.count - n - 1
            if !bodyStarted && !ledeDone {
                if s.afterGluedDate && words >= 3 {
                    setKind(i, .lede, "lede-glued-date")
                    ledeDone = true
                    continue
                }
                if let t = titleIndex, i > t, later >= 1, words >= 5, charCount(s) <= 900 {
                    // By index, not through a slice: a slice alive at `setKind` below would make
                    // it copy every segment (47 MB for a 100 MB article).
                    let direct = ((t + 1)..<i).allSatisfy { j in
                        let kind = segments[j].kind
                        return kind == .dateline || kind == .byline || kind == .source
                    }
                    let next = nextIndex(after: i) { _ in true }
                    let isolated = next.map { j in
                        let o = segments[j]
                        return o.kind == .boilerplate && o.rule != "related-marker" && o.rule != "related-section"
                            || (o.kind == .title && o.duplicateOf != nil)
                    } ?? false
                    if direct || (isolated && later >= 2) {
                        setKind(i, .lede, direct ? "lede-after-title" : "lede-standalone")
                        ledeDone = true
                        continue
                    }
                }
                if words <= 6 && charCount(s) <= 80 && !endsSentence(s) {
                    setKind(i, .boilerplate, "header-short")
                    continue
                }
            }
            if bodyStarted || ledeDone, isHeadingShaped(s), previousTextIsComplete(before: i) {
                let next = nextIndex(after: i) { !self.isTransparent($0) }
                if let j = next {
                    let o = segments[j]
                    if o.kind == nil && o.duplicateOf == nil {
                        if wordCount(o) >= 8 || endsSentence(o) {
                            setKind(i, .heading, "heading")
                            continue
                        }
                    } else if o.markerOptions.contains(.video) || o.rule == "video-notice" {
                        setKind(i, .boilerplate, "video-title")
                        continue
                    } else {
                        setKind(i, .boilerplate, "short-before-boilerplate")
                        continue
                    }
                } else {
                    setKind(i, .boilerplate, "trailing-short")
                    continue
                }
            }
            setKind(i, .paragraph, "paragraph")
            bodyStarted = true
        }
    }

    /// A heading follows a finished paragraph; a short line after an unfinished one is a
    /// line break inside the text (verse, a list lead-in).
    func previousTextIsComplete(before i: Int) -> Bool {
        var j = i - 1
        while j >= 0 {
            let o = segments[j]
            if isTransparent(o) || o.kind == .related || o.kind == .boilerplate { j -= 1; continue }
            if o.kind == .paragraph || o.kind == .lede { return endsSentence(o) }
            return true
        }
        return true
    }

    func isHeadingShaped(_ s: ArticleParser.Segment) -> Bool {
        let words = wordCount(s)
        guard words <= 10, charCount(s) <= 120, !endsWithClause(s) else { return false }
        let first = StructureFolding.decode(bytes, s.contentLo, s.hi).0
        return ![0x22, 0x201C, 0x201E, 0xAB, 0x2018, 0x27, 0x2D, 0x2014, 0x2013].contains(first)
    }

    func setKind(_ i: Int, _ kind: BlockKind, _ rule: String) {
        segments[i].kind = kind
        segments[i].rule = rule
    }

    /// A repeat takes the kind of what it repeats (kept out of the body by `duplicateOf`).
    func inheritDuplicateKinds() {
        for j in segments.indices {
            guard let k = segments[j].duplicateOf, segments[j].kind == nil else { continue }
            segments[j].kind = segments[k].kind ?? .paragraph
        }
        for j in segments.indices where segments[j].kind == nil {
            segments[j].kind = .paragraph
            segments[j].rule = "paragraph"
        }
    }
}

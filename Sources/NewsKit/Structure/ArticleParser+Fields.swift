// Reading the article fields off the typed blocks.

extension ArticleParser.Run {
    func buildStructure() -> ArticleStructure {
        var a = ArticleStructure()
        var ledeSegment: ArticleParser.Segment?
        var firstParagraph: ArticleParser.Segment?
        // Exactly as many as there will be: grown by doubling, the arrays of a 100 MB article
        // (144k blocks) would hold room for 262k, 15 MB of nothing.
        a.blocks.reserveCapacity(segments.count)
        a.paragraphSlices.reserveCapacity(segments.reduce(0) { n, s in
            let kind = s.kind ?? .paragraph
            return n + (kind == .paragraph || kind == .lede ? 1 : 0)
        })
        for s in segments {
            let kind = s.kind ?? .paragraph
            let text = self.textSlice(s)
            a.blocks.append(Block(kind: kind, textSlice: text, first: s.lo + 1, last: s.hi, marker: s.marker,
                                  rule: s.rule, duplicateOf: s.duplicateOf))
            guard s.duplicateOf == nil, !text.isEmpty else { continue }
            switch kind {
            case .title: if a.title == nil { a.title = String(text) }
            case .lede:
                if a.ledeSlice == nil { a.ledeSlice = text; ledeSegment = s } else { a.paragraphSlices.append(text) }
            case .paragraph:
                a.paragraphSlices.append(text)
                if firstParagraph == nil { firstParagraph = s }
            case .heading: a.headings.append(String(text))
            case .related: a.related.append(String(text))
            case .caption: a.captions.append(String(text))
            case .credit: a.credits.append(String(text))
            case .byline: if a.byline == nil { a.byline = String(text) }
            default: break
            }
        }
        let opening = [ledeSegment, firstParagraph].compactMap { $0 }.map(openingText)
        resolveSources(&a, opening: opening)
        a.date = segments.first(where: { $0.kind == .dateline && $0.date != nil })?.date
            ?? opening.lazy.compactMap { self.todayDate(in: $0) }.first
        releaseWorkingMemory()
        a.textSlice = joined([a.ledeSlice].compactMap { $0 } + a.paragraphSlices)
        a.quotes = QuoteFinder(markers: markers, lang: lang).quotes(in: a.textSlice)
        return a
    }

    /// The pieces (slices of `source`) separated by blank lines: the span of `source` they cover
    /// when it reads exactly so (a long article is then not held twice), else a string of their own.
    func joined(_ pieces: [Substring]) -> Substring {
        guard let first = pieces.first, let last = pieces.last else { return "" }
        var previous = first.utf8.endIndex
        for piece in pieces.dropFirst() {
            guard previous <= piece.utf8.startIndex else { return Substring(Self.joinedCopy(pieces)) }
            let gap = source.utf8[previous..<piece.utf8.startIndex]
            guard gap.count == 2, gap.allSatisfy({ $0 == 0x0A }) else { return Substring(Self.joinedCopy(pieces)) }
            previous = piece.utf8.endIndex
        }
        return Substring(source.utf8[first.utf8.startIndex..<last.utf8.endIndex])
    }

    static func joinedCopy(_ pieces: [Substring]) -> String {
        var text = ""
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count + 2 })
        for (i, piece) in pieces.enumerated() {
            if i > 0 { text += "\n\n" }
            text += piece
        }
        return text
    }

    /// An opening segment (the lede, the first paragraph) trimmed, and its first
    /// `OpeningText.foldedLength` bytes folded once for the scans that read it.
    struct OpeningText {
        static let foldedLength = 400
        let segment: ArticleParser.Segment
        let lo: Int, hi: Int
        /// `fold(bytes, lo, min(hi, lo + 400))`
        let folded: StructureFolding.Folded

        /// `fold(bytes, lo, min(hi, end))`, for an `end` up to `lo + 400`.
        func folded(upTo end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> StructureFolding.Folded {
            let foldedHi = min(hi, lo + Self.foldedLength)
            let end = min(hi, end)
            return end >= foldedHi ? folded : StructureFolding.prefix(of: folded, upTo: end, in: bytes, foldedUpTo: foldedHi)
        }
    }

    func openingText(_ s: ArticleParser.Segment) -> OpeningText {
        let (lo, hi) = trimmed(s.contentLo, s.hi)
        return OpeningText(segment: s, lo: lo, hi: hi, folded: StructureFolding.fold(bytes, lo, min(hi, lo + OpeningText.foldedLength)))
    }

    // MARK: publisher and agencies

    func resolveSources(_ a: inout ArticleStructure, opening: [OpeningText]) {
        var fromTitle: String?, fromByline: String?, fromMarker: String?, fromLine: String?
        var agencies: [String] = []
        var seenAgencies: Set<[UInt8]> = []
        func addAgency(_ name: String) {
            if seenAgencies.insert(StructureFolding.fold(name)).inserted { agencies.append(name) }
        }
        for s in segments where s.kind == .source && s.duplicateOf == nil {
            s.agencyNames.forEach(addAgency)
            guard let name = s.sourceName else { continue }
            switch s.rule {
            case "title-suffix": fromTitle = fromTitle ?? name
            case "byline-outlet": fromByline = fromByline ?? name
            case "agency-line": fromLine = fromLine ?? name
            default: fromMarker = fromMarker ?? name
            }
        }
        var fromLead: String?
        for s in opening {
            wireCredit(in: s.segment).forEach(addAgency)
            if let credit = leadCredit(in: s) {
                fromLead = fromLead ?? credit.source
                credit.agency.map(addAgency)
            }
        }
        let source = fromTitle ?? fromByline ?? fromLead ?? fromMarker ?? fromLine
        a.source = source
        if let m = fromMarker, let source, StructureFolding.fold(m) != StructureFolding.fold(source) {
            a.originalSource = m
        }
        a.agencies = agencies
    }

    /// "به گزارش X، ..." / "Kwa mujibu wa X, ...": who the opening sentence credits. X is the
    /// publisher (the known outlet or agency named inside X, else X up to a `source-end` word);
    /// with the `known` option only a wire service named inside X counts, as an agency.
    func leadCredit(in s: OpeningText) -> (source: String?, agency: String?)? {
        let folded = s.folded(upTo: s.lo + 240, in: bytes)
        var result: (String?, String?)?
        folded.bytes.withUnsafeBufferPointer { f in
            var best = 0
            var knownOnly = false
            markers.trie.matches(f, at: 0, upTo: f.count) { e, end in
                let entry = markers.entries[e]
                if entry.kind == .sourceLead, markers.applies(entry, lang: lang), end > best,
                   end < f.count, f[end] == 0x20 {
                    best = end
                    knownOnly = entry.options.contains(.known)
                }
            }
            guard best > 0 else { return }
            let start = best + 1
            var nameEnd = start
            while nameEnd < f.count && ![0x2C, 0x3A, 0x28, 0x2E].contains(f[nameEnd]) { nameEnd += 1 }
            guard nameEnd < f.count, nameEnd > start else { return }
            // Known names inside, and where a source-end word ("از", "به نقل از") cuts the name.
            var known: (lo: Int, hi: Int, kind: MarkerKind)?
            var cut = nameEnd
            var q = start
            while q < nameEnd {
                if q == start || f[q - 1] == 0x20 {
                    markers.trie.matches(f, at: q, upTo: nameEnd) { e, end in
                        let entry = markers.entries[e]
                        guard markers.applies(entry, lang: lang), end == nameEnd || f[end] == 0x20 else { return }
                        if entry.kind == .sourceEnd, q > start, q - 1 < cut { cut = q - 1 }
                        if (entry.kind == .agency || entry.kind == .outlet), known == nil || (known!.lo == q && end > known!.hi) {
                            known = (q, end, entry.kind)
                        }
                    }
                }
                q += 1
            }
            func raw(_ a: Int, _ b: Int) -> String {
                let (rlo, rhi) = trimmed(folded.rawStart(a), folded.rawEnd(b - 1, in: bytes))
                return string(rlo, rhi)
            }
            if knownOnly {
                if let k = known, k.kind == .agency { result = (nil, raw(k.lo, k.hi)) }
                return
            }
            if let k = known { result = (raw(k.lo, k.hi), nil); return }
            let name = raw(start, cut)
            let words = name.split(separator: " ").count
            if words >= 1 && words <= 6 { result = (name, nil) }
        }
        return result
    }

    /// "MOSCOW (Reuters) -", "(AFP) —": a wire credit in brackets near the start.
    func wireCredit(in s: ArticleParser.Segment) -> [String] {
        let (lo, hi) = trimmed(s.contentLo, s.hi)
        // Most openings have no brackets: no string made and searched by characters for them.
        let headBytes = UnsafeBufferPointer(rebasing: bytes[lo..<max(lo, min(hi, lo + 90))])
        guard headBytes.contains(0x28), headBytes.contains(0x29) else { return [] }
        let head = string(lo, min(hi, lo + 90))
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return [] }
        let names = splitNames(String(head[head.index(after: open)..<close]))
        guard !names.isEmpty, names.allSatisfy({ isKnown($0, .agency) }) else { return [] }
        return names
    }

    // MARK: date in the opening sentence

    /// "اليوم الاثنين 4 مارس", "today, 3 May": a date anchored by a word for today.
    func todayDate(in s: OpeningText) -> DateMention? {
        let (lo, hi) = (s.lo, s.hi)
        let folded = s.folded
        var anchor: Int?
        folded.bytes.withUnsafeBufferPointer { f in
            var p = 0
            while p < f.count && anchor == nil {
                if p == 0 || f[p - 1] == 0x20 || f[p - 1] == 0x2C {
                    markers.trie.matches(f, at: p, upTo: f.count) { e, end in
                        let entry = markers.entries[e]
                        if entry.kind == .today, markers.applies(entry, lang: lang),
                           end == f.count || !StructureFolding.isWord(at: end, in: f) {
                            anchor = folded.rawStart(p)
                        }
                    }
                }
                p += 1
            }
        }
        guard let anchor else { return nil }
        let text = string(lo, hi)
        for m in dates.find(in: text, lang: lang) {
            let start = m.utf8Range.lowerBound + lo
            guard start >= anchor - 2, start - anchor <= 60 else { continue }
            guard m.start.day != nil, m.start.month != nil, !m.iso.isEmpty,
                  m.text.contains(where: { $0.isNumber }) else { continue }
            return rebased(m, from: lo)
        }
        return nil
    }
}

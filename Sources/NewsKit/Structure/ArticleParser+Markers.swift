// Typing a part of a line from the marker phrases it starts with or contains, and from its
// shape (tag lists, agency initials, separator rules).

extension ArticleParser.Run {
    func classifyMarkers() {
        for i in segments.indices where segments[i].kind == nil {
            _ = classifyByPrefix(i) || classifyByContent(i) || classifyByShape(i)
        }
    }

    /// Marker kinds that may open a line, most specific first (ties on length go to the first).
    static let prefixKinds: [MarkerKind] = [.end, .boilerplate, .related, .relatedSection, .credit, .caption,
                                            .agencies, .source, .byline, .dateline]

    @discardableResult
    func classifyByPrefix(_ i: Int) -> Bool {
        let s = segments[i]
        let r = foldedRange(s.line, s.lo, s.hi)
        guard !r.isEmpty else { return false }
        let f = folded(s.line).bytes
        var p = r.lowerBound
        // Bullets and brackets in front of a marker: "* نقلا عن", "(Source: X)".
        var bracketed = false
        while p < r.upperBound, [0x28, 0x2A, 0x2D, 0x5B, 0x23, 0x3E].contains(f[p]) || f[p] == 0x20 {
            if f[p] == 0x28 || f[p] == 0x5B { bracketed = true }
            p += 1
        }
        let found = matches(s.line, at: p, limit: r.upperBound) { Self.prefixKinds.contains($0.kind) }
        let ordered = found.sorted { a, b in
            if a.end != b.end { return a.end > b.end }
            let ka = Self.prefixKinds.firstIndex(of: markers.entries[a.entry].kind) ?? 99
            let kb = Self.prefixKinds.firstIndex(of: markers.entries[b.entry].kind) ?? 99
            return ka < kb
        }
        for m in ordered {
            let entry = markers.entries[m.entry]
            let restF = skipSeparators(s.line, from: m.end, limit: r.upperBound)
            var rest = s
            rest.contentLo = restF < r.upperBound ? rawStart(s.line, restF) : s.hi
            if bracketed, let last = f[..<r.upperBound].last, last == 0x29 || last == 0x5D {
                rest.contentHi = rawStart(s.line, r.upperBound - 1)
            }
            let restWords = restF < r.upperBound ? wordCount(f[restF..<r.upperBound]) : 0
            let kind: BlockKind
            var rule = entry.kind.rawValue
            switch entry.kind {
            case .boilerplate:
                guard entry.options.contains(.prefix) || entry.options.contains(.contains) || restWords == 0 else { continue }
                kind = .boilerplate
                rest.contentLo = s.lo
            case .end:
                guard restWords <= 3 else { continue }
                kind = .boilerplate
                rule = "end"
                rest.contentLo = s.lo
            case .related:
                guard restWords <= 30 else { continue }
                kind = restWords == 0 ? .boilerplate : .related
                rule = restWords == 0 ? "related-marker" : "related"
            case .relatedSection:
                kind = restWords == 0 ? .boilerplate : .related
                rule = restWords == 0 ? "related-section" : "related"
            case .credit:
                guard restWords > 0 && restWords <= 15 else { continue }
                kind = .credit
            case .caption:
                guard restWords > 0 else { continue }
                kind = .caption
            case .agencies:
                guard restWords > 0 && restWords <= 15 else { continue }
                kind = .source
                rule = "agencies"
                rest.agencyNames = splitNames(text(rest))
            case .source:
                guard restWords > 0 && restWords <= 12 else { continue }
                kind = .source
                for name in splitNames(text(rest)) {
                    if isKnown(name, .agency) { rest.agencyNames.append(name) }
                    else if rest.sourceName == nil { rest.sourceName = name }
                }
            case .byline:
                guard restWords > 0 && restWords <= 8, !endsSentence(rest) else { continue }
                let name = text(rest)
                if isKnown(name, .outlet) || isKnown(name, .agency) {
                    kind = .source
                    rule = "byline-outlet"
                    rest.sourceName = name
                } else {
                    if entry.options.contains(.name) && !looksLikeName(name) { continue }
                    kind = .byline
                }
            case .dateline:
                guard restWords == 0 || (restWords <= 10 && f[restF..<r.upperBound].contains { $0 >= 0x30 && $0 <= 0x39 })
                else { continue }
                kind = .dateline
                if restWords > 0, let m = dates.parse(text(rest), lang: lang) {
                    rest.date = rebased(m, from: trimmed(rest.contentLo, rest.hi).0)
                }
            default:
                continue
            }
            rest.kind = kind
            rest.rule = rule
            rest.marker = string(rawStart(s.line, p), rawEnd(s.line, colonEnd(s.line, m.end, r.upperBound)))
            rest.markerKind = entry.kind
            rest.markerOptions = entry.options
            segments[i] = rest
            return true
        }
        return false
    }

    /// Boilerplate phrases that make any short line boilerplate ("turn on JavaScript").
    @discardableResult
    func classifyByContent(_ i: Int) -> Bool {
        let s = segments[i]
        guard wordCount(s) <= 40 else { return false }
        let trie = markers.containedBoilerplate
        var chosen: (entry: Int, start: Int, end: Int)?
        withFolded(s.line) { folded in
            let f = folded.bytes
            let r = Self.foldedRange(folded, s.lo, s.hi)
            var p = r.lowerBound
            while p < r.upperBound {
                if trie.mayStart(f[p]) && Self.atWordStart(f, p) {
                    let found = matches(f, at: p, limit: r.upperBound, in: trie) { _ in true }
                    for m in found where chosen == nil || (markers.entries[m.entry].options.contains(.video)
                                                          && !markers.entries[chosen!.entry].options.contains(.video)) {
                        chosen = (m.entry, p, m.end)
                    }
                }
                p += 1
            }
        }
        guard let m = chosen else { return false }
        let entry = markers.entries[m.entry]
        segments[i].kind = .boilerplate
        segments[i].rule = entry.options.contains(.video) ? "video-notice" : "boilerplate-contains"
        segments[i].marker = string(rawStart(s.line, m.start), rawEnd(s.line, m.end))
        segments[i].markerKind = .boilerplate
        segments[i].markerOptions = entry.options
        return true
    }

    /// Tag lists ("A| B| C"), agency initials at the foot ("ع.ج/ح.ز (أ ف ب، رويترز)"),
    /// rule lines ("-----").
    @discardableResult
    func classifyByShape(_ i: Int) -> Bool {
        let s = segments[i]
        let f = foldedBytes(s)
        let hasWord = f.withUnsafeBufferPointer { b in
            b.indices.contains { b[$0] & 0xC0 != 0x80 && StructureFolding.isWord(at: $0, in: b) }
        }
        if !hasWord {
            segments[i].kind = .boilerplate
            segments[i].rule = "rule-line"
            return true
        }
        if isTagList(s, f) {
            segments[i].kind = .boilerplate
            segments[i].rule = "tag-list"
            return true
        }
        if wordCount(f) <= 10 {
            let names = splitNames(text(s))
            var agencies: [String] = []
            var source: String?
            var initials = 0
            for name in names {
                if isKnown(name, .agency) { agencies.append(name) }
                else if isKnown(name, .outlet) { source = source ?? name }
                else if looksLikeInitials(name) { initials += 1 }
                else { return false }
            }
            guard !agencies.isEmpty || source != nil, names.count > 0 else { return false }
            segments[i].kind = .source
            segments[i].rule = "agency-line"
            segments[i].agencyNames = agencies
            segments[i].sourceName = source
            return true
        }
        return false
    }

    /// Two or more bars, or a bar glued to the word before it: an image label or tag list.
    func isTagList(_ s: ArticleParser.Segment, _ f: ArraySlice<UInt8>) -> Bool {
        var bars = 0, gluedBars = 0
        var i = f.startIndex
        while i < f.endIndex {
            if f[i] == 0x7C {
                bars += 1
                if i > f.startIndex && f[i - 1] != 0x20 { gluedBars += 1 }
            }
            i += 1
        }
        guard bars >= 2 || gluedBars >= 1 else { return false }
        let pieces = f.split(separator: 0x7C)
        return pieces.allSatisfy { wordCount($0.drop { $0 == 0x20 }) <= 10 } && !endsSentence(s)
    }

    /// The folded end of a marker including a colon right after it ("Soma pia:").
    func colonEnd(_ line: Int, _ end: Int, _ limit: Int) -> Int {
        withFolded(line) { Self.colonEnd($0.bytes, end, limit) }
    }

    static func colonEnd(_ f: UnsafeBufferPointer<UInt8>, _ end: Int, _ limit: Int) -> Int {
        var q = end
        while q < limit && f[q] == 0x20 { q += 1 }
        return q < limit && f[q] == 0x3A ? q + 1 : end
    }

    // MARK: names

    /// Splits a credit list: "AFP/dpa", "الجزيرة + وكالات", "أ ف ب، رويترز", "(dpa, afp)".
    func splitNames(_ text: String) -> [String] {
        text.split(whereSeparator: Self.isNameSeparator)
            .map { trimNamePunctuation($0) }
            .filter { !$0.isEmpty }
    }

    /// Whether the character is one of / , ، • + ; | ( ) · & ؛ — as a `Set<Character>` of them
    /// would say, without hashing each character: a character equals one of them only when it is
    /// that one scalar, or the Greek question mark and ano teleia, which are canonically `;` and
    /// `·` (`StructureFoldingSpeedTests` checks the two agree).
    static func isNameSeparator(_ c: Character) -> Bool {
        guard let v = singleScalar(c) else { return false }
        switch v {
        case 0x2F, 0x2C, 0x060C, 0x2022, 0x2B, 0x3B, 0x7C, 0x28, 0x29, 0xB7, 0x26, 0x061B, 0x037E, 0x0387: return true
        default: return false
        }
    }

    /// Whether the character is a space, no-break space, tab, . : - – — * or a bidi mark (none
    /// of which another character equals).
    static func isNameTrim(_ c: Character) -> Bool {
        guard let v = singleScalar(c) else { return false }
        switch v {
        case 0x20, 0xA0, 0x2E, 0x3A, 0x2D, 0x2013, 0x2014, 0x2A, 0x09, 0x200F, 0x200E: return true
        default: return false
        }
    }

    /// The character's scalar when it is one scalar.
    @inline(__always)
    static func singleScalar(_ c: Character) -> UInt32? {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first.value
    }

    func trimNamePunctuation(_ s: Substring) -> String {
        var s = s
        while let c = s.first, Self.isNameTrim(c) { s = s.dropFirst() }
        while let c = s.last, Self.isNameTrim(c) { s = s.dropLast() }
        return String(s)
    }

    func isKnown(_ name: String, _ kind: MarkerKind) -> Bool {
        markers.exactEntry(StructureFolding.fold(name), lang: lang) { $0.kind == kind } != nil
    }

    /// "ح.ز", "kle/se", "ع.ج.م": editors' initials that close wire copy.
    func looksLikeInitials(_ name: String) -> Bool {
        var letters = 0
        for u in name.unicodeScalars where u.properties.isAlphabetic { letters += 1 }
        if letters == 0 || letters > 4 { return false }
        return name.contains(".") || name.unicodeScalars.allSatisfy { $0.properties.isLowercase || !$0.properties.isAlphabetic }
            || letters <= 3
    }

    /// Two to six capitalised words (particles such as "de", "al", "bin" allowed between them).
    func looksLikeName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count >= 2, words.count <= 6 else { return false }
        let particles: Set<Substring> = ["de", "da", "di", "du", "la", "le", "van", "von", "der", "bin", "al", "el", "and", "na", "y", "e", "und", "et", "и"]
        var capitals = 0
        for w in words {
            guard let first = w.unicodeScalars.first else { continue }
            if first.properties.isUppercase { capitals += 1 }
            else if !particles.contains(w) && first.properties.isAlphabetic { return false }
        }
        return capitals > 0
    }

    func rebased(_ m: DateMention, from rawLo: Int) -> DateMention {
        var m = m
        m.utf8Range = (m.utf8Range.lowerBound + rawLo)..<(m.utf8Range.upperBound + rawLo)
        return m
    }
}

extension MarkerSet {
    /// The entry whose whole phrase is exactly `folded`.
    func exactEntry(_ folded: [UInt8], lang: String?, _ accept: (Entry) -> Bool) -> Entry? {
        guard !folded.isEmpty else { return nil }
        var result: Entry?
        folded.withUnsafeBufferPointer { f in
            trie.matches(f, at: 0, upTo: f.count) { e, end in
                let entry = entries[e]
                if end == f.count, result == nil, accept(entry), applies(entry, lang: lang) { result = entry }
            }
        }
        return result
    }
}

extension MarkerSet {
    /// Whether some phrase of `kind` is exactly `f[lo..<hi]`: `exactEntry` on a word of a folded
    /// text in place, without copying the word out.
    func hasExactEntry(_ f: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, lang: String?, kind: MarkerKind) -> Bool {
        guard lo < hi else { return false }
        var found = false
        trie.matches(f, at: lo, upTo: hi) { e, end in
            if end == hi, !found, entries[e].kind == kind, applies(entries[e], lang: lang) { found = true }
        }
        return found
    }
}

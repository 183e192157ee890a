extension Article {
    /// Version of the binary form; an article written by another version does not decode.
    static let binaryFormat: UInt8 = 1

    /// The article in the compact form the article cache stores: every field, with the text,
    /// lede, paragraphs and blocks as byte ranges of `raw` where they are slices of it.
    public func binaryEncoded() -> [UInt8] {
        let raw = self.raw
        var bases = SliceBases()
        bases.add(raw)
        // A short raw text is no base (see SliceBases); it is written on its own.
        let rawIsBase = !bases.strings.isEmpty
        bases.add(textSlice.base)
        var w = ByteWriter(capacity: raw.utf8.count + (html?.utf8.count ?? 0) + 512)
        w.byte(Self.binaryFormat)
        w.byte(rawIsBase ? 1 : 0)
        bases.write(to: &w)
        if !rawIsBase { w.string(raw) }
        w.string(id)
        w.string(path)
        w.string(lang)
        w.string(title)
        w.byte(ledeSlice == nil ? 0 : 1)
        if let ledeSlice { w.slice(ledeSlice, in: bases) }
        w.string(date)
        w.string(datePrecision)
        w.string(source)
        w.string(originalSource)
        w.string(url)
        w.string(byline)
        w.strings(agencies)
        w.count(paragraphSlices.count)
        for paragraph in paragraphSlices { w.slice(paragraph, in: bases) }
        w.strings(headings)
        w.strings(related)
        w.strings(captions)
        w.strings(credits)
        w.count(quotes.count)
        for quote in quotes { quote.write(to: &w) }
        w.count(blocks.count)
        for block in blocks {
            w.byte(block.kind.binaryCode)
            w.slice(block.textSlice, in: bases)
            w.int(block.first)
            w.int(block.last)
            w.shared(block.marker)
            w.shared(block.rule)
            w.int(block.duplicateOf)
        }
        w.slice(textSlice, in: bases)
        w.string(html)
        w.count(meta.count)
        for key in meta.keys.sorted() {
            w.string(key)
            w.string(meta[key]!)
        }
        w.strings(warnings)
        return w.bytes
    }

    /// The article `binaryEncoded()` wrote; throws on bytes it did not write.
    public init(binary bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) {
        var r = ByteReader(bytes)
        guard try r.byte() == Self.binaryFormat else { throw r.fail("another format version") }
        let rawIsBase = try r.byte() == 1
        let bases = try SliceBases.read(from: &r)
        guard !rawIsBase || !bases.isEmpty else { throw r.fail("no raw text") }
        let raw = rawIsBase ? bases[0] : try r.string()
        let id = try r.string(), path = try r.string(), lang = try r.string()
        let title = try r.optionalString()
        let lede = try r.byte() == 0 ? nil : try r.slice(in: bases)
        let date = try r.optionalString(), datePrecision = try r.optionalString()
        let source = try r.optionalString(), originalSource = try r.optionalString()
        let url = try r.optionalString(), byline = try r.optionalString()
        let agencies = try r.strings()
        var paragraphs: [Substring] = []
        for _ in 0..<(try r.count()) { paragraphs.append(try r.slice(in: bases)) }
        let headings = try r.strings(), related = try r.strings(), captions = try r.strings(), credits = try r.strings()
        var quotes: [Quote] = []
        for _ in 0..<(try r.count()) { quotes.append(try Quote(from: &r)) }
        var blocks: [Block] = []
        for _ in 0..<(try r.count()) {
            let kind = try BlockKind(binaryCode: try r.byte(), reader: r)
            let text = try r.slice(in: bases)
            let first = try r.int(), last = try r.int()
            let marker = try r.shared()
            let rule = try r.sharedString()
            blocks.append(Block(kind: kind, textSlice: text, first: first, last: last, marker: marker, rule: rule,
                                duplicateOf: try r.optionalInt()))
        }
        let text = try r.slice(in: bases)
        self.init(id: id, path: path, lang: lang, text: "", raw: raw)
        textSlice = text
        self.title = title
        ledeSlice = lede
        self.date = date
        self.datePrecision = datePrecision
        self.source = source
        self.originalSource = originalSource
        self.url = url
        self.byline = byline
        self.agencies = agencies
        paragraphSlices = paragraphs
        self.headings = headings
        self.related = related
        self.captions = captions
        self.credits = credits
        self.quotes = quotes
        self.blocks = blocks
        html = try r.optionalString()
        for _ in 0..<(try r.count()) { meta[try r.string()] = try r.string() }
        warnings = try r.strings()
        guard r.isAtEnd else { throw r.fail("bytes after the article") }
    }
}

extension Quote {
    func write(to w: inout ByteWriter) {
        w.string(text)
        w.string(speaker)
        w.int(first)
        w.int(last)
    }

    init(from r: inout ByteReader) throws(BinaryDecodingError) {
        self.init(text: try r.string(), speaker: try r.optionalString(), first: try r.int(), last: try r.int())
    }
}

extension BlockKind {
    var binaryCode: UInt8 { UInt8(Self.allCases.firstIndex(of: self)!) }

    init(binaryCode: UInt8, reader: ByteReader) throws(BinaryDecodingError) {
        guard Int(binaryCode) < Self.allCases.count else { throw reader.fail("block kind \(binaryCode)") }
        self = Self.allCases[Int(binaryCode)]
    }
}

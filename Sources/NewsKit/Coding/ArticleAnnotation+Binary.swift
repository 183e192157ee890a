extension ArticleAnnotation {
    /// Version of the binary form; an annotation written by another version does not decode.
    static let binaryFormat: UInt8 = 1

    /// The annotation in the compact form the article cache stores. Kinds, ids, names and extractor
    /// names recur within an article and are written once each.
    public func binaryEncoded() -> [UInt8] {
        var w = ByteWriter(capacity: 64 + mentions.count * 48)
        w.byte(Self.binaryFormat)
        w.count(mentions.count)
        for m in mentions {
            w.shared(m.id)
            w.shared(m.kind)
            w.shared(m.name)
            w.shared(m.text)
            w.int(m.first)
            w.int(m.last)
            w.int(m.rawFirst)
            w.int(m.rawLast)
            w.int(m.block)
            w.shared(m.section)
            w.shared(m.extractor)
            w.double(m.score)
            w.shared(m.value)
            w.double(m.number)
            w.shared(m.unit)
            w.shared(m.form)
            w.shared(m.role)
        }
        w.count(quotes.count)
        for q in quotes {
            q.quote.write(to: &w)
            w.shared(q.speakerID)
            w.shared(q.speakerName)
        }
        return w.bytes
    }

    /// The annotation `binaryEncoded()` wrote; throws on bytes it did not write.
    public init(binary bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) {
        var r = ByteReader(bytes)
        guard try r.byte() == Self.binaryFormat else { throw r.fail("another format version") }
        var mentions: [EntityMention] = []
        let n = try r.count()
        mentions.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.sharedString(), kind = try r.sharedString(), name = try r.sharedString(), text = try r.sharedString()
            let first = try r.optionalInt(), last = try r.optionalInt()
            var m = EntityMention(id: id, kind: kind, name: name, text: text, first: first, last: last, extractor: "", score: 0)
            m.rawFirst = try r.optionalInt()
            m.rawLast = try r.optionalInt()
            m.block = try r.optionalInt()
            m.section = try r.sharedString()
            m.extractor = try r.sharedString()
            m.score = try r.double()
            m.value = try r.shared()
            m.number = try r.optionalDouble()
            m.unit = try r.shared()
            m.form = try r.shared()
            m.role = try r.shared()
            mentions.append(m)
        }
        var quotes: [AttributedQuote] = []
        for _ in 0..<(try r.count()) {
            quotes.append(AttributedQuote(quote: try Quote(from: &r), speakerID: try r.shared(), speakerName: try r.shared()))
        }
        guard r.isAtEnd else { throw r.fail("bytes after the annotation") }
        self.init(mentions: mentions, quotes: quotes)
    }
}

import Foundation
import LuaBridge
import NewsKit

/// `toolkit parse --format json`: one object per article with exactly the fields of the Lua
/// article (`ArticleFields`), the same names and 1-based offsets; fields that are nil are left out,
/// keys are sorted. Quotes that name a speaker are linked through the knowledge base, loaded once.
struct ArticleJSON: @unchecked Sendable {
    let entities: EntityContext
    /// What the stream's parsing workers do to each article: link the speakers of its quotes.
    let enrichment: ArticleStream.Enrichment
    /// The article's fields in the order the object lists them (sorted by name).
    nonisolated(unsafe) private static let fields = ArticleFields.declaration.fields.sorted { $0.name < $1.name }

    /// Links speakers on the stream's parsing workers, in parallel; an article whose quotes name no
    /// speaker is not annotated at all (its quotes are read straight off the article).
    init(plugins: PluginCatalog, console: Console) throws {
        entities = EntityContext(plugins: plugins, warn: { console.err("toolkit: warning: \($0)") })
        let annotator = try entities.annotator()
        // What speakerless articles carry: nothing of it is read (see ArticleObject.attributedQuotes).
        let none = annotator.annotate(Article(id: "", path: "", lang: "und", text: "", raw: ""))
        // Only the quotes are printed: each window's mentions are let go as soon as its quotes
        // are linked (on a 100 MB article all of them would be several times its size).
        enrichment = ArticleStream.Enrichment(generation: entities.generation) { article in
            guard article.quotes.contains(where: { $0.speaker != nil }) else { return none }
            var quotes: [AttributedQuote] = []
            annotator.annotateByWindow(article) { quotes += $0.quotes }
            return ArticleAnnotation(mentions: [], quotes: quotes)
        }
    }

    /// Writes the article's object and a line break to `sink`, in pieces of about 64 KiB: the
    /// text of a 100 MB article is escaped piece by piece from the article's own storage, and
    /// its blocks are made one at a time (`LuaList`), so the JSON is never whole in memory.
    func write(_ item: ArticleStream.Item, to sink: @escaping ([UInt8]) -> Void) throws {
        var out = JSONPieces(sink: sink)
        try write(item, into: &out)
        out.flush()
    }

    /// The article's whole line, made on a parsing worker (the stream's `render`), or nil when it
    /// cannot be made there: the consumer then writes it and raises the error. Safe off the main
    /// thread because the item carries its annotation (`enrichment`), so nothing here changes the
    /// entity context; it is only read.
    func rendered(_ item: ArticleStream.Item) -> String? {
        guard item.annotation?.generation == entities.generation else { return nil }
        var line: [UInt8] = []
        var out = JSONPieces(sink: { line = $0 }, pieceSize: .max)
        do { try write(item, into: &out) } catch { return nil }
        out.flush()
        return String(decoding: line, as: UTF8.self)
    }

    private func write(_ item: ArticleStream.Item, into out: inout JSONPieces) throws {
        let article = ArticleObject(item, entities: entities)
        out.buffer.append(UInt8(ascii: "{"))
        var first = true
        for field in Self.fields {
            let value = try field.get(article)
            if value.isNil { continue }
            if !first { out.buffer.append(UInt8(ascii: ",")) }
            first = false
            try out.key(field.name)
            // A map (`meta`) stays an object when empty; lists stay arrays.
            try out.value(value, emptyAsObject: field.type.hasPrefix("table<"), path: "value")
        }
        out.buffer.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    }
}

/// JSON written to a sink in pieces, with `LuaJSONEncoder`'s output (sorted keys, compact): a
/// string the host shares with Lua (`LuaString(sharing:)`, valid UTF-8 by construction) is
/// escaped straight from its storage, and every piece handed on ends at a character boundary.
struct JSONPieces {
    var buffer: [UInt8] = []
    let sink: ([UInt8]) -> Void
    /// Bytes after which a piece is handed on (`.max`: the whole object in one piece).
    let pieceSize: Int

    init(sink: @escaping ([UInt8]) -> Void, pieceSize: Int = 1 << 16) {
        self.sink = sink
        self.pieceSize = pieceSize
        buffer.reserveCapacity(min(pieceSize, 1 << 16) + 64)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func key(_ name: String) throws {
        try LuaJSONEncoder.string(Array(name.utf8), path: name, into: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    mutating func value(_ value: LuaValue, emptyAsObject: Bool, path: String) throws {
        switch value {
        case .string(let s) where s.isKnownUTF8:
            buffer.append(UInt8(ascii: "\""))
            s.forEachPiece { escapeContent($0) }
            buffer.append(UInt8(ascii: "\""))
        case .string(let s):
            try LuaJSONEncoder.string(s.bytes, path: path, into: &buffer)
        case .object(let list as LuaList) where list.count == 0 && emptyAsObject:
            buffer.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .object(let list as LuaList):
            // Element by element, as Lua would receive it.
            buffer.append(UInt8(ascii: "["))
            for i in 0..<list.count {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                try self.value(try list.value(at: i), emptyAsObject: emptyAsObject, path: "\(path)[\(i + 1)]")
            }
            buffer.append(UInt8(ascii: "]"))
        case .table(let t) where t.fields.isEmpty && (!t.array.isEmpty || !emptyAsObject):
            buffer.append(UInt8(ascii: "["))
            for (i, element) in t.array.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                try self.value(element, emptyAsObject: emptyAsObject, path: "\(path)[\(i + 1)]")
            }
            buffer.append(UInt8(ascii: "]"))
        case .table(let t):
            var members: [(key: [UInt8], value: LuaValue)] = t.array.enumerated().map { (Array(String($0.offset + 1).utf8), $0.element) }
            for (key, value) in t.fields {
                switch key {
                case .string(let s): members.append((s.bytes, value))
                case .integer(let i): members.append((Array(String(i).utf8), value))
                default:
                    // The encoder refuses such a key, naming it.
                    buffer += try LuaJSONEncoder(sortKeys: true, emptyAsObject: emptyAsObject).encode(.table(t))
                    return
                }
            }
            members.sort { $0.key.lexicographicallyPrecedes($1.key) }
            buffer.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                let name = String(decoding: member.key, as: UTF8.self)
                try LuaJSONEncoder.string(member.key, path: "\(path) key \"\(name)\"", into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                try self.value(member.value, emptyAsObject: emptyAsObject, path: "\(path).\(name)")
            }
            buffer.append(UInt8(ascii: "}"))
        default:
            buffer += try LuaJSONEncoder(sortKeys: true, emptyAsObject: emptyAsObject).encode(value)
        }
        if buffer.count >= pieceSize { flush() }
    }

    /// A JSON string of valid UTF-8, escaped as `LuaJSONEncoder.string` does. Runs of bytes that
    /// need no escape are copied whole; a piece is handed on only before the first byte of a
    /// character, so no piece ends inside one.
    /// The bytes escaped for a JSON string, without its quotes (a string may come in pieces).
    private mutating func escapeContent(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                i += 1
                continue
            }
            copy(bytes, start, i)
            switch byte {
            case UInt8(ascii: "\""): buffer.append(0x5C); buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            default:
                buffer.append(contentsOf: "\\u00".utf8)
                buffer.append(Self.hex[Int(byte >> 4)]); buffer.append(Self.hex[Int(byte & 0xF)])
            }
            i += 1
            start = i
        }
        copy(bytes, start, n)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `bytes[lo..<hi]` (no escapes), handing on full pieces at character boundaries.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) {
        var lo = lo
        while hi - lo > pieceSize - min(buffer.count, pieceSize) {
            var cut = lo + max(pieceSize - buffer.count, 0)
            while cut < hi && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<cut]))
            lo = cut
            flush()
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
    }
}

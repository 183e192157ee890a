import BundledData
import Foundation

/// The phrases that type the parts of an article (read-also links, credits, source and
/// agency markers, boilerplate, speech verbs...), loaded from marker files: one
/// `kind<TAB>phrase<TAB>options` line each, `#` comments (see the header of
/// Plugins/news-markers/markers/common.tsv). The markers are plugin data: the bundled
/// `news-markers` plugin holds the general ones, other plugins add or disable phrases.
public struct MarkerSet: Sendable {
    struct Entry: Sendable {
        var kind: MarkerKind
        var phrase: String
        var folded: [UInt8]
        var options: MarkerOptions
        var lang: String
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(URL)
        case badLine(file: String, line: Int, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let url): return "cannot read marker file \(url.path)"
            case .badLine(let file, let line, let reason): return "\(file):\(line): \(reason)"
            }
        }
    }

    private(set) var entries: [Entry]
    /// `disable` lines: phrases (kind, folded) this set removes from the sets it is merged over.
    private(set) var disables: [Entry] = []
    let trie: MarkerTrie
    /// Only the boilerplate phrases marked `contains`, and only the credit phrases: the scans for a
    /// notice anywhere in a line and for a credit glued to a caption try every position of a line,
    /// and walk no phrase of another kind. Matches report indices into `entries`, in the same
    /// order as `trie` reports them.
    let containedBoilerplate: MarkerTrie
    let credits: MarkerTrie
    /// For each first byte of a folded phrase, the kinds (bit per `MarkerKind` case) starting with it,
    /// so scans skip the trie at positions where no phrase of the wanted kind can start.
    let firstByteKinds: [UInt32]
    /// Hashes of the first word of every speech verb, so quote attribution looks a word up
    /// once instead of walking the trie at every word.
    let speechVerbFirstWords: Set<UInt64>

    /// The markers of the bundled `news-markers` plugin, compiled once: what a program that uses
    /// NewsKit without the toolkit's plugins parses with. Empty when the resource bundle is not
    /// beside the binary (`bundledFiles` is then empty too, for callers that must say so).
    public static let bundled: MarkerSet = {
        do {
            return try MarkerSet(files: bundledFiles)
        } catch {
            // The bundled files are checked by the tests; a broken copy must not take the tool down.
            return MarkerSet(entries: [])
        }
    }()

    /// The `markers/*.tsv` files of the bundled `news-markers` plugin, sorted; empty when missing.
    public static var bundledFiles: [URL] {
        guard let folder = BundledData.plugins?.appendingPathComponent("news-markers/markers") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// No markers: a run whose plugins give none parses lines by their shape alone.
    public static let none = MarkerSet(entries: [])

    /// Loads marker files; the language of each entry is the file name up to the first dot
    /// (`sw.tsv` → sw, `common.tsv` → common).
    public init(files: [URL]) throws {
        var entries: [Entry] = []
        for url in files {
            guard let data = try? Data(contentsOf: url) else { throw LoadError.unreadable(url) }
            let lang = String(url.lastPathComponent.split(separator: ".").first ?? "common")
            try Self.parse(String(decoding: data, as: UTF8.self), file: url.lastPathComponent,
                           lang: lang, into: &entries)
        }
        self.init(all: entries)
    }

    /// Parses marker text as if read from a file named `name` (the language is its stem).
    init(text: String, name: String) throws {
        var entries: [Entry] = []
        let lang = String(name.split(separator: ".").first ?? "common")
        try Self.parse(text, file: name, lang: lang, into: &entries)
        self.init(all: entries)
    }

    private init(all: [Entry]) {
        let disables = all.filter { $0.options.contains(.disable) }
        self.init(entries: Self.removing(disables, from: all.filter { !$0.options.contains(.disable) }))
        self.disables = disables
    }

    init(entries: [Entry]) {
        self.entries = entries
        self.trie = MarkerTrie(entries.map(\.folded))
        func subset(_ accept: (Entry) -> Bool) -> MarkerTrie {
            let chosen = entries.indices.filter { accept(entries[$0]) }
            return MarkerTrie(chosen.map { entries[$0].folded }, entries: chosen.map { Int32($0) })
        }
        self.containedBoilerplate = subset { $0.kind == .boilerplate && $0.options.contains(.contains) }
        self.credits = subset { $0.kind == .credit }
        var masks = [UInt32](repeating: 0, count: 256)
        for e in entries { masks[Int(e.folded[0])] |= e.kind.bit }
        self.firstByteKinds = masks
        var words: Set<UInt64> = []
        for e in entries where e.kind == .speechVerb {
            let end = e.folded.firstIndex(of: 0x20) ?? e.folded.count
            words.insert(Self.wordHash(e.folded[0..<end]))
        }
        self.speechVerbFirstWords = words
    }

    /// FNV-1a over a word's folded bytes.
    @inline(__always)
    static func wordHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    func mayStart(_ byte: UInt8, _ kind: MarkerKind) -> Bool {
        firstByteKinds[Int(byte)] & kind.bit != 0
    }

    /// This set with `other`'s phrases added; `disable` lines in `other` remove phrases of this set.
    /// The phrases of all the sets, less those any of them disables: a `disable` line removes a
    /// phrase whichever set gives it, so the order plugins load in does not matter.
    public init(combining sets: [MarkerSet]) {
        let disables = sets.flatMap(\.disables)
        self.init(entries: Self.removing(disables, from: sets.flatMap(\.entries)))
        self.disables = disables
    }

    public func merging(_ other: MarkerSet) -> MarkerSet {
        var merged = MarkerSet(entries: Self.removing(other.disables, from: entries) + other.entries)
        merged.disables = disables + other.disables
        return merged
    }

    /// Phrases of one kind (folded), e.g. for tests and the debugging view.
    func phrases(_ kind: MarkerKind) -> [String] {
        entries.filter { $0.kind == kind }.map(\.phrase)
    }

    /// `strict` phrases are too common a word elsewhere ("Na" in Swahili bylines): they count
    /// only when the article is known to be in their file's language.
    func applies(_ e: Entry, lang: String?) -> Bool {
        guard e.options.contains(.strict) else { return true }
        guard let lang else { return false }
        return e.lang == lang || lang.hasPrefix(e.lang + "-")
    }

    private static func removing(_ disables: [Entry], from entries: [Entry]) -> [Entry] {
        guard !disables.isEmpty else { return entries }
        return entries.filter { e in !disables.contains { $0.kind == e.kind && $0.folded == e.folded } }
    }

    private static func parse(_ text: String, file: String, lang: String, into entries: inout [Entry]) throws {
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else {
                throw LoadError.badLine(file: file, line: lineNumber, reason: "expected kind<TAB>phrase[<TAB>options]")
            }
            let kindName = columns[0].trimming(.whitespaces)
            guard let kind = MarkerKind(rawValue: kindName) else {
                throw LoadError.badLine(file: file, line: lineNumber, reason: "unknown kind '\(kindName)'")
            }
            let phrase = columns[1].trimming(.whitespaces)
            let folded = StructureFolding.fold(phrase)
            guard !folded.isEmpty else {
                throw LoadError.badLine(file: file, line: lineNumber, reason: "empty phrase")
            }
            var options: MarkerOptions = []
            if columns.count >= 3 {
                for word in columns[2].split(whereSeparator: { $0 == "," || $0 == " " }) {
                    guard let o = MarkerOptions.names[String(word)] else {
                        throw LoadError.badLine(file: file, line: lineNumber, reason: "unknown option '\(word)'")
                    }
                    options.insert(o)
                }
            }
            entries.append(Entry(kind: kind, phrase: phrase, folded: folded, options: options, lang: lang))
        }
    }
}

/// A byte trie over folded phrases, flattened into arrays so lookups never allocate. The root's
/// children are a table by byte (a scan starts at every position of a line, and most positions
/// start no phrase); the other nodes' children are sorted runs of edges.
struct MarkerTrie: Sendable {
    private let nodes: Nodes

    /// A trie of `phrases`; a match reports the phrase's position in `phrases`.
    init(_ phrases: [[UInt8]]) {
        self.init(phrases, entries: phrases.indices.map { Int32($0) })
    }

    /// A trie of `phrases`, where a match of `phrases[k]` reports `entries[k]` (a subset of a
    /// marker set's phrases reporting their indices in the whole set).
    init(_ phrases: [[UInt8]], entries: [Int32]) {
        var children: [[UInt8: Int]] = [[:]]
        var terms: [[Int32]] = [[]]
        for (index, phrase) in phrases.enumerated() {
            var node = 0
            for b in phrase {
                if let next = children[node][b] {
                    node = next
                } else {
                    children.append([:]); terms.append([])
                    children[node][b] = children.count - 1
                    node = children.count - 1
                }
            }
            terms[node].append(entries[index])
        }
        nodes = Nodes(children: children, terms: terms)
    }

    /// Whether some phrase starts with `byte`.
    @inline(__always)
    func mayStart(_ byte: UInt8) -> Bool { nodes.root[Int(byte)] >= 0 }

    /// Calls `found(entry, end)` for every phrase that starts at `pos` (end is exclusive),
    /// shortest first.
    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, at pos: Int, upTo limit: Int,
                 _ found: (Int, Int) -> Void) {
        guard pos < limit else { return }
        let nodes = self.nodes
        var node = Int(nodes.root[Int(bytes[pos])])
        var i = pos + 1
        while node >= 0 {
            let ts = Int(nodes.termStart[node]), te = Int(nodes.termStart[node + 1])
            for t in ts..<te { found(Int(nodes.termEntry[t]), i) }
            guard i < limit else { return }
            let b = bytes[i]
            let s = Int(nodes.edgeStart[node]), e = Int(nodes.edgeStart[node + 1])
            var next = -1
            var k = s
            while k < e {
                let eb = nodes.edgeByte[k]
                if eb == b { next = Int(nodes.edgeTarget[k]); break }
                if eb > b { break }
                k += 1
            }
            node = next
            i += 1
        }
    }

    /// The trie's arrays, written once when it is made and only read after: buffers of their own
    /// rather than arrays, so that a walk reads them without bounds checks or reference counting.
    private final class Nodes: @unchecked Sendable {
        /// For each byte, the child of the root it leads to, or -1.
        let root: UnsafeMutablePointer<Int32>
        /// Node `n`'s edges are `edgeStart[n]..<edgeStart[n + 1]`, sorted by byte; its phrases
        /// `termStart[n]..<termStart[n + 1]` of `termEntry`.
        let edgeStart: UnsafeMutablePointer<Int32>
        let edgeByte: UnsafeMutablePointer<UInt8>
        let edgeTarget: UnsafeMutablePointer<Int32>
        let termStart: UnsafeMutablePointer<Int32>
        let termEntry: UnsafeMutablePointer<Int32>

        init(children: [[UInt8: Int]], terms: [[Int32]]) {
            var edgeStart: [Int32] = [], edgeByte: [UInt8] = [], edgeTarget: [Int32] = []
            var termStart: [Int32] = [], termEntry: [Int32] = []
            for node in children.indices {
                edgeStart.append(Int32(edgeByte.count))
                for (b, t) in children[node].sorted(by: { $0.key < $1.key }) {
                    edgeByte.append(b); edgeTarget.append(Int32(t))
                }
                termStart.append(Int32(termEntry.count))
                termEntry.append(contentsOf: terms[node])
            }
            edgeStart.append(Int32(edgeByte.count))
            termStart.append(Int32(termEntry.count))
            var root = [Int32](repeating: -1, count: 256)
            for (b, t) in children[0] { root[Int(b)] = Int32(t) }
            self.root = Self.copy(root)
            self.edgeStart = Self.copy(edgeStart)
            self.edgeByte = Self.copy(edgeByte)
            self.edgeTarget = Self.copy(edgeTarget)
            self.termStart = Self.copy(termStart)
            self.termEntry = Self.copy(termEntry)
        }

        private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
            values.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
            }
            return pointer
        }

        deinit {
            root.deallocate()
            edgeStart.deallocate()
            edgeByte.deallocate()
            edgeTarget.deallocate()
            termStart.deallocate()
            termEntry.deallocate()
        }
    }
}

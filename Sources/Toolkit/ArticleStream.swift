import Foundation
import NewsKit

/// Articles of a corpus in input order, parsed ahead of the consumer on all cores. Reading is
/// sequential (one file at a time, JSON Lines line by line); parsing runs in parallel within a
/// bounded window, so memory stays flat on corpora of any size.
public final class ArticleStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var produced = 0
    private var consumed = 0
    /// Articles the filters left out, and those handed out (`count`).
    private var dropped = 0
    private var delivered = 0
    /// Bytes of the articles handed out (their web page, else their raw text), for progress.
    private var deliveredBytes = 0
    private var finished = false
    private var stopped = false
    private let window: Int
    /// Bytes of text read but not yet handed out. Besides the window's count of articles, this
    /// bounds what is held ahead of the consumer when articles are large.
    private var bytesAhead = 0
    static let bytesAheadLimit = 16 << 20
    /// Articles up to this size are rendered (`render`) on the workers; larger ones are left to
    /// the consumer, which writes them in pieces instead of holding their whole output.
    public static let renderLimit = 256 << 10
    private let render: (@Sendable (Item) -> String?)?
    private var enrichment: Enrichment?

    /// Work to do on each article after parsing, on the parsing workers (annotation, once a script
    /// has asked for entities). Articles already parsed when it is set come without it.
    public struct Enrichment: Sendable {
        public var generation: Int
        public var apply: @Sendable (Article) -> ArticleAnnotation
        /// The article cache's fingerprint of what `annotate` makes (nil: nothing is cached).
        public var fingerprint: ContentDigest?
        /// The annotation, or nil when it cannot be made here (the consumer makes it, and raises why).
        public var annotate: (@Sendable (Article) -> ArticleAnnotation?)?

        public init(generation: Int, apply: @escaping @Sendable (Article) -> ArticleAnnotation) {
            self.generation = generation
            self.apply = apply
        }

        /// `apply` gives an empty annotation where `annotate` fails: whoever uses it must check.
        public init(generation: Int, fingerprint: ContentDigest?, annotate: @escaping @Sendable (Article) -> ArticleAnnotation?) {
            self.init(generation: generation) { annotate($0) ?? ArticleAnnotation(mentions: [], quotes: []) }
            self.fingerprint = fingerprint
            self.annotate = annotate
        }
    }

    /// An article and what the enrichment of its time made of it. While the stream does not parse
    /// ahead, `article` is only what the record gives and `record` is kept to parse it on demand.
    public struct Item: Sendable {
        public var article: Article
        public var annotation: (generation: Int, value: ArticleAnnotation)?
        public var record: InputRecord?
        /// The digest of the article's record, when the stream read it through the article cache.
        public var recordDigest: ContentDigest?
        /// Left out by the stream's filters: holds its place in the order, never handed out.
        var dropped = false
        /// What the stream's `render` made of the item on a parsing worker (nil when it has none,
        /// or the article was too large to render whole).
        public var rendered: String?
        /// Bytes of text the item counts for in `bytesAhead`.
        var size = 0

        public init(article: Article, annotation: (generation: Int, value: ArticleAnnotation)?, record: InputRecord? = nil) {
            self.article = article
            self.annotation = annotation
            self.record = record
        }

        init(article: Article, annotation: (generation: Int, value: ArticleAnnotation)?, dropped: Bool) {
            self.init(article: article, annotation: annotation)
            self.dropped = dropped
        }
    }
    /// Whether the workers parse each article ahead (else the consumer parses what it needs).
    private var parsing: Bool
    private var items: [Int: Item] = [:]

    /// Every input problem of the run, printed as it comes and counted for the summary line.
    public let inputs: InputSummary
    /// With `strict`, the first input problem ends the stream: the consumer gets the articles
    /// before it, then an error instead of the next one.
    private let strict: Bool
    private var failure: InputProblem?
    /// The problem that ended a strict stream, once the consumer has reached it.
    public private(set) var strictStop: InputProblem?

    /// Every filter must keep an article for the stream to hand it out (see `ArticleFilter`).
    private let filters: [ArticleFilter]

    /// Where parsed articles and annotations are looked up before they are made, and stored.
    let cache: CacheSession?

    /// Lines repeated across a source's articles, learnt once per run when it asks (nil: none are learnt).
    private let sourceBoilerplate: SourceBoilerplateLearning?

    public convenience init(corpus: Corpus, reader: ArticleReader = ArticleReader(), window: Int = 256, strict: Bool = false,
                            inputs: InputSummary, parseAhead: Bool = true, filters: [ArticleFilter] = [], cache: CacheSession? = nil,
                            enrichment: Enrichment? = nil, render: (@Sendable (Item) -> String?)? = nil,
                            learnBoilerplate: Bool = false)
    {
        self.init(corpus: corpus, reader: reader, window: window, strict: strict, inputs: inputs, parseAhead: parseAhead,
                  filters: filters, cache: cache,
                  sourceBoilerplate: SourceBoilerplateLearning.requested(learnBoilerplate, corpus: corpus, warn: inputs.warn),
                  enrichment: enrichment, render: render)
    }

    init(corpus: Corpus, reader: ArticleReader, window: Int = 256, strict: Bool, inputs: InputSummary, parseAhead: Bool,
         filters: [ArticleFilter], cache: CacheSession?, sourceBoilerplate: SourceBoilerplateLearning?,
         enrichment: Enrichment? = nil, render: (@Sendable (Item) -> String?)? = nil)
    {
        self.sourceBoilerplate = sourceBoilerplate
        self.cache = cache
        self.enrichment = enrichment
        self.render = render
        self.parsing = parseAhead
        self.filters = filters.filter { !$0.isEmpty }
        self.window = window
        self.inputs = inputs
        self.strict = strict
        let thread = Thread { [self] in produce(corpus, reader) }
        thread.name = "toolkit.reader"
        thread.start()
    }

    deinit { stop() }

    /// The next article, or nil at the end. Waits for the parser when it is behind. Throws, in a
    /// strict stream, when the next input in order is a problem.
    public func next() throws -> Article? { try nextItem()?.article }

    /// The next article with its enrichment, if any was set when it was parsed.
    public func nextItem() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while items[consumed] == nil && !(finished && consumed >= produced) {
                condition.wait()
            }
            guard items[consumed]?.dropped == true else { break }
            bytesAhead -= items[consumed]?.size ?? 0
            items[consumed] = nil
            consumed += 1
            dropped += 1
            condition.broadcast()
        }
        guard let item = items.removeValue(forKey: consumed) else {
            // Nothing is produced after a strict failure, so it comes exactly in its place.
            if let failure {
                strictStop = failure
                throw ToolkitError.noReadableInput(failure.strictMessage)
            }
            return nil
        }
        consumed += 1
        delivered += 1
        bytesAhead -= item.size
        deliveredBytes += item.article.html?.utf8.count ?? item.article.rawByteCount
        condition.broadcast()
        return item
    }

    /// From now on the workers parse every article ahead (a script asked for a parsed field).
    public func parseAhead() {
        condition.lock()
        parsing = true
        condition.unlock()
    }

    public func enrich(with enrichment: Enrichment?) {
        condition.lock()
        self.enrichment = enrichment
        condition.unlock()
    }

    /// Stops reading ahead (the script ended early).
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Number of articles handed out so far.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return delivered
    }

    /// Number of articles the filters left out so far (of those before the last one handed out).
    public var leftOut: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    /// Articles handed out so far, their bytes, and whether the stream has ended (for a progress line).
    public var progress: (articles: Int, bytes: Int, ended: Bool) {
        condition.lock()
        defer { condition.unlock() }
        return (delivered, deliveredBytes, stopped || (finished && consumed >= produced))
    }

    /// Thrown out of the readers' callbacks to stop reading once the stream must end.
    private struct Stop: Error {}

    private func produce(_ corpus: Corpus, _ reader: ArticleReader) {
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "toolkit.parse", attributes: .concurrent)
        func report(_ problem: InputProblem) throws {
            if strict && problem.isProblem {
                condition.lock()
                failure = problem
                condition.unlock()
                throw Stop()
            }
            inputs.report(problem)
        }
        let boilerplate = sourceBoilerplate?.learnt
        func submit(_ given: InputRecord) throws {
            var tagged = given
            if let boilerplate { tagged.repeatedLines = boilerplate.repeatedLines(of: given) }
            let record = tagged
            for problem in record.document.problems { try report(problem) }
            let size = record.document.text.utf8.count
            if size > TextWindows.size {
                inputs.note("\(record.document.origin): an article of \(String(format: "%.1f", Double(size) / 1e6)) MB: quotes, names, dates and amounts are found in windows of \(TextWindows.size >> 20) MiB, so one that spans the edge of a window is missed")
            }
            condition.lock()
            while (produced - consumed >= window || (bytesAhead > 0 && bytesAhead + size > Self.bytesAheadLimit)) && !stopped {
                condition.wait()
            }
            if stopped { condition.unlock(); throw Stop() }
            let index = produced
            produced += 1
            bytesAhead += size
            let enrichment = self.enrichment
            let parse = parsing
            condition.unlock()
            // Handed over, not captured: the worker lets go of the input once the article holds it,
            // before annotating (a long article's input would otherwise be held twice).
            let handed = HandedOver(record)
            queue.async(group: group) { [self] in
                var item: Item
                let record = handed.take()
                if let kept = filtered(record, reader) {
                    item = kept
                } else if parse {
                    item = parsedItem(consume record, reader, enrichment)
                } else {
                    item = Item(article: reader.unparsed(record), annotation: nil, record: record)
                }
                item.size = size
                if let render, !item.dropped, size <= Self.renderLimit { item.rendered = render(item) }
                condition.lock()
                items[index] = item
                condition.broadcast()
                condition.unlock()
            }
        }
        func text(_ data: Data, _ name: String) throws {
            switch Document.read(origin: name, bytes: data) {
            case .success(let document): try submit(InputRecord(document: document))
            case .failure(let problem): try report(problem)
            }
        }
        do {
            for input in corpus.inputs {
                switch input {
                case .skipped(let problem):
                    try report(problem)
                case .textFile(let url, let name):
                    switch InputFile.document(path: url.path, shownAs: name) {
                    case .success(let document): try submit(InputRecord(document: document))
                    case .failure(let problem): try report(problem)
                    }
                case .jsonLines(let url, let name):
                    // A few megabytes at a time: a JSON Lines file of any size is read in flat memory.
                    try JSONLinesReader(origin: name).read(path: url.path, problems: report, submit)
                case .webPage(let url, let name):
                    switch InputFile.read(path: url.path, shownAs: name) {
                    case .success(let data): try HTMLInput.read(file: data, origin: name, problems: report, submit)
                    case .failure(let problem): try report(problem)
                    }
                case .warc(let url, let name):
                    switch InputFile.read(path: url.path, shownAs: name) {
                    case .success(let data): try WARCReader(origin: name).read(file: data, problems: report, submit)
                    case .failure(let problem): try report(problem)
                    }
                case .standardInput:
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    let format = corpus.format
                    if format == .warc || format == .auto && Self.looksLikeWARC(data) {
                        try WARCReader(origin: "-").read(file: data, problems: report, submit)
                    } else if format == .html || format == .auto && Self.looksLikeHTML(data) {
                        try HTMLInput.read(file: data, origin: "-", problems: report, submit)
                    } else if format == .jsonl || format == .auto && Self.looksLikeJSONLines(data) {
                        try JSONLinesReader(origin: "-").read(file: data, problems: report, submit)
                    } else {
                        try text(data, "-")
                    }
                }
            }
            for record in corpus.records { try submit(record) }
        } catch {
            // Stopped: by the consumer, or by a problem under --strict.
        }
        group.wait()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// What the filters make of a record: nil when there are none, or when they keep it without
    /// having parsed it (the caller goes on as without filters); otherwise a dropped placeholder, or
    /// the article they had to parse to decide and kept.
    private func filtered(_ record: InputRecord, _ reader: ArticleReader) -> Item? {
        guard !filters.isEmpty else { return nil }
        let decisions = filters.map { $0.decision(for: record, isoDate: reader.isoDate(given:)) }
        if decisions.contains(false) { return Item(article: reader.unparsed(record), annotation: nil, dropped: true) }
        if !decisions.contains(nil) { return nil }
        let article = reader.article(from: record)
        guard filters.allSatisfy({ $0.accepts(article) }) else {
            return Item(article: article, annotation: nil, dropped: true)
        }
        condition.lock()
        let enrichment = self.enrichment
        condition.unlock()
        return Item(article: article, annotation: enrichment.map { ($0.generation, $0.apply(article)) })
    }

    /// A web archive on standard input: `WARC/` first, or a gzip member (a lone gzipped page on
    /// standard input is read as a WARC too, and said to be none).
    static func looksLikeWARC(_ data: Data) -> Bool {
        data.starts(with: Array("WARC/".utf8)) || data.starts(with: [0x1F, 0x8B])
    }

    /// A web page on standard input: markup first (past any byte-order mark and white space).
    static func looksLikeHTML(_ data: Data) -> Bool {
        let ignorable: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        let start = String(decoding: data.prefix(512).drop { ignorable.contains($0) }.prefix(15), as: UTF8.self).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || start.hasPrefix("<!--")
    }

    /// Standard input has no name to tell its format by: JSON Lines when its first character is
    /// `{` (past any byte-order mark, and the NULs of UTF-16).
    static func looksLikeJSONLines(_ data: Data) -> Bool {
        let ignorable: Set<UInt8> = [0x00, 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE]
        return data.prefix(4096).first { !ignorable.contains($0) } == UInt8(ascii: "{")
    }
}

/// A value one closure takes from another thread, after which nothing holds it but the taker.
private final class HandedOver<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

import Foundation
import NewsKit

/// Articles of a corpus in input order, parsed ahead of the consumer on all cores. Reading is
/// sequential (one file at a time, JSON Lines line by line); parsing runs in parallel within a
/// bounded window, so memory stays flat on corpora of any size.
public final class ArticleStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var produced = 0
    private var consumed = 0
    private var finished = false
    private var stopped = false
    private let window: Int
    private let warn: @Sendable (String) -> Void
    private var enrichment: Enrichment?

    /// Work to do on each article after parsing, on the parsing workers (annotation, once a script
    /// has asked for entities). Articles already parsed when it is set come without it.
    public struct Enrichment: Sendable {
        public var generation: Int
        public var apply: @Sendable (Article) -> ArticleAnnotation
        public init(generation: Int, apply: @escaping @Sendable (Article) -> ArticleAnnotation) {
            self.generation = generation
            self.apply = apply
        }
    }

    /// An article and what the enrichment of its time made of it.
    public struct Item: Sendable {
        public var article: Article
        public var annotation: (generation: Int, value: ArticleAnnotation)?
    }
    private var items: [Int: Item] = [:]

    /// Inputs that could not be read at all (for the "no readable input" exit).
    public private(set) var unreadable: [String] = []

    public init(corpus: Corpus, reader: ArticleReader = ArticleReader(), window: Int = 256,
                warn: @escaping @Sendable (String) -> Void)
    {
        self.window = window
        self.warn = warn
        let thread = Thread { [self] in produce(corpus, reader) }
        thread.name = "toolkit.reader"
        thread.start()
    }

    deinit { stop() }

    /// The next article, or nil at the end. Waits for the parser when it is behind.
    public func next() -> Article? { nextItem()?.article }

    /// The next article with its enrichment, if any was set when it was parsed.
    public func nextItem() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items[consumed] == nil && !(finished && consumed >= produced) {
            condition.wait()
        }
        guard let item = items.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        condition.broadcast()
        return item
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
        return consumed
    }

    private func produce(_ corpus: Corpus, _ reader: ArticleReader) {
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "toolkit.parse", attributes: .concurrent)
        func submit(_ record: InputRecord) -> Bool {
            condition.lock()
            while produced - consumed >= window && !stopped { condition.wait() }
            if stopped { condition.unlock(); return false }
            let index = produced
            produced += 1
            let enrichment = self.enrichment
            condition.unlock()
            for warning in record.document.warnings { warn(warning) }
            queue.async(group: group) { [self] in
                let article = reader.article(from: record)
                let item = Item(article: article, annotation: enrichment.map { ($0.generation, $0.apply(article)) })
                condition.lock()
                items[index] = item
                condition.broadcast()
                condition.unlock()
            }
            return true
        }
        inputs: for input in corpus.inputs {
            switch input {
            case .textFile(let url, let name):
                guard let data = read(url, name) else { continue }
                if !submit(InputRecord(document: Document(origin: name, bytes: data))) { break inputs }
            case .jsonLines(let url, let name):
                guard let data = read(url, name) else { continue }
                var going = true
                JSONLinesReader(origin: name).read(data, warn: warn) { record in
                    if going { going = submit(record) }
                }
                if !going { break inputs }
            case .standardInput:
                let data = FileHandle.standardInput.readDataToEndOfFile()
                let looksLikeJSONLines = data.first == UInt8(ascii: "{")
                if looksLikeJSONLines {
                    var going = true
                    JSONLinesReader(origin: "-").read(data, warn: warn) { record in
                        if going { going = submit(record) }
                    }
                    if !going { break inputs }
                } else if !data.isEmpty {
                    if !submit(InputRecord(document: Document(origin: "-", bytes: data))) { break inputs }
                }
            }
        }
        group.wait()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func read(_ url: URL, _ name: String) -> Data? {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            let message = "\(name): cannot be read (\(error.localizedDescription)); skipped"
            condition.lock()
            unreadable.append(message)
            condition.unlock()
            warn(message)
            return nil
        }
    }
}

import Foundation
import LuaBridge
import NewsKit

/// Where a run's articles come from. Every `toolkit.articles()` call, and every report, is a new
/// full pass from the first article; standard input can be read only once, so a second pass over
/// it is an error that says so. Input problems are reported on the first pass only.
final class ArticleSource {
    let corpus: Corpus
    /// Made by the first pass that parses (see `LazyArticleReader`).
    var reader: ArticleReader { readers.reader }
    private let readers: LazyArticleReader
    /// Learnt once for all passes of the run, when the run asks for it.
    private let sourceBoilerplate: SourceBoilerplateLearning?
    let strict: Bool
    /// `--lang`, `--since`, `--until`, `--source`: applied to every pass, reports' included.
    let filter: ArticleFilter?
    /// The summary of the first pass: the one the run reports.
    let inputs: InputSummary
    /// The run's article cache, consulted by every pass.
    var cache: CacheSession?
    /// Shows the passes' progress on a terminal.
    var progress: ProgressLine?
    /// The first pass, kept for the summary; later ones only while their loop holds them.
    private var first: ArticleStream?
    private var later: [WeakStream] = []

    init(corpus: Corpus, reader: LazyArticleReader, strict: Bool, inputs: InputSummary, filter: ArticleFilter? = nil,
         sourceBoilerplate: SourceBoilerplateLearning? = nil)
    {
        self.corpus = corpus
        self.readers = reader
        self.sourceBoilerplate = sourceBoilerplate
        self.strict = strict
        self.inputs = inputs
        self.filter = filter
    }

    /// A new pass over the whole corpus. Passes run side by side (a loop inside a loop reads the
    /// corpus inside each article of the outer one); a pass stops reading ahead when its iterator
    /// is collected (see `PassHandle`).
    /// `filter` (a script's `toolkit.articles{...}`) applies beside the run's own.
    func newPass(parseAhead: Bool = true, filter passFilter: ArticleFilter? = nil) throws -> ArticleStream {
        if first != nil && corpus.inputs.contains(.standardInput) {
            throw LuaScriptError("toolkit.articles: standard input can be read only once; save it to a file to read the articles twice")
        }
        let quiet = InputSummary(console: Console(out: { _ in }, err: { _ in }))
        let stream = ArticleStream(corpus: corpus, reader: reader, strict: strict, inputs: first == nil ? inputs : quiet,
                                   parseAhead: parseAhead, filters: [filter, passFilter].compactMap { $0 }, cache: cache,
                                   sourceBoilerplate: sourceBoilerplate)
        progress?.follow(stream)
        if first == nil { first = stream } else {
            later.removeAll { $0.stream == nil }
            later.append(WeakStream(stream: stream))
        }
        return stream
    }

    /// A record's article, through the cache when the run has one (a script's pass parses on demand).
    func article(from record: InputRecord) -> Article {
        cache?.article(from: record, reader: reader).article ?? reader.article(from: record)
    }

    /// Articles handed out by the first pass (what the summary counts).
    var count: Int { first?.count ?? 0 }

    /// Articles the first pass's filters left out.
    var leftOut: Int { first?.leftOut ?? 0 }

    /// The problem that ended a strict pass, if one did.
    var strictStop: InputProblem? { first?.strictStop ?? later.lazy.compactMap { $0.stream?.strictStop }.first }

    func stopAll() {
        first?.stop()
        for pass in later { pass.stream?.stop() }
    }
}

private struct WeakStream {
    weak var stream: ArticleStream?
}

/// Held by a pass's iterator function: when Lua collects the iterator (the loop ended or was
/// left with `break`), the pass stops reading ahead and its articles are freed.
final class PassHandle {
    let stream: ArticleStream
    init(_ stream: ArticleStream) { self.stream = stream }
    deinit { stream.stop() }
}

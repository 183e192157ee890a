import Foundation
import LuaBridge
import NewsKit

/// Where a run's articles come from. Every `toolkit.articles()` call, and every report, is a new
/// full pass from the first article; standard input can be read only once, so a second pass over
/// it is an error that says so. Input problems are reported on the first pass only.
final class ArticleSource {
    let corpus: Corpus
    let reader: ArticleReader
    let strict: Bool
    /// The summary of the first pass: the one the run reports.
    let inputs: InputSummary
    private(set) var passes: [ArticleStream] = []

    init(corpus: Corpus, reader: ArticleReader, strict: Bool, inputs: InputSummary) {
        self.corpus = corpus
        self.reader = reader
        self.strict = strict
        self.inputs = inputs
    }

    /// A new pass over the whole corpus; the previous one stops reading ahead.
    func newPass() throws -> ArticleStream {
        if !passes.isEmpty && corpus.inputs.contains(.standardInput) {
            throw LuaScriptError("toolkit.articles: standard input can be read only once; save it to a file to read the articles twice")
        }
        passes.last?.stop()
        let quiet = InputSummary(console: Console(out: { _ in }, err: { _ in }))
        let stream = ArticleStream(corpus: corpus, reader: reader, strict: strict, inputs: passes.isEmpty ? inputs : quiet)
        passes.append(stream)
        return stream
    }

    /// Articles handed out by the first pass (what the summary counts).
    var count: Int { passes.first?.count ?? 0 }

    /// The problem that ended a strict pass, if one did.
    var strictStop: InputProblem? { passes.lazy.compactMap(\.strictStop).first }

    func stopAll() { for pass in passes { pass.stop() } }
}

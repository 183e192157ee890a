import Foundation
import NewsKit

/// What a run learns of its sources' furniture (`SourceBoilerplate`), learnt once, on the first
/// pass that needs it, by a quick reading of the whole corpus before any article is parsed: every
/// pass of the run, whatever its filters and however its workers are scheduled, types the same
/// lines. Only records that name their site (JSON Lines `source` or `url`, records handed over in
/// memory) are counted; plain text files name none, web pages have their own furniture rules, and
/// standard input cannot be read twice.
final class SourceBoilerplateLearning: @unchecked Sendable {
    private let lock = NSLock()
    private let corpus: Corpus
    private var made: SourceBoilerplate?

    init(corpus: Corpus) { self.corpus = corpus }

    var learnt: SourceBoilerplate {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let learnt = Self.learn(corpus)
        made = learnt
        return learnt
    }

    /// Problems of the inputs are left to the pass that reads them for real, which reports them.
    static func learn(_ corpus: Corpus) -> SourceBoilerplate {
        var counts = SourceLineCounts()
        for input in corpus.inputs {
            guard case .jsonLines(let url, let name) = input, case .success(let data) = InputFile.read(path: url.path, shownAs: name)
            else { continue }
            JSONLinesReader(origin: name).read(file: data, problems: { _ in }) { counts.count($0) }
        }
        for record in corpus.records { counts.count(record) }
        return counts.learnt()
    }
}

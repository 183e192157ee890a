import Foundation
import NewsKit

/// What a run learns of its sources' furniture (`SourceBoilerplate`) when asked to
/// (`--learn-boilerplate`), learnt once, on the first pass that needs it, by a quick reading of the
/// whole corpus before any article is parsed: every pass of the run, whatever its filters and
/// however its workers are scheduled, types the same lines. Only records that name their site
/// (JSON Lines `source` or `url`, records handed over in memory) are counted; plain text files name
/// none, web pages have their own furniture rules, and standard input cannot be read twice.
///
/// It is not the default because what is learnt depends on the whole corpus: the same article
/// would parse differently read alone, from standard input, or in one part of a corpus split
/// across machines (`--map-state`, Spark), and a run's output must not depend on how it was split.
final class SourceBoilerplateLearning: @unchecked Sendable {
    private let lock = NSLock()
    private let corpus: Corpus
    private var made: SourceBoilerplate?

    init(corpus: Corpus) { self.corpus = corpus }

    /// The learning a run asked for, or nil; says on stderr (through `warn`) what it cannot learn from.
    static func requested(_ requested: Bool, corpus: Corpus, warn: (String) -> Void) -> SourceBoilerplateLearning? {
        guard requested else { return nil }
        if corpus.inputs.contains(.standardInput) {
            warn("--learn-boilerplate: standard input can be read only once, so no lines are learnt from it; save it to a file to learn its repeated lines")
        } else if !corpus.inputs.contains(where: { if case .jsonLines = $0 { true } else { false } }) && corpus.records.isEmpty {
            warn("--learn-boilerplate: lines are learnt only from JSON Lines records, which name their source or URL, and these inputs hold none; nothing is learnt")
        }
        return SourceBoilerplateLearning(corpus: corpus)
    }

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

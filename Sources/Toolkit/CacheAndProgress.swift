import Foundation
import NewsKit

/// What a script run adds around its passes over the corpus, from `RunOptions`: the article cache
/// (opened on first use, closed at the end of the run) and the progress line.
struct CacheAndProgress {
    let session: CacheSession?
    let progress: ProgressLine?

    init(options: RunOptions, plugins: PluginCatalog, corpus: Corpus, console: Console) {
        session = options.cacheFolder.map { folder in
            CacheSession(cache: ArticleCache(folder: folder, note: { console.err("toolkit: \($0)") }), plugins: plugins.plugins)
        }
        progress = ProgressLine.make(options.progress, total: Self.size(of: corpus))
    }

    /// Hands the cache and the progress line to the run's passes and to its entity context.
    func attach(to source: ArticleSource, entities: EntityContext) {
        source.cache = session
        source.progress = progress
        entities.cache = session
    }

    /// At the end of the run: the line erased, what waits written into the cache.
    func finish() {
        progress?.finish()
        session?.cache.close()
    }

    /// The corpus's size in bytes, when its inputs are files read as they are (not standard input,
    /// not compressed: the articles' bytes would not add up to it).
    static func size(of corpus: Corpus) -> Int? {
        var total = 0
        for input in corpus.inputs {
            switch input {
            case .skipped: continue
            case .standardInput: return nil
            case .textFile(let url, _), .jsonLines(let url, _), .webPage(let url, _), .warc(let url, _):
                if url.pathExtension == "gz" { return nil }
                var info = stat()
                if stat(url.path, &info) == 0 { total += Int(info.st_size) }
            }
        }
        return total
    }
}

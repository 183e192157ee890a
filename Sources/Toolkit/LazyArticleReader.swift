import Foundation
import NewsKit

/// The run's article reader, made when a pass first needs it. Its markers (those of the bundled
/// news-markers plugin were a third of the start-up of a script that reads no article) are read
/// then, so such a script never pays for them, nor a rerun whose articles all come from the cache.
/// Marker files of plugins that did not ship with the toolkit are read at once: a broken one is said
/// before the script runs, like every other plugin data error.
final class LazyArticleReader: @unchecked Sendable {
    private let lock = NSLock()
    private var made: ArticleReader?
    private let plugins: PluginCatalog
    private let warn: @Sendable (String) -> Void

    /// `warn` hears, once, that no plugin of the run gives markers, when the first article is parsed.
    init(plugins: PluginCatalog, warn: @escaping @Sendable (String) -> Void) throws {
        self.plugins = plugins
        self.warn = warn
        if plugins.plugins.contains(where: { !$0.markerFiles.isEmpty && $0.origin != "bundled" }) {
            made = ArticleReader(markers: try plugins.markers())
        }
    }

    var reader: ArticleReader {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let markers: MarkerSet
        do {
            markers = try plugins.markers()
        } catch {
            // Bundled files are checked by make test; a damaged installed copy is said, not fatal.
            warn("\(error); articles are parsed without markers")
            markers = .none
        }
        if let missing = plugins.markersMissing { warn(missing) }
        let reader = ArticleReader(markers: markers)
        made = reader
        return reader
    }
}

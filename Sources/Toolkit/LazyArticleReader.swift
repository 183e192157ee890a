import Foundation
import NewsKit

/// The run's article reader, made when a pass first needs it. Its markers (the bundled ones, read
/// from NewsKit's tables, were a third of the start-up of a script that reads no article) are
/// read then, so such a script never pays for them, nor a rerun whose articles all come from the
/// cache. Plugins' own marker files are read at once: a broken one is said before the script runs,
/// like every other plugin data error.
final class LazyArticleReader: @unchecked Sendable {
    private let lock = NSLock()
    private var made: ArticleReader?

    init(plugins: PluginCatalog) throws {
        if plugins.plugins.contains(where: { !$0.markerFiles.isEmpty }) {
            made = ArticleReader(markers: try plugins.markers())
        }
    }

    var reader: ArticleReader {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let reader = ArticleReader(markers: .bundled)
        made = reader
        return reader
    }
}

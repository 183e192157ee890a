import Foundation
import NewsKit

/// One generation's annotator (the plugins' knowledge base and rules, with what `toolkit.kb.add`
/// added), built when an article first needs annotating, by whichever thread needs it: a rerun
/// whose annotations all come from the cache never loads the knowledge base. A failure to build
/// is kept, so that the consumer can raise it where the user sees it.
final class SharedAnnotator: @unchecked Sendable {
    private let lock = NSLock()
    private let build: () throws -> EntityAnnotator
    private var result: Result<EntityAnnotator, Error>?

    init(build: @escaping () throws -> EntityAnnotator) { self.build = build }

    func get() throws -> EntityAnnotator {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let made = Result { try build() }
        result = made
        return try made.get()
    }

    /// The article's annotation, or nil when the annotator could not be built.
    func annotate(_ article: Article) -> ArticleAnnotation? {
        (try? get())?.annotate(article)
    }

    /// Whether building the annotator failed (articles annotated meanwhile carry no annotation).
    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .failure = result { return true }
        return false
    }
}

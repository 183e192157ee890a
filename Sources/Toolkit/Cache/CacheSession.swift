import Foundation
import NewsKit

/// A run's use of the article cache: parsed articles and annotations looked up by their record's
/// digest and the run's fingerprints, and stored when they had to be computed. Shared by the
/// stream's workers and the Lua state's thread.
public struct CacheSession: Sendable {
    public let cache: ArticleCache
    let fingerprints: CacheFingerprints

    /// Texts longer than this (4 MiB, some four hundred times the longest article of the sample
    /// corpus) are neither looked up nor stored: their encoded article and annotation would be
    /// held whole beside the article, several times its size, where a long input must stay
    /// within a small multiple of it (issue 7).
    public static let largestCachedText = 4 << 20
    let largestCachedText: Int

    /// The cache, with the fingerprints of the run's plugins (in load order).
    public init(cache: ArticleCache, plugins: [Plugin], largestCachedText: Int = CacheSession.largestCachedText) {
        self.cache = cache
        self.fingerprints = CacheFingerprints(plugins: plugins)
        self.largestCachedText = largestCachedText
    }

    /// The record's article, from the cache when it holds it (only where it was read from and how
    /// its bytes were decoded are the record's own), else parsed and stored. A text too long for
    /// the cache is parsed and has no digest.
    func article(from record: InputRecord, reader: ArticleReader) -> (article: Article, digest: ContentDigest?) {
        guard let digest = cacheableDigest(of: record) else { return (reader.article(from: record), nil) }
        let key = CacheKey(record: digest, fingerprint: fingerprints.parsing)
        if let bytes = cache.value(in: .parsed, key: key),
           var article = try? bytes.withUnsafeBytes({ try Article(binary: $0) })
        {
            article.path = record.document.origin
            article.warnings = record.document.warnings
            return (article, digest)
        }
        let article = reader.article(from: record)
        cache.store(article.binaryEncoded(), in: .parsed, key: key)
        return (article, digest)
    }

    /// The annotation stored for the record under `fingerprint`, if any.
    func annotation(record digest: ContentDigest, fingerprint: ContentDigest) -> ArticleAnnotation? {
        let bytes = cache.value(in: .annotated, key: CacheKey(record: digest, fingerprint: fingerprint))
        return bytes.flatMap { bytes in try? bytes.withUnsafeBytes { try ArticleAnnotation(binary: $0) } }
    }

    func store(_ annotation: ArticleAnnotation, record digest: ContentDigest, fingerprint: ContentDigest) {
        cache.store(annotation.binaryEncoded(), in: .annotated, key: CacheKey(record: digest, fingerprint: fingerprint))
    }

    /// The record's digest, or nil when its text is longer than `largestCachedText`.
    func cacheableDigest(of record: InputRecord) -> ContentDigest? {
        record.document.text.utf8.count <= largestCachedText ? Self.digest(of: record) : nil
    }

    /// Everything of a record that its article may depend on, except where it was read from
    /// (the same article in another file is the same article): text, given fields, the web page.
    static func digest(of record: InputRecord) -> ContentDigest {
        var chain = DigestChain()
        chain.add(record.document.text)
        chain.add(record.id)
        chain.add(record.title)
        chain.add(record.date)
        chain.add(record.url)
        chain.add(record.source)
        chain.add(record.lang)
        chain.add(record.meta.count)
        for key in record.meta.keys.sorted() {
            chain.add(key)
            chain.add(record.meta[key]!)
        }
        if let page = record.page {
            chain.add(page.html)
            chain.add(page.url)
            chain.add(page.fetched)
            chain.add(page.encoding)
        } else {
            chain.add("no page")
        }
        // Lines learnt as the source's furniture change the parse; without any, keys stay as they were.
        if !record.repeatedLines.isEmpty {
            chain.add("repeated lines")
            for key in record.repeatedLines { chain.add(String(key)) }
        }
        return chain.digest
    }
}

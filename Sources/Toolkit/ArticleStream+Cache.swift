import NewsKit

extension ArticleStream {
    /// A record's article and, once annotation was asked for, its annotation: from the article
    /// cache when the stream has one and it holds them, else made here (on a parsing worker) and
    /// stored. An annotation that cannot be made here is left to the consumer. A text too long for
    /// the cache (`CacheSession.largestCachedText`) is parsed and annotated as without one.
    func parsedItem(_ record: consuming InputRecord, _ reader: ArticleReader, _ enrichment: Enrichment?) -> Item {
        guard let cache else {
            let article = reader.article(from: record)
            // The article holds the input now: let go of it before annotating.
            _ = consume record
            return Item(article: article, annotation: enrichment.map { ($0.generation, $0.apply(article)) })
        }
        let (article, digest) = cache.article(from: record, reader: reader)
        _ = consume record
        var item = Item(article: article, annotation: nil)
        item.recordDigest = digest
        guard let digest else {
            item.annotation = enrichment.map { ($0.generation, $0.apply(article)) }
            return item
        }
        if let enrichment, let annotation = Self.annotation(of: article, record: digest, enrichment, cache) {
            item.annotation = (enrichment.generation, annotation)
        }
        return item
    }

    private static func annotation(of article: Article, record: ContentDigest, _ enrichment: Enrichment,
                                   _ cache: CacheSession) -> ArticleAnnotation?
    {
        guard let fingerprint = enrichment.fingerprint, let annotate = enrichment.annotate else { return enrichment.apply(article) }
        if let cached = cache.annotation(record: record, fingerprint: fingerprint) { return cached }
        guard let made = annotate(article) else { return nil }
        cache.store(made, record: record, fingerprint: fingerprint)
        return made
    }
}

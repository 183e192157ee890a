import Foundation
import NewsKit
import XCTest
@testable import Toolkit

/// The article cache inside one process: values read back, what is looked up is counted, damaged
/// values and files are not trusted, and a folder that cannot be used is said once.
final class ArticleCacheTests: XCTestCase {
    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-cache-test-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    let record: InputRecord = {
        var record = InputRecord(document: Document(origin: "a.jsonl:1", text: "Ministers met in Nairobi\n\nForeign minister Amina Odhiambo met the press on Monday."))
        record.lang = "en"
        return record
    }()

    func testAParsedArticleReadsBackWithItsOwnPath() throws {
        let notes = Notes()
        let folder = try folder()
        let session = CacheSession(cache: ArticleCache(folder: folder, note: notes.add), plugins: [])
        let reader = ArticleReader()
        let made = session.article(from: record, reader: reader)
        XCTAssertEqual(session.cache.statistics.misses, 1)
        var elsewhere = record
        elsewhere.document.origin = "b.jsonl:7"
        let read = session.article(from: elsewhere, reader: reader)
        XCTAssertEqual(session.cache.statistics.hits, 1, "the same record in another file is the same article")
        XCTAssertEqual(read.digest, made.digest)
        XCTAssertEqual(read.article.path, "b.jsonl:7")
        XCTAssertEqual(read.article.binaryEncoded().count, made.article.binaryEncoded().count)
        XCTAssertEqual(read.article.paragraphs, made.article.paragraphs)
        session.cache.close()
        // A new cache on the same folder (the next run) reads what the first stored.
        let next = CacheSession(cache: ArticleCache(folder: folder, note: notes.add), plugins: [])
        XCTAssertEqual(next.article(from: record, reader: reader).article.text, made.article.text)
        XCTAssertEqual(next.cache.statistics, ArticleCache.Statistics(hits: 1, misses: 0, stored: 0, dropped: 0))
        var changed = record
        changed.title = "Another title"
        XCTAssertNotEqual(CacheSession.digest(of: changed), CacheSession.digest(of: record))
        next.cache.close()
        XCTAssertEqual(notes.all, [])
    }

    /// Issue 7: a text longer than the cache takes is parsed as without a cache, neither looked up
    /// nor stored (its encoded form would be another copy of it, held whole).
    func testATextTooLongForTheCacheIsParsedWithoutIt() throws {
        let folder = try folder()
        let session = CacheSession(cache: ArticleCache(folder: folder, note: { _ in }), plugins: [], largestCachedText: 2_000)
        var long = record
        long.document = Document(origin: "long.txt", text: (1...40).map { "Foreign minister Amina Odhiambo met the press in Nairobi on day \($0)." }.joined(separator: "\n\n"))
        XCTAssertNil(session.cacheableDigest(of: long))
        let made = session.article(from: long, reader: ArticleReader())
        XCTAssertNil(made.digest)
        XCTAssertEqual(made.article.paragraphs.count + (made.article.lede == nil ? 0 : 1), 40)
        XCTAssertEqual(session.cache.statistics, ArticleCache.Statistics(hits: 0, misses: 0, stored: 0, dropped: 0))
        XCTAssertNotNil(session.article(from: record, reader: ArticleReader()).digest, "a short text is still cached")
        XCTAssertEqual(session.cache.statistics.misses, 1)
        session.cache.close()
    }

    func testADamagedValueIsComputedAgainAndSaid() throws {
        let notes = Notes()
        let folder = try folder()
        let cache = ArticleCache(folder: folder, note: notes.add)
        let key = CacheKey(record: CacheSession.digest(of: record), fingerprint: ContentDigest(high: 1, low: 2))
        cache.store(Array("payload".utf8), in: .parsed, key: key)
        cache.close()
        XCTAssertEqual(cache.value(in: .parsed, key: key), Array("payload".utf8))
        cache.close()
        // One byte of the stored value changed on disk.
        let database = try CacheDatabase(path: cache.file.path)
        var stored = try XCTUnwrap(try database.value(in: .parsed, key: key))
        stored[stored.count - 1] ^= 1
        try database.store([CacheDatabase.Row(table: .parsed, key: key, value: stored)], at: 0)
        database.close()
        XCTAssertNil(cache.value(in: .parsed, key: key))
        cache.close()
        XCTAssertEqual(notes.all.count, 1)
        XCTAssertTrue(notes.all[0].contains("1 damaged value(s) in the cache"), notes.all[0])
    }

    func testAFileThatIsNoDatabaseIsSetAside() throws {
        let notes = Notes()
        let folder = try folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("not a database, only text that looks like nothing SQLite wrote".utf8).write(to: folder.appendingPathComponent(ArticleCache.fileName))
        let session = CacheSession(cache: ArticleCache(folder: folder, note: notes.add), plugins: [])
        _ = session.article(from: record, reader: ArticleReader())
        session.cache.close()
        XCTAssertEqual(notes.all.count, 1)
        XCTAssertTrue(notes.all[0].hasPrefix("warning: the article cache \(folder.path)/articles.sqlite is damaged"), notes.all[0])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names.first, "articles.sqlite")
        XCTAssertTrue(names.contains { $0.hasPrefix("articles.sqlite.damaged-") }, "\(names)")
        XCTAssertEqual(try ArticleCache.contents(of: folder)?.parsedArticles, 1)
        XCTAssertGreaterThan(ArticleCache.size(of: folder), 0)
        try ArticleCache.clear(folder: folder)
        XCTAssertEqual(ArticleCache.size(of: folder), 0)
        XCTAssertNil(try ArticleCache.contents(of: folder))
    }

    func testTheDefaultFolderFollowsXDG() {
        XCTAssertEqual(ArticleCache.defaultFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.path, "/c/toolkit")
        XCTAssertEqual(ArticleCache.defaultFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.path, "/h/.cache/toolkit")
        XCTAssertEqual(ArticleCache.defaultFolder(environment: ["HOME": "/h"])?.path, "/h/.cache/toolkit")
        XCTAssertNil(ArticleCache.defaultFolder(environment: [:]))
    }

    func testDigestsDifferWithEveryByteAndAgreeAcrossCalls() {
        let text = Array(repeating: "abcdefghijklmnopq", count: 9).joined()
        var seen = Set<ContentDigest>()
        for cut in 0...text.utf8.count { seen.insert(ContentDigest(String(text.utf8.prefix(cut))!)) }
        XCTAssertEqual(seen.count, text.utf8.count + 1)
        XCTAssertEqual(ContentDigest("Putin").description, ContentDigest("Putin").description)
        var a = DigestChain(), b = DigestChain()
        a.add("ab"); a.add("c")
        b.add("a"); b.add("bc")
        XCTAssertNotEqual(a.digest, b.digest)
    }
}

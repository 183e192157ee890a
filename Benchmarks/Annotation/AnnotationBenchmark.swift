import Foundation
import NewsKit

/// Where annotation time goes: each stage of `EntityAnnotator` timed alone over the same articles
/// (CPU time of this thread, one core).
enum AnnotationBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let corpus = URL(fileURLWithPath: arguments.first ?? "../shared/corpus")
        let limit = arguments.count > 1 ? Int(arguments[1]) ?? 1500 : 1500
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) else {
            print("annotation: \(corpus.path) is absent; skipping")
            return 0
        }
        var articles: [Article] = []
        let reader = ArticleReader()
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            guard let data = try? Data(contentsOf: corpus.appendingPathComponent(name)) else { continue }
            var taken = 0
            JSONLinesReader(origin: name).read(data, warn: { _ in }) { record in
                if taken < limit / 4 { articles.append(reader.article(from: record)); taken += 1 }
            }
        }
        let megabytes = Double(articles.reduce(0) { $0 + $1.text.utf8.count }) / 1e6
        let kb: KnowledgeBase
        do { kb = try KnowledgeBase.load(directory: URL(fileURLWithPath: "Plugins/world/kb")) } catch {
            print("annotation: \(error)")
            return 1
        }
        let annotator = EntityAnnotator(knowledgeBase: kb)
        _ = annotator.annotate(articles[0])
        print("annotation: \(articles.count) articles, \(String(format: "%.1f", megabytes)) MB of text")
        func time(_ label: String, _ body: (Article) -> Int) {
            let start = clock_gettime_nsec_np(CLOCK_THREAD_CPUTIME_ID)
            var n = 0
            for article in articles { n += body(article) }
            let seconds = Double(clock_gettime_nsec_np(CLOCK_THREAD_CPUTIME_ID) - start) / 1e9
            print("  \(label.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", seconds)) s  \(String(format: "%7.1f", megabytes / seconds)) MB/s  \(n) found")
        }
        time("kb matcher (text only)") { annotator.matcher.matches(in: $0.text, language: $0.lang).count }
        time("rules: people, orgs, places") { annotator.rules.mentions(in: $0.text, lang: $0.lang).count }
        time("rules: amounts") { annotator.rules.amounts(in: $0.text, lang: $0.lang).count }
        time("dates") { DateParser().find(in: $0.text, lang: $0.lang).count }
        time("whole annotator") { annotator.annotate($0).mentions.count }
        return 0
    }
}

private func clock_gettime_nsec_np(_ clock: clockid_t) -> UInt64 {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

import Foundation
import NewsKit

/// Where annotation time goes: each stage of `EntityAnnotator` timed alone over the same articles
/// (CPU time of this thread, one core). `--only whole` runs nothing but the whole annotator with the
/// tagger, for `valgrind --tool=callgrind`, whose instruction counts then hold annotation alone
/// besides loading.
enum AnnotationBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        var only: String?
        if let flag = arguments.firstIndex(of: "--only"), flag + 1 < arguments.count {
            only = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
        }
        let corpus = URL(fileURLWithPath: arguments.first ?? "../shared/corpus")
        let limit = arguments.count > 1 ? Int(arguments[1]) ?? 1500 : 1500
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) else {
            print("annotation: \(corpus.path) is absent; skipping")
            return 0
        }
        var articles: [Article] = []
        let reader = ArticleReader()
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            guard var data = try? Data(contentsOf: corpus.appendingPathComponent(name)) else { continue }
            // Only the lines taken are read: the corpus files are large.
            var lines = 0
            if let end = data.firstIndex(where: { byte in
                if byte == UInt8(ascii: "\n") { lines += 1 }
                return lines >= limit / 4
            }) {
                data = data.prefix(through: end)
            }
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
        // The `ner` plugin's weights, as `toolkit run` loads them: the tagger is part of a real run.
        let taggerFolder = URL(fileURLWithPath: "Plugins/ner/tagger")
        let taggerFiles = ((try? FileManager.default.contentsOfDirectory(atPath: taggerFolder.path)) ?? [])
            .sorted().filter { $0.hasSuffix(".tagger") }.map { taggerFolder.appendingPathComponent($0) }
        var taggedRules = RuleExtractor.bundled
        do { taggedRules.tagger = try NameTagger(files: taggerFiles) } catch {
            print("annotation: \(error)")
            return 1
        }
        let tagged = EntityAnnotator(knowledgeBase: kb, rules: taggedRules)
        _ = annotator.annotate(articles[0])
        _ = tagged.annotate(articles[0])
        if only == "whole" {
            let found = annotateAll(articles, with: tagged)
            print("annotation: \(articles.count) articles, \(found) mentions")
            return 0
        }
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
        let gazetteer = taggedRules.tagger!.gazetteer(for: kb)
        time("tagger") { taggedRules.tagger!.spans(in: $0.text, lang: $0.lang, gazetteer: gazetteer).count }
        time("whole annotator") { annotator.annotate($0).mentions.count }
        time("whole annotator with tagger") { tagged.annotate($0).mentions.count }
        return 0
    }

    /// Alone in a function of its own so that callgrind can count it alone
    /// (`--toggle-collect='*AnnotationBenchmark*annotateAll*'`).
    @inline(never)
    static func annotateAll(_ articles: [Article], with annotator: EntityAnnotator) -> Int {
        articles.reduce(0) { $0 + annotator.annotate($1).mentions.count }
    }
}

private func clock_gettime_nsec_np(_ clock: clockid_t) -> UInt64 {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

import Foundation
import NewsKit

/// `toolkit-bench html PAGES_DIR LIST OUT.json`: the main text of each page named in LIST (one file
/// name a line), as the article reader keeps it (every block but furniture, captions and credits), written as JSON
/// `{name: text}` for tools/bench/html_extraction.py to score beside trafilatura. One core, pages
/// read into memory first, so the time is extraction alone (decoding, parsing, typing the blocks).
enum HTMLBenchmark {
    /// `toolkit-bench html --explain FILE`: every block of the page with the verdict and its reason.
    static func explain(_ path: String) -> Int32 {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return 2 }
        HTMLInput.read(file: data, origin: path, problems: { print("problem:", $0.message) }) { record in
            guard let page = record.page else { return }
            let extraction = HTMLExtraction(page)
            for segment in extraction.segments {
                print("\(segment.main ? "KEEP" : "drop") \(segment.role.rawValue) \(segment.reason) [\(segment.path)]")
                print("     \(segment.text.prefix(160).replacingOccurrences(of: "\n", with: " / "))")
            }
            print("metadata:", extraction.metadata)
            let article = ArticleReader().article(from: record)
            print("article: title \(article.title ?? "-") date \(article.date ?? "-") lang \(article.lang)")
            for block in article.blocks { print("  \(block.kind) \(block.first)-\(block.last) \(block.text.prefix(80))") }
            print("text: \(article.text.prefix(300))")
        }
        return 0
    }

    /// What the main text leaves out: furniture, and the captions and credits of pictures, which the
    /// article keeps beside its text (`article.captions`, `article.credits`) as the set's segments do.
    static let besideTheText: Set<BlockKind> = [.boilerplate, .related, .caption, .credit]

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.count == 2, arguments[0] == "--explain" { return explain(arguments[1]) }
        // --dom: the extractor's verdicts alone, before the article parser types the main text.
        let dom = arguments.contains("--dom")
        let arguments = arguments.filter { $0 != "--dom" }
        guard arguments.count == 3 else {
            print("usage: toolkit-bench html [--dom] PAGES_DIR LIST OUT.json")
            return 2
        }
        let folder = URL(fileURLWithPath: arguments[0])
        guard let list = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
            print("toolkit-bench: cannot read \(arguments[1])")
            return 2
        }
        let names = list.split(separator: "\n").map(String.init)
        let pages = names.map { (try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data() }
        let reader = ArticleReader()
        var texts: [String: String] = [:]
        // One page before the clock starts: the date vocabulary is built once per process (about
        // 1.3 s, from the system's CLDR data), as trafilatura's imports happen before its clock.
        if let first = pages.first {
            HTMLInput.read(file: first, origin: "warm-up", problems: { _ in }) { _ = reader.article(from: $0) }
        }
        let start = DispatchTime.now()
        for (name, data) in zip(names, pages) {
            var kept = ""
            HTMLInput.read(file: data, origin: name, problems: { _ in }) { record in
                if dom, let page = record.page {
                    kept = HTMLExtraction(page).mainText
                    return
                }
                let article = reader.article(from: record)
                kept = article.blocks.filter { !Self.besideTheText.contains($0.kind) }.map(\.text).joined(separator: "\n")
            }
            texts[name] = kept
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let out: [String: Any] = ["seconds": seconds, "texts": texts]
        guard let data = try? JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]),
              (try? data.write(to: URL(fileURLWithPath: arguments[2]))) != nil
        else {
            print("toolkit-bench: cannot write \(arguments[2])")
            return 1
        }
        print(String(format: "toolkit: %d pages in %.2f s (%.0f pages/s, one core)", names.count, seconds, Double(names.count) / seconds))
        return 0
    }
}

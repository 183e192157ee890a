import Foundation
import XCTest

/// The whole pipeline on real articles of ../shared/corpus (skipped when absent), through a Lua
/// script as an analyst would run it.
final class CorpusRealismTests: ToolkitProcessTestCase {
    func testMentionsOnRealArticlesMapBackToTheirText() throws {
        let corpus = ToolkitProcessTestCase.repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else { throw XCTSkip("../shared/corpus is absent") }
        let folder = try temporaryFolder()
        let script = folder.appendingPathComponent("check.lua")
        try write("""
            local limit = tonumber(toolkit.args.limit)
            local per_lang, kinds, bad = {}, {}, 0
            for article in toolkit.articles() do
              local n = per_lang[article.lang] or 0
              if n < limit then
                per_lang[article.lang] = n + 1
                for m in article:entities() do
                  kinds[m.kind] = (kinds[m.kind] or 0) + 1
                  local surface = m.first and article.text:sub(m.first, m.last) or article.raw:sub(m.raw_first or 1, m.raw_last or 0)
                  if surface ~= m.text then
                    bad = bad + 1
                    if bad < 5 then print("bad", article.id, m.kind, m.text, surface) end
                  end
                end
              end
            end
            for _, k in ipairs { "person", "org", "place", "date", "money", "percent" } do print(k, kinds[k] or 0) end
            print("articles", per_lang.ar or 0, per_lang.fa or 0, per_lang.sw or 0, per_lang.en or 0)
            print("bad", bad)
            """, to: script)
        // The first 60 articles of each file (the stream would otherwise parse all 9,689 in a debug build).
        var files: [String] = []
        for name in ["ar-ant-multisource.jsonl", "fa-fars-news.jsonl", "sw-masakhanews.jsonl", "en-tehran-times.jsonl"] {
            let lines = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").prefix(60)
            let sample = folder.appendingPathComponent(name)
            try write(lines.joined(separator: "\n") + "\n", to: sample)
            files.append(sample.path)
        }
        let result = try toolkit(["run", script.path] + files + ["--out", folder.path, "--set", "limit=60"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var counts: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n") {
            let cells = line.split(separator: "\t")
            if cells.count == 2, let n = Int(cells[1]) { counts[String(cells[0])] = n }
        }
        XCTAssertEqual(counts["bad"], 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("articles\t60\t60\t60\t60"), result.stdout)
        for kind in ["person", "org", "place", "date", "money", "percent"] {
            XCTAssertGreaterThan(counts[kind] ?? 0, 20, "\(kind) on 240 real articles: \(result.stdout)")
        }
    }
}

import Foundation
import XCTest

/// What a run learns across its articles (issue 11): lines repeated across a source's articles are
/// boilerplate (with `--learn-boilerplate`), and people outside the knowledge base get one
/// cross-script `link`. Both must come out the same on the main state, on report workers, and from
/// the article cache; without the flag an article parses the same however the corpus is fed. Sentences from
/// ../shared/corpus (Sky News Arabia, Tehran Times, BBC Arabic's app notice), embedded.
final class RunLearningTests: ToolkitProcessTestCase {
    static let notice = "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول."

    /// 20 BBC Arabic records (6 with the app notice, the first naming Anwar Gargash) and one Tehran Times record.
    static var records: String {
        var lines: [String] = []
        for i in 0..<20 {
            var text = i == 0
                ? "قال وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش، اليوم الاثنين، إن رسالة صواريخ الحوثي الإيرانية واضحة."
                : "وقال المتحدث إن الاجتماع رقم \(i) انتهى دون اتفاق بين الأطراف المشاركة في المفاوضات."
            if i < 6 { text += "\\n" + notice }
            lines.append(#"{"id": "bbc\#(i)", "lang": "ar", "source": "BBC", "text": "\#(text)"}"#)
        }
        lines.append(#"{"id": "tt1", "lang": "en", "source": "Tehran Times", "text": "On top of that, the UAE said it is planning to send an ambassador to Tehran in order to repair relations with Iran, according to the president's diplomatic adviser, Anwar Gargash."}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    static let script = """
        local function describe(a)
          local lines = {}
          for _, b in ipairs(a.blocks) do
            if b.rule == "source-repeated" then lines[#lines + 1] = a.id .. " repeated " .. b.kind end
          end
          for m in a:entities "person" do
            lines[#lines + 1] = table.concat({ a.id, m.text, m.id, m.link, string.format("%.2f", m.link_score) }, " ")
          end
          return lines
        end
        for a in toolkit.articles() do
          for _, line in ipairs(describe(a)) do print(line) end
        end
        toolkit.report { name = "workers",
          init = function() return {} end,
          article = function(s, a) for _, line in ipairs(describe(a)) do s[#s + 1] = line end end,
          merge = function(a, b) for _, line in ipairs(b) do a[#a + 1] = line end return a end,
          finish = function(s) for _, line in ipairs(s) do print("worker " .. line) end end }
        """

    /// One pass, no report: what standard input allows.
    static var loop: String { script.components(separatedBy: "toolkit.report")[0] }

    func testRepeatedLinesAndCrossScriptLinksOnEveryPathOfARun() throws {
        let folder = try temporaryFolder()
        try write(Self.records, to: folder.appendingPathComponent("news.jsonl"))
        try write(Self.script, to: folder.appendingPathComponent("learn.lua"))
        var outputs: [String] = []
        for _ in 0..<2 {
            let result = try toolkit(["run", "learn.lua", "news.jsonl", "--out", "out", "--jobs", "2", "--cache", "cache",
                                      "--learn-boilerplate"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(result.stdout)
        }
        XCTAssertEqual(outputs[0], outputs[1], "a rerun from the article cache")
        let lines = outputs[0].split(separator: "\n").map(String.init)
        let main = lines.filter { !$0.hasPrefix("worker ") }
        XCTAssertEqual(main, lines.filter { $0.hasPrefix("worker ") }.map { String($0.dropFirst("worker ".count)) },
                       "report workers see what the main state sees")
        XCTAssertEqual(main.filter { $0.hasSuffix(" repeated boilerplate") }.count, 6, outputs[0])
        XCTAssertTrue(main.contains("bbc0 أنور قرقاش ~person/انور-قرقاش ~person/@anrkrkS 0.85"), outputs[0])
        XCTAssertTrue(main.contains("tt1 Anwar Gargash ~person/anwar-gargash ~person/@anrkrkS 0.85"), outputs[0])
    }

    /// The default parse of an article is the article's own: the same lines, whether the corpus is
    /// a file, standard input, or one part of a corpus split across machines (`--map-state`).
    func testWithoutTheFlagNothingIsLearntAndStandardInputParsesAsTheFile() throws {
        let folder = try temporaryFolder()
        try write(Self.records, to: folder.appendingPathComponent("news.jsonl"))
        try write(Self.script, to: folder.appendingPathComponent("learn.lua"))
        let file = try toolkit(["run", "learn.lua", "news.jsonl", "--out", "out"], in: folder)
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertFalse(file.stdout.contains(" repeated "), file.stdout)
        XCTAssertTrue(file.stdout.contains("tt1 Anwar Gargash"), file.stdout)
        try write(Self.loop, to: folder.appendingPathComponent("loop.lua"))
        let loopFile = try toolkit(["run", "loop.lua", "news.jsonl", "--out", "out"], in: folder)
        XCTAssertEqual(loopFile.status, 0, loopFile.stderr)
        let piped = try toolkit(["run", "loop.lua", "-", "--out", "out"], stdin: Self.records, in: folder)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, loopFile.stdout)
        XCTAssertEqual(loopFile.stdout, file.stdout.split(separator: "\n").filter { !$0.hasPrefix("worker ") }.map { $0 + "\n" }.joined())
    }

    func testWhatTheFlagCannotLearnFromIsSaid() throws {
        let folder = try temporaryFolder()
        try write(Self.records, to: folder.appendingPathComponent("news.jsonl"))
        try write(Self.script, to: folder.appendingPathComponent("learn.lua"))
        try write(Self.loop, to: folder.appendingPathComponent("loop.lua"))
        let piped = try toolkit(["run", "loop.lua", "-", "--out", "out", "--learn-boilerplate"], stdin: Self.records, in: folder)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("--learn-boilerplate: standard input can be read only once"), piped.stderr)
        XCTAssertFalse(piped.stdout.contains(" repeated "), piped.stdout)

        let split = try toolkit(["run", "learn.lua", "news.jsonl", "--map-state", "part.state", "--learn-boilerplate"], in: folder)
        XCTAssertNotEqual(split.status, 0)
        XCTAssertTrue(split.stderr.contains("--learn-boilerplate cannot be used with --map-state"), split.stderr)
        XCTAssertEqual(split.stderr.split(separator: "\n").count, 1, split.stderr)

        let parsed = try toolkit(["parse", "news.jsonl", "--learn-boilerplate", "--format", "json"], in: folder)
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        XCTAssertEqual(parsed.stdout.components(separatedBy: #""rule":"source-repeated""#).count - 1, 6, parsed.stdout)

        // Plain text files name no source: the flag learns nothing from them, and says so.
        try write("A title\n\nA paragraph of plain text that names no source.\n", to: folder.appendingPathComponent("plain.txt"))
        let plain = try toolkit(["run", "loop.lua", "plain.txt", "--out", "out", "--learn-boilerplate"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("--learn-boilerplate: lines are learnt only from JSON Lines records"), plain.stderr)
        let mixed = try toolkit(["run", "loop.lua", "plain.txt", "news.jsonl", "--out", "out", "--learn-boilerplate"], in: folder)
        XCTAssertFalse(mixed.stderr.contains("lines are learnt only from JSON Lines"), mixed.stderr)
    }
}

// Embedding toolkit in another Swift program (docs/embedding.md): articles the program holds in
// memory go through the same parsing, entity linking and Lua sandbox as `toolkit run`, and the
// script's results come back as Swift values. `make test` runs it; it exits 1 if a result is wrong.
import Foundation
import NewsKit
import Toolkit

// 1. Articles from memory: a database row, a message from a queue, a crawler's page. Any fields the
//    program knows (language, date, source) are given; the rest is found in the text.
let articles = [
    InputRecord(text: "Russian President Vladimir Putin met Chinese President Xi Jinping in Astana on 3 July 2024.\n"
                    + "The two leaders discussed trade worth $240 billion a year.",
                name: "memory/en-1", title: "Putin and Xi meet in Astana", date: "2024-07-03", lang: "en", source: "Example Wire"),
    InputRecord(text: "التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ في أستانا يوم الأربعاء.",
                name: "memory/ar-1", title: "بوتين يلتقي شي في أستانا", date: "2024-07-03", lang: "ar"),
    InputRecord(text: "ولادیمیر پوتین، رئیس جمهور روسیه، روز چهارشنبه در آستانه با شی جین پینگ دیدار کرد.",
                name: "memory/fa-1", title: "دیدار پوتین و شی در آستانه", date: "2024-07-03", lang: "fa"),
]

// 2. A script, held as text: it counts people across languages (its result is what its top-level
//    code returns) and registers a report that runs on all cores (its result is what finish returns).
let script = """
    local people = {}
    for article in toolkit.articles() do
      local seen = {}
      for m in article:entities { kind = "person", linked = true } do
        local p = people[m.name] or { articles = 0, spellings = {} }
        people[m.name] = p
        if not seen[m.name] then
          seen[m.name] = true
          p.articles = p.articles + 1
          p.spellings[#p.spellings + 1] = m.text
        end
      end
    end

    toolkit.report { name = "languages",
      init = function() return {} end,
      article = function(state, article) state[article.lang] = (state[article.lang] or 0) + 1 end,
      merge = function(a, b) for lang, n in pairs(b) do a[lang] = (a[lang] or 0) + n end return a end,
      finish = function(state, out) return state end }

    return people
    """

// 3. The run: options as the command line would give them, plus the code, the articles and the
//    request for results. Output files, if the script wrote any, would go to a folder of our own.
let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("embed-toolkit-\(getpid())")
defer { try? FileManager.default.removeItem(at: outputFolder) }
var options = RunOptions(script: "people.lua", outputFolder: outputFolder)
options.code = script
options.articles = articles
options.returnsResults = true
options.jobs = 2

// What the script prints and the run's notes go where the program wants them (here: stderr).
let console = Console(out: { FileHandle.standardError.write(Data($0.utf8)) },
                      err: { FileHandle.standardError.write(Data(($0.hasSuffix("\n") ? $0 : $0 + "\n").utf8)) })

let summary: RunSummary
do {
    summary = try ScriptRunner(options: options, console: console).run()
} catch {
    // ToolkitError: one line saying what happened and where, as the command line prints it.
    FileHandle.standardError.write(Data("embed-toolkit: \(error)\n".utf8))
    exit(1)
}

// 4. Results as Swift values.
let people = summary.results.first?.record ?? [:]
for (name, person) in people.sorted(by: { $0.key < $1.key }) {
    let spellings = person["spellings"]?.list?.compactMap(\.string) ?? []
    print("\(name): \(person["articles"]?.int ?? 0) articles, written \(spellings.joined(separator: " = "))")
}
let languages = summary.reportResults["languages"]?.record ?? [:]
print("articles per language: " + languages.keys.sorted().map { "\($0) \(languages[$0]?.int ?? 0)" }.joined(separator: ", "))

// The example checks itself, so that `make test` fails if embedding breaks.
guard summary.articles == articles.count, people["Vladimir Putin"]?["articles"]?.int == 3,
      languages.count == 3, languages.values.allSatisfy({ $0.int == 1 })
else {
    FileHandle.standardError.write(Data("embed-toolkit: unexpected results: \(summary.articles) articles, people \(ScriptValue.record(people)), languages \(ScriptValue.record(languages))\n".utf8))
    exit(1)
}

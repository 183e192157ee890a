import Foundation

/// `toolkit plugins new NAME`: a plugin folder that works as written, to change rather than to
/// start from nothing: a manifest, an extractor and a report in `init.lua`, a test that passes over
/// the sample articles, and a README saying how to run, test, pack and install it.
public enum PluginSkeleton {
    /// Writes the skeleton into `parent/NAME` and returns that folder. An existing folder is never
    /// written into.
    public static func create(name: String, in parent: URL) throws -> URL {
        guard name.range(of: PluginManifest.namePattern, options: .regularExpression) != nil else {
            throw ToolkitError.usage("\(quoted(name)) is not a plugin name: use lowercase letters, digits, '-' and '_', starting with a letter or digit (like sahel-watch)")
        }
        let folder = parent.appendingPathComponent(name)
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            throw ToolkitError.usage("\(folder.relativePath) already exists; choose another name or --dir, or remove it first")
        }
        do {
            try fm.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
            for (path, text) in files(name: name) {
                try Data(text.utf8).write(to: folder.appendingPathComponent(path), options: .withoutOverwriting)
            }
        } catch {
            throw ToolkitError.output("cannot write the plugin into \(folder.relativePath): \(error.localizedDescription)")
        }
        return folder
    }

    /// The global a plugin shares its functions through (`_G.sahel_watch`): its name as a Lua identifier.
    static func global(for name: String) -> String {
        let id = name.replacingOccurrences(of: "-", with: "_")
        return id.first!.isNumber ? "p_" + id : id
    }

    static func files(name: String) -> [(String, String)] {
        let global = global(for: name)
        let extractor = "\(name)-acronyms"
        return [
            ("plugin.lua", """
                -- Manifest of the \(name) plugin: data only, read in a sandbox with no library before any
                -- of the plugin's code runs. Fields: docs/plugins.md of toolkit.
                return {
                  name = "\(name)",
                  version = "0.1.0",
                  toolkit = ">=\(ToolkitVersion.current)",
                  description = "Acronyms (SCO, BRICS, AFP) as organisations, and a count of them per corpus",
                  authors = { "you" },
                  license = "CC-BY-4.0",
                  -- Not "default": a run loads it when asked (--plugins \(name), --plugin DIR, or a
                  -- script's `-- requires: \(name)`). Add "default" to load it in every run.
                  categories = { "custom" },
                  languages = { "en", "sw" },
                  args = {
                    min_length = { default = 2, type = "number", description = "the fewest capital letters an acronym has" },
                  },
                  requires = {},
                  provides = { extractors = { "\(extractor)" }, reports = { "\(extractor)" }, kb = {} },
                  permissions = {},
                }

                """),
            ("init.lua", """
                -- The \(name) plugin: an extractor and a report to change into your own.
                -- Runs once per run, in an environment of its own; toolkit.args holds its manifest's args
                -- (toolkit run x.lua --set \(name).min_length=3).
                local pattern = ([[\\b\\p{Lu}{%d,6}\\b]]):format(toolkit.args.min_length)

                -- Words of min_length..6 capital ASCII letters, with their byte offsets in text.
                local function find(text)
                  local found = {}
                  for _, span in ipairs(toolkit.re.spans(text, pattern)) do
                    local word = text:sub(span.first, span.last)
                    if word:match("^%u+$") then found[#found + 1] = { first = span.first, last = span.last, text = word } end
                  end
                  return found
                end

                -- Finds join article:entities() with extractor = "\(extractor)"; the knowledge base's
                -- finds win where they overlap.
                toolkit.extractor { name = "\(extractor)", kinds = { "org" },
                  extract = function(article, emit)
                    for _, f in ipairs(find(article.text)) do
                      emit { kind = "org", first = f.first, last = f.last, score = 0.4 }
                    end
                  end }

                -- Acronyms counted over the corpus, written as a CSV (toolkit report \(extractor)).
                local report = { name = "\(extractor)",
                  init = function() return {} end,
                  article = function(state, article)
                    for _, f in ipairs(find(article.text)) do state[f.text] = (state[f.text] or 0) + 1 end
                    return state
                  end,
                  merge = function(a, b)
                    for word, n in pairs(b) do a[word] = (a[word] or 0) + n end
                    return a
                  end,
                  finish = function(state, out)
                    local rows = {}
                    for word, n in pairs(state) do rows[#rows + 1] = { acronym = word, mentions = n } end
                    table.sort(rows, function(x, y) return x.mentions > y.mentions or (x.mentions == y.mentions and x.acronym < y.acronym) end)
                    out.csv("\(extractor).csv", rows, { columns = { "acronym", "mentions" } })
                  end }
                toolkit.report(report)

                -- Shared on purpose, so that tests and scripts can call them: _G.\(global).
                _G.\(global) = { find = find, report = report }

                """),
            ("tests/\(name).lua", """
                -- Tests of the \(name) plugin: `toolkit plugins test \(name)` runs every tests/*.lua with the
                -- plugin loaded, over the bundled sample articles (or a corpus named in a leading comment
                -- like `-- corpus: tests/data`, relative to the plugin's folder).
                local test = toolkit.test
                local plugin = _G.\(global)

                test.case("finds acronyms with their offsets", function()
                  local text = "The SCO met in Tashkent; BRICS and the UN sent envoys. Nato was not there."
                  local found = plugin.find(text)
                  test.eq(#found, 3)
                  test.eq(found[1], { first = 5, last = 7, text = "SCO" })
                  test.eq(text:sub(found[2].first, found[2].last), "BRICS")
                end)

                test.case("finds nothing in lower case or other scripts", function()
                  test.eq(plugin.find("sco, brics, منظمة شنغهاي للتعاون"), {})
                end)

                test.case("the report counts the acronyms of the sample articles", function()
                  local report = plugin.report
                  local state = report.init()
                  for article in toolkit.articles() do state = report.article(state, article) end
                  test.ok((state.SCO or 0) > 0, "SCO is in the sample articles")
                  local merged = report.merge({ SCO = 1 }, { SCO = 2, UN = 1 })
                  test.eq(merged, { SCO = 3, UN = 1 })
                end)

                """),
            ("README.md", """
                # \(name)

                A toolkit plugin: an extractor that finds acronyms (SCO, BRICS, AFP) as organisations, and a
                report, `\(extractor)`, that counts them over a corpus. Made by `toolkit plugins new \(name)`:
                change the code, the manifest (`plugin.lua`) and this README to say what yours does.

                ## Use

                    toolkit report \(extractor) corpus/ --plugin \(name) --out results   # writes results/\(extractor).csv
                    toolkit run my-script.lua corpus/ --plugin \(name) --set \(name).min_length=3

                A script that needs it says so in its first lines: `-- requires: \(name) >=0.1.0`.

                ## Test, check, share

                    toolkit plugins test \(name) --plugin \(name)    # runs tests/*.lua
                    toolkit plugins check \(name) --plugin \(name)   # manifest, data files, code, tests
                    toolkit plugins pack \(name)                     # \(name)-0.1.0.tar.gz and its .sha256
                    toolkit plugins install \(name)-0.1.0.tar.gz     # into ~/.local/share/toolkit/plugins

                ## Data and sources

                None yet. Data files go in `kb/` (profiles), `markers/` and `rules/`; say here where they
                come from and under which licence.

                """),
        ]
    }
}

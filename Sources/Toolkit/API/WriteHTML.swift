import Foundation
import LuaBridge

extension WriteModule {
    static var html: APIFunction {
        APIFunction(
            "toolkit.write.html",
            parameters: [APIParameter("name", "string", "relative path inside the output folder"),
                         APIParameter("page", "table", "`{ title = ..., notes = ..., sections = { ... } }`")],
            returns: [APIResult("string", "path", "the path written")],
            doc: """
                Writes one self-contained HTML page (inline style and SVG charts, nothing fetched, the \
                same with JavaScript off; column heads sort tables when it is on) and returns the path \
                written. `page.title` is required; `page.notes` and each section's `notes` are plain \
                text (a blank line starts a paragraph). Every section has a `kind` and may have a \
                `title` and `notes`:

                - `text`: `text`, plain text.
                - `table`: `rows`, lists or records as for `toolkit.write.csv`, and `columns` (for \
                records: which and in what order, default all keys sorted; for lists: the header). \
                The first `limit` rows are shown (default 500, at most 10,000) and the page says how \
                many there were.
                - `bar`: `data = { { label = "Putin", value = 12 }, ... }`, a horizontal bar chart in \
                the order given; beyond `limit` bars (default 30, at most 200) the largest are kept.
                - `timeline`: `dates = { "2024-07-03", ... }` (each counts one) or \
                `data = { { date = "2024-07-03", value = 3 }, ... }`; counted per `by = "day"`, \
                `"week"` (ISO weeks) or `"month"`, by default chosen from the span (days up to three \
                months, weeks up to two years). Empty days, weeks or months in between are drawn as \
                gaps; dates less precise than the unit (`2024-07` by day, `2024`, `--07-03`) are not \
                drawn and the page says how many.
                - `network`: `graph`, a graph as for the graph writers (`nodes` with `id`, `label` and \
                attributes, `edges` with `source`, `target`, `weight`), drawn with a force-directed \
                layout: node area by `size` (the name of a numeric node attribute; default the \
                weighted degree), colour by `color` (a node attribute; default `kind`), edge width \
                by weight; the `limit` largest nodes are drawn (default 60, at most 300).

                Labels in any script are shown as written, right-to-left names in their own \
                direction. An unknown key, a value of the wrong type or a date that is not ISO 8601 \
                is an error naming the section and the field.
                """,
            example: """
                local people, dates = {}, {}
                for article in toolkit.articles() do
                  if article.date then dates[#dates + 1] = article.date end
                  for p in article:entities "person" do people[p.name] = (people[p.name] or 0) + 1 end
                end
                local bars = {}
                for name, n in pairs(people) do bars[#bars + 1] = { label = name, value = n } end
                table.sort(bars, function(a, b) return a.value > b.value or (a.value == b.value and a.label < b.label) end)
                print(toolkit.write.html("people.html", {
                  title = "Who is named",
                  notes = "People named in the articles, and when the articles appeared.",
                  sections = {
                    { kind = "bar", title = "Mentions per person", data = bars, limit = 15 },
                    { kind = "timeline", title = "Articles over time", dates = dates },
                  },
                }))
                """
        ) { binding in
            let api = binding.api
            return { call in
                let nameBytes = try call.bytes(1)
                let name = String(decoding: nameBytes, as: UTF8.self)
                let value = LuaValue.table(try call.table(2))
                if call.count > 2 {
                    throw call.failure("takes a name and a page; the page table holds everything else")
                }
                let bytes: [UInt8]
                do {
                    bytes = try HTMLWriter.bytes(of: value)
                } catch {
                    throw failure(call, name, "\(error)")
                }
                try call.reserve(bytes.count)
                return [LuaValue(try api.write(Data(bytes), toName: nameBytes).path)]
            }
        }
    }
}

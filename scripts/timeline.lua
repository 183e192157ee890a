-- Articles per month, and per month the people, organisations and places most named. Writes
-- out/timeline.csv (month, articles), out/timeline-entities.csv (month, id, name, kind, articles) and
-- out/timeline.html: the articles over time as a chart, and the most named of the whole span.
--   toolkit run scripts/timeline.lua corpus/ --set top=5
local top = toolkit.args.top or 5
local months, undated, dates, overall = {}, 0, {}, {}
for article in toolkit.articles() do
  if article.date and article.date:match("^%d%d%d%d") then dates[#dates + 1] = article.date end
  -- A date without a year (--09-15) says the day, not the month of which year: count it apart.
  local month = article.date and article.date:match("^(%d%d%d%d%-%d%d)")
  if not month then
    undated = undated + 1
  else
    local m = months[month]
    if not m then m = { articles = 0, entities = {} } months[month] = m end
    m.articles = m.articles + 1
    local seen = {}
    for e in article:entities { kind = { "person", "org", "place" }, linked = true, section = "text" } do
      if not seen[e.id] then
        seen[e.id] = true
        local x = m.entities[e.id] or { name = e.name, kind = e.kind, articles = 0 }
        x.articles = x.articles + 1
        m.entities[e.id] = x
        local o = overall[e.id] or { label = e.name, value = 0 }
        o.value = o.value + 1
        overall[e.id] = o
      end
    end
  end
end

local order = {}
for month in pairs(months) do order[#order + 1] = month end
table.sort(order)
local per_month, per_entity = {}, {}
for _, month in ipairs(order) do
  local m = months[month]
  per_month[#per_month + 1] = { month = month, articles = m.articles }
  local ranked = {}
  for id, x in pairs(m.entities) do ranked[#ranked + 1] = { id = id, x = x } end
  table.sort(ranked, function(a, b) return a.x.articles > b.x.articles or (a.x.articles == b.x.articles and a.id < b.id) end)
  local names = {}
  for i, r in ipairs(ranked) do
    per_entity[#per_entity + 1] = { month = month, id = r.id, name = r.x.name, kind = r.x.kind, articles = r.x.articles }
    if i <= top then names[#names + 1] = r.x.name end
  end
  print(string.format("%s  %4d articles  %s", month, m.articles, table.concat(names, ", ")))
end
if undated > 0 then print(string.format("no month  %4d articles", undated)) end
toolkit.write.csv("timeline.csv", per_month, { columns = { "month", "articles" } })
toolkit.write.csv("timeline-entities.csv", per_entity, { columns = { "month", "id", "name", "kind", "articles" } })

local bars = {}
for _, o in pairs(overall) do bars[#bars + 1] = o end
table.sort(bars, function(a, b) return a.value > b.value or (a.value == b.value and a.label < b.label) end)
print(toolkit.write.html("timeline.html", {
  title = "Articles over time",
  notes = string.format("%d articles with a date of known year; %d without one are left out of the chart.", #dates, undated),
  sections = {
    { kind = "timeline", title = "Articles", dates = dates },
    { kind = "bar", title = "Most named (articles naming each)", data = bars, limit = 20 },
    { kind = "table", title = "Per month", rows = per_month, columns = { "month", "articles" } },
  },
}))

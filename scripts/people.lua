-- Who is named, how often, in how many articles and languages: one row per person, linked across
-- scripts (بوتين, پوتین and Putin count as one). Writes out/people.csv.
--   toolkit run scripts/people.lua corpus/ --set top=20
local top = tonumber(toolkit.args.top) or 15
local people = {}
for article in toolkit.articles() do
  local seen = {}
  for m in article:entities { kind = "person", section = "text" } do
    local p = people[m.id]
    if not p then
      p = { id = m.id, name = m.name, mentions = 0, articles = 0, langs = {}, spellings = {} }
      people[m.id] = p
    end
    p.mentions = p.mentions + 1
    p.spellings[m.text] = true
    if not seen[m.id] then
      seen[m.id] = true
      p.articles = p.articles + 1
      p.langs[article.lang] = true
    end
  end
end

local function keys(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  table.sort(list)
  return list
end

local rows = {}
for _, p in pairs(people) do
  rows[#rows + 1] = { id = p.id, name = p.name, mentions = p.mentions, articles = p.articles,
                      languages = table.concat(keys(p.langs), " "), spellings = table.concat(keys(p.spellings), " | ") }
end
table.sort(rows, function(a, b)
  if a.articles ~= b.articles then return a.articles > b.articles end
  return a.name < b.name
end)
for i = 1, math.min(top, #rows) do
  local r = rows[i]
  print(string.format("%3d articles %4d mentions  %-28s %-8s %s", r.articles, r.mentions, r.name, r.languages, r.spellings))
end
toolkit.write.csv("people.csv", rows, { columns = { "id", "name", "articles", "mentions", "languages", "spellings" } })

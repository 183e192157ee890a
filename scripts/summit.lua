-- Meetings and summits in Arabic, Persian, Swahili and English, found by a custom extractor written
-- in Lua with toolkit.re. In every sentence that speaks of a meeting (قمة, دیدار, mkutano, summit...)
-- it looks for where it was held ("في سمرقند", "بسمرقند", "در سمرقند", "mjini Astana", "in Samarkand")
-- and emits that place; the engine links it to the knowledge base like its own finds. The loop then
-- prints, per meeting place, who was named in the meeting sentences. Writes out/summits.csv.
--   toolkit run scripts/summit.lua corpus/
local cue = [[(?i)(?:قمة|القمة|اجتماع|لقاء|يلتقي|التقى|اجتمع|نشست|اجلاس|دیدار|ملاقات|mkutano|walikutana|alikutana|kukutana|summit|meeting|met\s+with|talks)]]
local where = {
  -- "في مدينة سمرقند", "در شهر سمرقند": the word for city is skipped, the name after it taken.
  ar = [[(?:في\s+|\bب)(?:مدينة\s+|العاصمة\s+)?(\p{Arabic}{3,})]],
  fa = [[\bدر\s+(?:شهر\s+|پایتخت\s+)?(\p{Arabic}{3,})]],
  sw = [[\b(?:mjini|jijini|huko|nchini)\s+(?:wa\s+)?(\p{Lu}\p{Ll}+)]],
  en = [[\b(?:in|at)\s+(?:the\s+city\s+of\s+)?(\p{Lu}\p{Ll}+)]],
}

-- A cheap first test: the knowledge base knows a place by a name starting so ("في إطار", in the
-- framework of, is no venue). Only finds the engine then links to a place are counted below.
local function may_be_place(name)
  for _, p in ipairs(toolkit.kb.lookup(name)) do
    if p.kind == "place" then return true end
  end
  return false
end

toolkit.extractor {
  name = "summit",
  kinds = { "place" },
  languages = { "ar", "fa", "sw", "en" },
  extract = function(article, emit)
    local text, pattern = article.text, where[article.lang]
    for _, sentence in ipairs(toolkit.re.spans(text, [[[^.!?؟۔\n]+]])) do
      if toolkit.re.find(sentence.text, cue) then
        for _, m in ipairs(toolkit.re.spans(sentence.text, pattern)) do
          local g = m.groups[1]
          if g and may_be_place(g.text) then
            emit { kind = "place", first = sentence.first + g.first - 1, last = sentence.first + g.last - 1, score = 0.8 }
          end
        end
      end
    end
  end,
}

local meetings = {}
for article in toolkit.articles() do
  local venues = {}
  for m in article:entities { extractor = "summit", linked = true } do venues[m.id] = m.name end
  for id, name in pairs(venues) do
    local meeting = meetings[id] or { name = name, articles = 0, people = {} }
    meeting.articles = meeting.articles + 1
    for p in article:entities { kind = "person", linked = true, section = "text" } do
      meeting.people[p.name] = (meeting.people[p.name] or 0) + 1
    end
    meetings[id] = meeting
  end
end

local rows = {}
for id, meeting in pairs(meetings) do
  local people = {}
  for name, n in pairs(meeting.people) do people[#people + 1] = { name = name, n = n } end
  table.sort(people, function(a, b) return a.n > b.n or (a.n == b.n and a.name < b.name) end)
  local names = {}
  for i = 1, math.min(6, #people) do names[i] = people[i].name end
  rows[#rows + 1] = { place = id, name = meeting.name, articles = meeting.articles, people = table.concat(names, "; ") }
end
table.sort(rows, function(a, b) return a.articles > b.articles or (a.articles == b.articles and a.place < b.place) end)
for _, r in ipairs(rows) do print(string.format("%-20s %3d  %s", r.name, r.articles, r.people)) end
toolkit.write.csv("summits.csv", rows, { columns = { "place", "name", "articles", "people" } })

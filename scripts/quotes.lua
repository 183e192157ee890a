-- Who said what: every quote with its speaker as written and, where the article allows, linked to
-- the person (شي said in one place and شي جين بينغ in another are one speaker). Writes out/quotes.csv
-- and prints the speakers most quoted.
--   toolkit run scripts/quotes.lua corpus/ --set top=10
local top = toolkit.args.top or 10
local rows, speakers = {}, {}
for article in toolkit.articles() do
  for _, q in ipairs(article.quotes) do
    local who = q.speaker_id or (q.speaker and "~" .. q.speaker) or "(unattributed)"
    local s = speakers[who]
    if not s then
      s = { name = q.speaker_name or q.speaker or "(unattributed)", quotes = 0, spellings = {} }
      speakers[who] = s
    end
    s.quotes = s.quotes + 1
    if q.speaker then s.spellings[q.speaker] = true end
    rows[#rows + 1] = {
      article = article.path, lang = article.lang, date = article.date,
      speaker = q.speaker, speaker_id = q.speaker_id, speaker_name = q.speaker_name,
      quote = q.text,
    }
  end
end

local ranked = {}
for id, s in pairs(speakers) do ranked[#ranked + 1] = { id = id, s = s } end
table.sort(ranked, function(a, b) return a.s.quotes > b.s.quotes or (a.s.quotes == b.s.quotes and a.id < b.id) end)
for i = 1, math.min(top, #ranked) do
  local spellings = {}
  for spelling in pairs(ranked[i].s.spellings) do spellings[#spellings + 1] = spelling end
  table.sort(spellings)
  print(string.format("%3d  %-28s %s", ranked[i].s.quotes, ranked[i].s.name, table.concat(spellings, " / ")))
end
toolkit.write.csv("quotes.csv", rows,
  { columns = { "article", "lang", "date", "speaker", "speaker_id", "speaker_name", "quote" } })
toolkit.log.info(#rows .. " quotes by " .. #ranked .. " speakers")

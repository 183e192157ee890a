-- The meeting rules on small texts written for this test, one or more per language, then on the corpus
-- the test runs over. Run: toolkit run Plugins/sco/tests/meetings.lua seeds/ --plugin Plugins/sco
assert(sco and sco.find and sco.meetings, "the sco plugin is not loaded (run with --plugin Plugins/sco)")

local function ids(m)
  local list = {}
  for _, p in ipairs(m.participants) do list[#list + 1] = p.id end
  table.sort(list)
  return table.concat(list, " ")
end

local function one(text, lang, want)
  local found = sco.find(text, lang)
  assert(#found == 1, ("%s: %d meeting(s) in %q"):format(lang, #found, text))
  local m = found[1]
  assert(ids(m) == want.ids, ("%s: participants %s, expected %s"):format(lang, ids(m), want.ids))
  local place = m.place and m.place.id
  assert(place == want.place, ("%s: place %s, expected %s"):format(lang, tostring(place), tostring(want.place)))
  assert(m.planned == (want.planned or false), ("%s: planned is %s in %q"):format(lang, tostring(m.planned), text))
  return m
end

local function none(text, lang)
  local found = sco.find(text, lang)
  assert(#found == 0, ("%s: %d meeting(s) found in %q, expected none"):format(lang, #found, text))
end

-- English
one("Narendra Modi met Shehbaz Sharif in Tashkent on Monday.", "en",
    { ids = "person/narendra-modi person/shehbaz-sharif", place = "place/tashkent" })
one("Emmanuel Macron will meet Recep Tayyip Erdogan in Ankara next week.", "en",
    { ids = "person/emmanuel-macron person/recep-tayyip-erdogan", place = "place/ankara", planned = true })
none("Narendra Modi met reporters in Delhi.", "en")   -- one side only
none("Narendra Modi spoke about Shehbaz Sharif in Delhi.", "en")   -- no meeting verb

-- Arabic: التقى / اجتمع / استقبل, place after في or ب.
one("التقى الرئيس التركي رجب طيب أردوغان نظيره الفرنسي إيمانويل ماكرون في باريس.", "ar",
    { ids = "person/emmanuel-macron person/recep-tayyip-erdogan", place = "place/paris" })
one("استقبل ناريندرا مودي نظيره الياباني في نيودلهي.", "ar",
    { ids = "counterpart:place/jp person/narendra-modi", place = "place/new-delhi" })  -- one side named by its country
none("قال ناريندرا مودي إن الاقتصاد ينمو.", "ar")

-- Persian: دیدار کرد / گفت‌وگو کرد, place after در; the older ي/ك spelling too.
one("ولادیمیر پوتین با رجب طیب اردوغان در آنکارا دیدار کرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara" })
one("ولاديمير پوتين با رجب طيب اردوغان در آنكارا ديدار و گفتگو كرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara" })
one("ولادیمیر پوتین و رجب طیب اردوغان ماه آینده در آنکارا دیدار خواهند کرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara", planned = true })

-- Swahili: alikutana na ... mjini / huko.
one("Rais William Ruto alikutana na Rais Samia Suluhu Hassan mjini Arusha.", "sw",
    { ids = "person/samia-suluhu-hassan person/william-ruto", place = "place/arusha" })
one("William Ruto atakutana na Samia Suluhu Hassan huko Nairobi.", "sw",
    { ids = "person/samia-suluhu-hassan person/william-ruto", place = "place/nairobi", planned = true })
one("Rais William Ruto alikutana na mwenzake wa Uganda jijini Nairobi.", "sw",
    { ids = "counterpart:place/ug person/william-ruto", place = "place/nairobi" })
none("William Ruto alisema Samia Suluhu Hassan ni rafiki.", "sw")

-- The corpus: every meeting the report would count names two sides, and its sentence is in the text.
local total, langs = 0, {}
for article in toolkit.articles() do
  for _, m in ipairs(sco.meetings(article)) do
    total = total + 1
    langs[m.lang] = true
    assert(#m.participants >= 2, article.path .. ": a meeting with one side")
    assert(article.text:sub(m.first, m.last) == m.sentence, article.path .. ": offsets do not give the sentence")
  end
  -- The extractor marks people and places, each span inside the text.
  for mention in article:entities { extractor = "sco-meeting" } do
    assert(mention.value == "participant" or mention.value == "venue")
    assert(article.text:sub(mention.first, mention.last) == mention.text)
  end
end
print(("meetings: ok (%d meeting(s) in the corpus)"):format(total))

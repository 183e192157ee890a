-- requires: news-markers
-- The meeting rules on small texts written for this test, one or more per language, then on the corpus
-- the test runs over. Run: toolkit plugins test sco
local test = toolkit.test
test.ok(sco and sco.find and sco.meetings, "the sco plugin is not loaded (toolkit plugins test sco, or run with --plugin Plugins/sco)")

local function ids(m)
  local list = {}
  for _, p in ipairs(m.participants) do list[#list + 1] = p.id end
  table.sort(list)
  return table.concat(list, " ")
end

local function one(text, lang, want)
  local found = sco.find(text, lang)
  test.eq(#found, 1, ("%s: meetings in %q"):format(lang, text))
  local m = found[1]
  test.eq(ids(m), want.ids, lang .. ": participants")
  test.eq(m.place and m.place.id, want.place, lang .. ": place")
  test.eq(m.planned, want.planned or false, ("%s: planned in %q"):format(lang, text))
  return m
end

local function none(text, lang)
  test.eq(#sco.find(text, lang), 0, ("%s: meetings found in %q, expected none"):format(lang, text))
end

test.case("English", function()
one("Narendra Modi met Shehbaz Sharif in Tashkent on Monday.", "en",
    { ids = "person/narendra-modi person/shehbaz-sharif", place = "place/tashkent" })
one("Emmanuel Macron will meet Recep Tayyip Erdogan in Ankara next week.", "en",
    { ids = "person/emmanuel-macron person/recep-tayyip-erdogan", place = "place/ankara", planned = true })
none("Narendra Modi met reporters in Delhi.", "en")   -- one side only
none("Narendra Modi spoke about Shehbaz Sharif in Delhi.", "en")   -- no meeting verb
end)

-- Arabic: التقى / اجتمع / استقبل, place after في or ب.
test.case("Arabic", function()
one("التقى الرئيس التركي رجب طيب أردوغان نظيره الفرنسي إيمانويل ماكرون في باريس.", "ar",
    { ids = "person/emmanuel-macron person/recep-tayyip-erdogan", place = "place/paris" })
one("استقبل ناريندرا مودي نظيره الياباني في نيودلهي.", "ar",
    { ids = "counterpart:place/jp person/narendra-modi", place = "place/new-delhi" })  -- one side named by its country
none("قال ناريندرا مودي إن الاقتصاد ينمو.", "ar")
end)

-- Persian: دیدار کرد / گفت‌وگو کرد, place after در; the older ي/ك spelling too.
test.case("Persian", function()
one("ولادیمیر پوتین با رجب طیب اردوغان در آنکارا دیدار کرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara" })
one("ولاديمير پوتين با رجب طيب اردوغان در آنكارا ديدار و گفتگو كرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara" })
one("ولادیمیر پوتین و رجب طیب اردوغان ماه آینده در آنکارا دیدار خواهند کرد.", "fa",
    { ids = "person/recep-tayyip-erdogan person/vladimir-putin", place = "place/ankara", planned = true })
end)

-- Swahili: alikutana na ... mjini / huko.
test.case("Swahili", function()
one("Rais William Ruto alikutana na Rais Samia Suluhu Hassan mjini Arusha.", "sw",
    { ids = "person/samia-suluhu-hassan person/william-ruto", place = "place/arusha" })
one("William Ruto atakutana na Samia Suluhu Hassan huko Nairobi.", "sw",
    { ids = "person/samia-suluhu-hassan person/william-ruto", place = "place/nairobi", planned = true })
one("Rais William Ruto alikutana na mwenzake wa Uganda jijini Nairobi.", "sw",
    { ids = "counterpart:place/ug person/william-ruto", place = "place/nairobi" })
none("William Ruto alisema Samia Suluhu Hassan ni rafiki.", "sw")
end)

-- The corpus: every meeting the report would count names two sides, and its sentence is in the text.
test.case("meetings of the corpus", function()
local total, langs = 0, {}
for article in toolkit.articles() do
  for _, m in ipairs(sco.meetings(article)) do
    total = total + 1
    langs[m.lang] = true
    test.ok(#m.participants >= 2, article.path .. ": a meeting with one side")
    test.eq(article.text:sub(m.first, m.last), m.sentence, article.path .. ": the offsets give the sentence")
  end
  -- The extractor marks people and places, each span inside the text.
  for mention in article:entities { extractor = "sco-meeting" } do
    test.ok(mention.value == "participant" or mention.value == "venue", mention.text .. ": value " .. tostring(mention.value))
    test.eq(article.text:sub(mention.first, mention.last), mention.text)
  end
end
test.ok(total > 0, "the sample articles hold meetings")
print(("meetings: ok (%d meeting(s) in the corpus)"):format(total))
end)

-- requires: world
-- requires: news-markers
-- The trained tagger over the sample articles, beside the world knowledge base as in a run: it
-- adds names the knowledge base does not know, each a span of the text, and never overrides a
-- knowledge-base find. Run: toolkit plugins test ner
local test = toolkit.test

local tagged, byKind, langs = {}, {}, {}
local kbSpans = 0
for article in toolkit.articles() do
  local spans = {}
  for m in article:entities() do
    if m.first then
      if m.extractor == "kb" then
        kbSpans = kbSpans + 1
        spans[#spans + 1] = m
      elseif m.extractor == "tagger" then
        tagged[#tagged + 1] = { article = article, mention = m, kb = spans }
        byKind[m.kind] = (byKind[m.kind] or 0) + 1
        langs[article.lang] = true
      end
    end
  end
end

test.case("the tagger finds names in the sample articles", function()
  test.ok(#tagged > 0, "no mention has extractor 'tagger'")
  test.ok((byKind.person or 0) > 0, "the tagger found no person")
  test.ok(kbSpans > 0, "the world knowledge base found nothing: is it loaded?")
end)

test.case("its mentions are spans of the text with a score from the decoder", function()
  for _, t in ipairs(tagged) do
    local m = t.mention
    test.eq(t.article.text:sub(m.first, m.last), m.text, t.article.path)
    test.ok(m.score >= 0.5 and m.score <= 0.85, ("%s: score %s outside 0.5..0.85"):format(m.text, m.score))
    test.ok(({ person = true, org = true, place = true, date = true })[m.kind], m.kind .. " is not a tagger kind")
  end
end)

test.case("a name the knowledge base does not know gets an unlinked id", function()
  for _, t in ipairs(tagged) do
    local m = t.mention
    if not m.linked then
      test.eq(m.id:sub(1, 1), "~", m.text .. " is unlinked but has id " .. m.id)
      test.eq(m.id:match("^~(%a+)/"), m.kind)
    end
  end
end)

test.case("knowledge-base finds win where they overlap", function()
  for _, t in ipairs(tagged) do
    local m = t.mention
    for _, k in ipairs(t.kb) do
      local overlaps = m.first <= k.last and k.first <= m.last
      test.ok(not overlaps or (m.kind == "org" and k.kind == "place"),
        ("tagger %q overlaps knowledge-base %q"):format(m.text, k.text))
    end
  end
end)

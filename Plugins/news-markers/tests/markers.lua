-- corpus: tests/data
-- The markers type the lines of an article: a read-also link is related (not body), a byline and a
-- photo credit are theirs, and the body keeps only the story. Articles written for this test.
-- Run: toolkit plugins test news-markers
local test = toolkit.test

local articles = {}
for a in toolkit.articles() do articles[a.id] = a end

local function contains(list, needle)
  for _, item in ipairs(list) do if item:find(needle, 1, true) then return true end end
  return false
end

test.case("a read-also line is a related headline, not body", function()
  local en, sw = articles["en-1"], articles["sw-1"]
  test.ok(contains(en.related, "Port workers end their strike"), "en: Read also")
  test.ok(not contains(en.paragraphs, "Port workers"), "en: the related headline is not a paragraph")
  test.ok(contains(sw.related, "Wafanyakazi wa bandari"), "sw: Soma pia")
  test.ok(not contains(sw.paragraphs, "Wafanyakazi wa bandari"), "sw: the related headline is not a paragraph")
end)

test.case("bylines and photo credits are typed", function()
  local en = articles["en-1"]
  test.eq(en.byline, "Jane Mwangi")
  test.ok(contains(en.credits, "Port of Mombasa"), "Photo: is a credit")
end)

test.case("the body keeps the story", function()
  local en = articles["en-1"]
  test.ok(contains(en.paragraphs, "approval of the parliaments"), "the last paragraph is body")
  test.ok(not contains(en.paragraphs, "Share this article"), "share prompts are boilerplate")
end)

-- requires: news-markers
-- The world knowledge base: one profile per entity whatever the script it is written in, its
-- attributes, and what the annotator finds with it in the sample articles.
-- Run: toolkit plugins test world
local test = toolkit.test

local function ids(name)
  local list = {}
  for _, p in ipairs(toolkit.kb.lookup(name)) do list[#list + 1] = p.id end
  table.sort(list)
  return list
end

local function has(list, id)
  for _, x in ipairs(list) do if x == id then return true end end
  return false
end

test.case("one person, every script", function()
  for _, spelling in ipairs { "Vladimir Putin", "Putin", "فلاديمير بوتين", "بوتين", "ولادیمیر پوتین", "ولاديمير پوتين", "Владимир Путин" } do
    test.ok(has(ids(spelling), "person/vladimir-putin"), spelling .. " is a spelling of person/vladimir-putin")
  end
  local putin = toolkit.kb.lookup("Putin")[1]
  test.eq(putin.name, "Vladimir Putin")
  test.eq(putin.kind, "person")
  test.eq(putin.attrs.country, "RU")
end)

test.case("countries and cities carry their attributes", function()
  local china = toolkit.kb.lookup("China")
  test.ok(has(ids("China"), "place/cn"))
  test.ok(has(ids("الصين"), "place/cn"), "Arabic spelling of China")
  test.ok(has(ids("چین"), "place/cn"), "Persian spelling of China")
  test.ok(has(ids("Uchina"), "place/cn"), "Swahili spelling of China")
  for _, p in ipairs(china) do
    if p.id == "place/cn" then test.eq(p.attrs.type, "country") end
  end
end)

test.case("unknown names are not guessed", function()
  test.eq(ids("Xqzvw Blorptan"), {})
end)

test.case("the sample articles' people and places are linked", function()
  local found, texts = {}, 0
  for article in toolkit.articles() do
    for m in article:entities() do
      if m.extractor == "kb" then
        found[m.id] = true
        if m.first then
          test.eq(article.text:sub(m.first, m.last), m.text, "offsets of " .. m.id)
          texts = texts + 1
        end
      end
    end
  end
  test.ok(found["person/vladimir-putin"], "Putin is found in the sample articles")
  test.ok(found["person/xi-jinping"], "Xi Jinping is found in the sample articles")
  test.ok(texts > 10, "knowledge-base mentions in the article texts: " .. texts)
end)

-- The whole corpus with its entities in one SQLite database, out/corpus.db: an `articles` table
-- (one row per article) and a `mentions` table (one row per entity mention), joined by article id.
-- Rows stream into the file as they are read, so the export holds no more than one article at a
-- time, whatever the corpus size.
--   toolkit run scripts/export.lua corpus/
--   sqlite3 out/corpus.db "select m.name, count(distinct m.article_id) n from mentions m
--                          where m.kind = 'person' group by m.entity order by n desc limit 10"
local articles = toolkit.write.open("corpus.db", {
  table = "articles",
  columns = { "id", "path", "lang", "title", "date", "source", "url", "paragraphs", "characters" },
  types = { id = "text", date = "text", paragraphs = "integer", characters = "integer" },
  primary_key = "id",
})
local mentions = toolkit.write.open("corpus.db", {
  table = "mentions",
  columns = { "article_id", "entity", "kind", "name", "text", "section", "first", "last", "linked", "score", "value" },
  types = { entity = "text", first = "integer", last = "integer", linked = "boolean", score = "real", value = "text" },
  indexes = { "article_id", "entity", { "kind", "entity" } },
})
local seen = {}
for article in toolkit.articles() do
  -- A corpus may hold the same article twice (the same text gives the same id): export it once.
  if not seen[article.id] then
    seen[article.id] = true
    articles:add({
      id = article.id, path = article.path, lang = article.lang, title = article.title, date = article.date,
      source = article.source, url = article.url, paragraphs = #article.paragraphs, characters = utf8.len(article.text) or #article.text,
    })
    for m in article:entities() do
      mentions:add({
        article_id = article.id, entity = m.id, kind = m.kind, name = m.name, text = m.text, section = m.section,
        first = m.first, last = m.last, linked = m.linked, score = m.score, value = m.value and tostring(m.value),
      })
    end
  end
end
print(string.format("%d articles, %d mentions", articles.rows, mentions.rows))
-- The larger table closes first: its file is put in place whole, and the smaller one is copied in.
mentions:close()
print(articles:close())

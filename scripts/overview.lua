-- One line per article (file, language, title, paragraph count), and the same as out/overview.csv.
local rows = {}
for article in toolkit.articles() do
  local title = article.title or "(no title)"
  print(string.format("%-32s %-3s %3d  %s", article.path:match("[^/]*$"), article.lang, #article.paragraphs, title))
  rows[#rows + 1] = { file = article.path, lang = article.lang, title = title, paragraphs = #article.paragraphs }
end
local path = toolkit.write.csv("overview.csv", rows, { columns = { "file", "lang", "title", "paragraphs" } })
toolkit.log.info(#rows .. " articles; wrote " .. path)

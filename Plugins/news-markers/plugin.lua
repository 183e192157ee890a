-- Manifest of the bundled news-markers plugin: the phrases that tell the article parser what a line
-- of a news page is (read-also links, credits, bylines, sources, boilerplate, speech verbs), as
-- data in markers/*.tsv. The engine reads them when the plugin is selected; there is no Lua code.
return {
  name = "news-markers",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "Site and language markers of the article parser: read-also links, photo credits, "
    .. "bylines, sources and agencies, datelines, boilerplate and speech verbs in twelve languages",
  authors = { "toolkit contributors" },
  license = "CC-BY-4.0",
  -- default: runs load it unless a --plugins expression leaves it out (then lines are typed by
  -- their shape alone, and the run says so).
  categories = { "default", "parsing" },
  languages = { "ar", "fa", "sw", "en", "fr", "ru", "zh", "tr", "ur", "es", "de" },
  args = {},
  requires = {},
  provides = { extractors = {}, reports = {}, kb = {} },
  permissions = {},
}

-- Manifest of the bundled world knowledge base. The data lives in kb/*.jsonl and is loaded by the
-- engine; see README.md for what it holds, its sources and how to regenerate it.
return {
  name = "world",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "World knowledge base: countries and territories, capitals and large cities, "
    .. "regions and seas, international organisations, heads of state and government, "
    .. "news agencies and outlets, with their spellings in eleven languages",
  authors = { "toolkit contributors" },
  license = "CC-BY-4.0",
  -- default: runs load it unless a --plugins expression leaves it out.
  categories = { "default", "knowledge-base" },
  languages = { "ar", "fa", "sw", "en", "fr", "ru", "zh", "tr", "ur", "es", "de" },
  args = {},
  requires = {},
  provides = { extractors = {}, reports = {}, kb = { "org", "person", "place" } },
  permissions = {},
}

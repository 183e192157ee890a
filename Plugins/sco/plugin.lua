-- Manifest of the sco plugin: what the Shanghai Cooperation Organisation's analysts add to a run.
-- Not in category `default`: the meeting extractor and report cost time on every article, so a run
-- loads it only when asked (`--plugins sco` or `--plugin Plugins/sco`).
return {
  name = "sco",
  version = "0.1.0",
  toolkit = ">=0.1.0",
  description = "Shanghai Cooperation Organisation: members, observers and dialogue partners with "
    .. "their dates as knowledge-base attributes, its bodies, a meeting extractor (X met Y in Z, "
    .. "in Arabic, Persian, Swahili and English) and a report of who met whom, where and when",
  authors = { "toolkit contributors" },
  license = "CC-BY-4.0",
  categories = { "domain", "asia" },
  languages = { "ar", "fa", "sw", "en" },
  args = {
    planned = { default = true, type = "boolean",
                description = "also report meetings announced for later (will meet, سيلتقي, atakutana, دیدار خواهد کرد)" },
  },
  -- world first: the kb/ rows reuse its country ids and only add attributes to its profiles.
  requires = { world = ">=1.0.0" },
  provides = { extractors = { "sco-meeting" }, reports = { "sco-meetings" }, kb = { "org", "place" } },
  permissions = {},
}

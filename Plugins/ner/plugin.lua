-- Manifest of the bundled name tagger. The data is tagger/*.tagger (one weights file per
-- language), loaded by the engine; see README.md for what it was trained on, its figures and how
-- to rebuild it (make train-ner).
return {
  name = "ner",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "Trained name tagger (person, org, place, date) for Swahili, Persian, Arabic and English: "
    .. "finds the names the knowledge base does not know; its finds have extractor 'tagger'",
  authors = { "toolkit contributors" },
  -- The weights are derived from their training data and carry its terms: sw from MasakhaNER 2.0
  -- (CC BY-NC 4.0), fa from ArmanPersoNERCorpus (academic research use only), ar from the ANT
  -- corpus (Apache-2.0) and en from the Tehran Times dataset (CC BY 4.0), both labelled by the
  -- world knowledge base (CC BY 4.0). Non-commercial research use; see README.md.
  license = "CC-BY-NC-4.0 AND LicenseRef-ArmanPersoNER-research-only AND Apache-2.0 AND CC-BY-4.0",
  -- default: runs load it unless a --plugins expression leaves it out (--plugins 'not ner').
  categories = { "default", "tagger" },
  languages = { "sw", "fa", "ar", "en" },
  args = {},
  requires = {},
  provides = { extractors = {}, reports = {}, kb = {} },
  permissions = {},
}

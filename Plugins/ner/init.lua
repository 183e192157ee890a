-- The ner plugin is data only: the engine loads tagger/*.tagger when the plugin is selected and
-- runs the tagger with the knowledge base and rules, so there is no Lua code to run here.
return {}

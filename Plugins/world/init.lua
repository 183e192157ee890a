-- The world plugin is data only: the engine loads its profiles from kb/*.jsonl when the plugin is
-- discovered, so there is no Lua code to run. Scripts reach the data through toolkit.kb.lookup and
-- article:entities(); analysts add entities with toolkit.kb.add or with their own kb/*.jsonl files.
return {}

-- The news-markers plugin is data only: the engine reads markers/*.tsv when the plugin is selected
-- and types every line of an article with them; see README.md for the format.
return {}

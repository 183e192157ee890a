-- Writing a name that is a link replaces the link, never the file it points to.
-- setup: link x.csv
-- expect: 0
-- outside: untouched
toolkit.write.csv('x.csv', {{a = 1}})

-- A link planted in the output folder never leads a write outside it.
-- setup: link escape
-- expect: 1
-- stderr: symbolic link
-- outside: untouched
toolkit.write.csv('escape/x.csv', {{a = 1}})

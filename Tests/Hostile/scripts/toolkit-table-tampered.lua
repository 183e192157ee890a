-- expect: 1
-- stderr: attempt to call a nil value
toolkit.write = nil
toolkit.articles = nil
for a in toolkit.articles() do end

-- expect: 0
-- stdout: nil
local it = toolkit.articles()
while it() do end
print(it())

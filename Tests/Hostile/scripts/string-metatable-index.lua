-- Hijacking string methods changes the script's strings, not the toolkit.
-- expect: 0
-- stdout: 5
getmetatable('').__index = function() error('hijacked') end
local n = 0
for a in toolkit.articles() do n = n + 1 end
print(n)
toolkit.write.csv('n.csv', {{n = n}})

-- expect: 0
-- stdout: kept
local keep
for a in toolkit.articles() do keep = a end
assert(#keep.title > 0)
print('kept')

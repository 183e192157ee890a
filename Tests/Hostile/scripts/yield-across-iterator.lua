-- The article loop inside a coroutine: yields between articles are fine.
-- expect: 0
-- stdout: two titles
local next_title = coroutine.wrap(function() for a in toolkit.articles() do coroutine.yield(a.title) end end)
local a, b = next_title(), next_title()
assert(type(a) == 'string' and type(b) == 'string')
print('two titles')

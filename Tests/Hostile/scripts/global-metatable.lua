-- expect: 0
-- stdout: 5
local n = 0
setmetatable(_G, {__newindex = function() error('no globals') end, __index = function(_, k) error('no global ' .. k) end})
for a in toolkit.articles() do n = n + 1 end
print(n)

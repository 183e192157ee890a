-- print makes a string of a table, never a copy of it.
-- expect: 0
-- stdout: table:
-- within: 10
local t = {}
for i = 1, 40 do t = {t, t} end
print(t)

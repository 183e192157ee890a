-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local t, s = {}, ('x'):rep(1 << 20)
for i = 1, 200 do t[i] = s end
local all = table.concat(t)

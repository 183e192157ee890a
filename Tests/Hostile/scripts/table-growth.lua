-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local t = {}
while true do t[#t + 1] = {} end

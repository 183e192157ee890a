-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local all = {}
while true do all[#all + 1] = coroutine.create(function() end) end

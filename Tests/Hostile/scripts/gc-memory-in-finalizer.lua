-- A finalizer that exhausts memory: the limit fires in the finalizer and stays fired.
-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
setmetatable({}, {__gc = function() local t = {} for i = 1, 1e9 do t[i] = {} end end})
collectgarbage()
local x = 0 for i = 1, 1e6 do x = x + i end
toolkit.write.csv('after.csv', {{a = x}})

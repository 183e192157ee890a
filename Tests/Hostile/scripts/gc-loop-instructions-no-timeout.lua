-- With only an instruction limit (no wall clock at all), a finalizer that loops still ends: Lua
-- cannot count its instructions, so 5 s without the count hook firing count as passing the limit.
-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000 --timeout 0
-- within: 14
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()

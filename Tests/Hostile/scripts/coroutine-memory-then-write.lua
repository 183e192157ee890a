-- Nor through a coroutine.
-- expect: 1
-- stderr: not enough memory
-- files: none
-- args: --max-memory 64
local co = coroutine.create(function() local t = {} for i = 1, 1e9 do t[i] = {} end end)
local ok = coroutine.resume(co)
collectgarbage()
toolkit.write.csv('after.csv', {{ok = tostring(ok)}})

-- After "not enough memory" a script cannot pcall its way on to writing.
-- expect: 1
-- stderr: not enough memory
-- files: none
-- args: --max-memory 64
local ok = pcall(function() local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end end)
collectgarbage()
toolkit.write.csv('after.csv', {{ok = tostring(ok)}})

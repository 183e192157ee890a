-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
local t = {3, 1, 2}
table.sort(t, function() while true do end end)

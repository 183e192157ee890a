-- The same finalizer run by an ordinary collection step while the script allocates.
-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 8
setmetatable({}, {__gc = function() while true do end end})
for i = 1, 1e8 do local t = {i} end

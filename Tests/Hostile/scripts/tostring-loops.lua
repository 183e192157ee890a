-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
print(setmetatable({}, {__tostring = function() while true do end end}))

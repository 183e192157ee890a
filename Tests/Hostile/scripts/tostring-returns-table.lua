-- expect: 1
-- stderr: '__tostring' must return a string
print(setmetatable({}, {__tostring = function() return {} end}))

-- expect: 1
-- stderr: custom error
error(setmetatable({}, {__tostring = function() return 'custom error' end}))

-- expect: 1
-- stderr: error
error(setmetatable({}, {__tostring = function() error('again') end}))

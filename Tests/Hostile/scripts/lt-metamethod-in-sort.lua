-- expect: 1
-- stderr: no order
local mt = {__lt = function() error('no order') end}
local t = {setmetatable({}, mt), setmetatable({}, mt), setmetatable({}, mt)}
table.sort(t)

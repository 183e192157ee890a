-- expect: 1
-- stderr: comparator failed
local t = {3, 1, 2}
table.sort(t, function() error('comparator failed') end)

-- A finalizer at close that takes a moment is allowed to finish.
-- expect: 0
-- stdout: finished
keep = setmetatable({}, {__gc = function() local x = 0 for i = 1, 1e6 do x = x + i end end})
print('finished')

-- print from a finalizer at close is refused quietly (nothing left to print to).
-- expect: 0
-- stdout: finished
keep = setmetatable({}, {__gc = function() print('from the grave') end})
print('finished')

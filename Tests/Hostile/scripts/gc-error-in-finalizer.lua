-- An error in a finalizer is not the script's error (Lua reports it as a warning).
-- expect: 0
-- stdout: after
setmetatable({}, {__gc = function() error('boom') end})
collectgarbage()
print('after')

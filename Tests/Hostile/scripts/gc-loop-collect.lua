-- A finalizer that never returns, run by an explicit collection: Lua turns hooks off inside
-- finalizers, so only the watchdog can end it.
-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 8
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
print('not reached')

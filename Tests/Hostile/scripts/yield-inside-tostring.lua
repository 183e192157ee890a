-- A yield inside a callback that the toolkit runs is refused with Lua's own error.
-- expect: 1
-- stderr: attempt to yield across a C-call boundary
coroutine.wrap(function() print(setmetatable({}, {__tostring = function() coroutine.yield() end})) end)()

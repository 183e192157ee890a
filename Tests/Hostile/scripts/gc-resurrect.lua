-- A finalizer that stores its object again; the state still closes cleanly.
-- expect: 0
-- stdout: done
setmetatable({}, {__gc = function(o) saved = o end})
collectgarbage()
print('done', saved ~= nil)

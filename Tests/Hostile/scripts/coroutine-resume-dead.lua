-- expect: 0
-- stdout: false	cannot resume dead coroutine
local co = coroutine.create(function() end)
coroutine.resume(co)
print(coroutine.resume(co))

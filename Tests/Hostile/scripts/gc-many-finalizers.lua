-- Thousands of finalizers are fine when each is quick.
-- expect: 0
-- stdout: 10000
n = 0
for i = 1, 10000 do setmetatable({}, {__gc = function() n = n + 1 end}) end
collectgarbage() collectgarbage()
print(n)

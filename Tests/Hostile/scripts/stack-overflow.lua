-- expect: 1
-- stderr: stack overflow
local function f() return 1 + f() end
f()

-- With an instruction limit and no explicit timeout worth waiting for, the finalizer still ends:
-- instructions are not counted inside finalizers, the wall clock is (see docs/security.md).
-- expect: 1
-- stderr: time limit exceeded
-- args: --max-instructions 1000000 --timeout 2
-- within: 9
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()

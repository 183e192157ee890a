-- A finalizer that loops when the state closes, after the script has finished.
-- expect: 1
-- stdout: finished
-- stderr: finalizers (__gc) still running
-- args: --timeout 1
-- within: 8
keep = setmetatable({}, {__gc = function() while true do end end})
print('finished')

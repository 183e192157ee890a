-- Catching the time limit in a loop does not outlive it.
-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 6
while true do pcall(function() while true do end end) end

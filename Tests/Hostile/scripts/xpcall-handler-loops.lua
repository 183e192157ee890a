-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
xpcall(function() error('x') end, function() while true do end end)
while true do end

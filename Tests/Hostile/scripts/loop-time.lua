-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 6
while true do end

-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
while true do end

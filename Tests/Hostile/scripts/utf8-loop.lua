-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
while true do local c = utf8.char(1576, 1604) end

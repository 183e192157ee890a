-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local s = 'x'
while true do s = s .. s end

-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local s = string.rep('x', 1 << 30)

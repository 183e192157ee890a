-- expect: 1
-- stderr: value too large
-- args: --max-memory 128
local s = ('x'):rep(1 << 20)
local args = {}
for i = 1, 300 do args[i] = s end
print(table.unpack(args))

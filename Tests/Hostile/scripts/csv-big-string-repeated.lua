-- One 1 MB string 1,500 times in a row is 1.5 GB once copied: refused, not copied.
-- expect: 1
-- stderr: value too large
-- files: none
-- within: 20
-- args: --max-memory 256
local s = ('x'):rep(1 << 20)
local row = {}
for i = 1, 1500 do row['c' .. i] = s end
toolkit.write.csv('big.csv', {row})

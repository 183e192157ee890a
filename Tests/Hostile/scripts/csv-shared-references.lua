-- expect: 1
-- stderr: value too large
-- within: 20
-- files: none
-- args: --max-memory 64
local t = {}
for i = 1, 40 do t = {t, t} end
toolkit.write.csv('s.csv', {t})

-- expect: 1
-- stderr: nested more than 200 levels deep
-- files: none
local t = {}
for i = 1, 300 do t = {t} end
toolkit.write.csv('d.csv', {{a = t}})

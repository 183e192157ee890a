-- expect: 0
-- stderr: info: table:
local t = {}
for i = 1, 40 do t = {t, t} end
toolkit.log.info(t)

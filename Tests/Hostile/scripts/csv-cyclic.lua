-- expect: 1
-- stderr: contains itself
-- files: none
local row = {a = 1}
row.self = row
toolkit.write.csv('c.csv', {row})

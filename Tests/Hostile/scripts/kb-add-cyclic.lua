-- expect: 1
-- stderr: contains itself
local p = {id = 'person/x', kind = 'person', name = 'X'}
p.variants = {p}
toolkit.kb.add(p)

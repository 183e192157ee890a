-- expect: 1
-- stderr: table expected, got Article
for a in toolkit.articles() do
  assert(getmetatable(a) == 'locked')
  setmetatable(a, {})
end

-- expect: 1
-- stderr: time limit per article exceeded on seeds/
-- args: --article-timeout 0.5
-- within: 6
for a in toolkit.articles() do while true do end end

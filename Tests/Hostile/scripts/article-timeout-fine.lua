-- Quick articles pass the per-article limit.
-- expect: 0
-- stdout: 5 articles
-- args: --article-timeout 5
local n = 0
for a in toolkit.articles() do n = n + 1 end
print(n .. ' articles')

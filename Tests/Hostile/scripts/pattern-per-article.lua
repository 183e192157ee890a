-- The per-article limit reaches C code too, through the watchdog.
-- expect: 1
-- stderr: time limit per article exceeded on seeds/
-- args: --article-timeout 1
-- within: 12
for a in toolkit.articles() do local _ = (('a'):rep(40)):find(('a-'):rep(25) .. 'b') end

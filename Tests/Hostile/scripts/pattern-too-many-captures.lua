-- expect: 1
-- stderr: too many captures
string.find(('a'):rep(100), ('(a)'):rep(40))

-- expect: 1
-- stderr: xxxx
error(('x'):rep(4 << 20))

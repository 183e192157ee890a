-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 8
print((('a'):rep(40)):gsub(('a-'):rep(25) .. 'b', 'x'))

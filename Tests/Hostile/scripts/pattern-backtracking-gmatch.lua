-- expect: 1
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 8
for m in (('a'):rep(40)):gmatch(('a-'):rep(25) .. 'b') do print(m) end

-- Backtracking in C, where the hook is never called.
-- expect: 1
-- stdout: start
-- stderr: time limit exceeded
-- args: --timeout 1
-- within: 8
print('start')
print((('a'):rep(40)):find(('a-'):rep(25) .. 'b'))

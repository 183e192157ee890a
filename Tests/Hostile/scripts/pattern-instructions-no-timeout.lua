-- The same for C-level backtracking under an instruction limit alone.
-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 100000000 --timeout 0
-- within: 14
print((('a'):rep(40)):find(('a-'):rep(25) .. 'b'))

-- A Swift function asked to return more than the script may hold.
-- expect: 1
-- stderr: not enough memory
-- args: --max-memory 64
local s = ('Putin '):rep(8 << 20)
local f = toolkit.text.fold(s)
print(#f)

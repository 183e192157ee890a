-- A __tostring on strings that returns a table is an error, not a crash.
-- expect: 1
-- stderr: '__tostring' must return a string
getmetatable('').__tostring = function() return {} end
print('a')

-- expect: 1
-- stderr: malformed pattern
string.find('abc', '[a')

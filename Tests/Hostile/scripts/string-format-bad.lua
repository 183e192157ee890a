-- expect: 1
-- stderr: invalid conversion
print(string.format('%099999d', 1))

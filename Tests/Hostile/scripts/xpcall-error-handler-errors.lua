-- expect: 0
-- stdout: false
print(xpcall(error, error))

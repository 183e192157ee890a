-- expect: 2
-- stderr: contains itself
-- args: --plugin Tests/Hostile/plugins/manifest-cyclic
print('never')

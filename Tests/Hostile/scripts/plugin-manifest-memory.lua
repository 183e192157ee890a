-- expect: 2
-- stderr: not enough memory
-- args: --plugin Tests/Hostile/plugins/manifest-memory
print('never')

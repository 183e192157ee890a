-- expect: 2
-- stderr: instruction limit exceeded
-- within: 8
-- args: --plugin Tests/Hostile/plugins/manifest-loop
print('never')

-- expect: 1
-- stderr: not a valid output name
-- files: none
-- args: --plugin Tests/Hostile/plugins/init-write-escape
print('never')

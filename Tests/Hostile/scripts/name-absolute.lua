-- expect: 1
-- stderr: not a valid output name
-- files: none
toolkit.write.csv('/tmp/toolkit-hostile.csv', {{a = 1}})

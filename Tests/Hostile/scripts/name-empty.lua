-- expect: 1
-- stderr: not a valid output name
-- files: none
toolkit.write.csv('', {{a = 1}})

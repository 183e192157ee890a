-- expect: 1
-- stderr: not valid UTF-8
-- files: none
toolkit.write.csv('\255x.csv', {{a = 1}})

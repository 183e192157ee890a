-- expect: 1
-- stderr: each part may have at most
-- files: none
toolkit.write.csv(('a'):rep(300) .. '.csv', {{a = 1}})

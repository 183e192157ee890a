-- expect: 1
-- stderr: control character U+000A
-- files: none
toolkit.write.csv('a\nb.csv', {{a = 1}})

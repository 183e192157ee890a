toolkit.write.csv('../escaped.csv', {{a = 1}})

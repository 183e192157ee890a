-- During the run a finalizer may use the toolkit like any other code.
-- expect: 0
-- files: early.csv
setmetatable({}, {__gc = function() toolkit.write.csv('early.csv', {{a = 1}}) end})
collectgarbage()

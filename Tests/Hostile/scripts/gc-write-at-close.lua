-- A finalizer that writes while the state closes finds the toolkit gone, and nothing crashes.
-- expect: 0
-- stdout: finished
-- files: none
keep = setmetatable({}, {__gc = function() toolkit.write.csv('late.csv', {{a = 1}}) end})
print('finished')

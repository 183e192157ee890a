-- expect: 1
-- stderr: error object is a nil value
error(nil)

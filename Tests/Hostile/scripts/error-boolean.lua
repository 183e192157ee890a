-- expect: 1
-- stderr: error object is a boolean value
error(true)

-- expect: 1
-- stderr: error object is a function value
error(print)

-- expect: 1
-- stderr: error object is a table value
error({})

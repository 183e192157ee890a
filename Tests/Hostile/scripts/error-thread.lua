-- expect: 1
-- stderr: error object is a thread value
error(coroutine.create(print))

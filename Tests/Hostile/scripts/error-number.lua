-- expect: 1
-- stderr: 42
error(42)

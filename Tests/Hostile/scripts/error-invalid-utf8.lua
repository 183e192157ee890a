-- expect: 1
-- stderr: bad
error('bad \255\254 bytes')

-- expect: 1
-- stderr: init-loop/init.lua:1: time limit exceeded
-- within: 8
-- args: --timeout 1 --plugin Tests/Hostile/plugins/init-loop
print('never')

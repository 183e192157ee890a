-- expect: 2
-- stderr: manifest-os/plugin.lua:1:
-- args: --plugin Tests/Hostile/plugins/manifest-os
print('never')

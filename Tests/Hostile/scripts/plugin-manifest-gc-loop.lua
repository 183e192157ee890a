-- A manifest is data: it runs with no library at all, so it cannot even set a finalizer.
-- expect: 2
-- stderr: manifest-gc-loop/plugin.lua:1:
-- within: 8
-- args: --plugin Tests/Hostile/plugins/manifest-gc-loop
print('never')

-- expect: 1
-- stdout: script ran
-- stderr: finalizers (__gc) still running
-- within: 8
-- args: --timeout 1 --plugin Tests/Hostile/plugins/init-gc-at-close
print('script ran')

os.execute('touch /tmp/toolkit-pwned')
return {
  name = "manifest-os",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "hostile test plugin",
  authors = { "tests" },
  license = "MIT",
}

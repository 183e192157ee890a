local m = {
  name = "manifest-cyclic",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "hostile test plugin",
  authors = { "tests" },
  license = "MIT",
}
m.self = m
return m

local t = {} for i = 1, 1e9 do t[i] = {} end
return {
  name = "manifest-memory",
  version = "1.0.0",
  toolkit = ">=0.1.0",
  description = "hostile test plugin",
  authors = { "tests" },
  license = "MIT",
}

-- expect: 1
-- stderr: instruction limit exceeded
-- args: --max-instructions 1000000
do
  local x <close> = setmetatable({}, {__close = function() while true do end end})
end

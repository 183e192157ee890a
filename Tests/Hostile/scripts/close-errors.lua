-- expect: 1
-- stderr: closing failed
do
  local x <close> = setmetatable({}, {__close = function() error('closing failed') end})
end

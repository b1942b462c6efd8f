-- HMGET of the same fields from many hashes in one call (read only).
-- KEYS
--   hashes...
-- ARGV
--   fields...
local out = {}
for i = 1, #KEYS do
  out[i] = redis.call('HMGET', KEYS[i], unpack(ARGV))
end
return out

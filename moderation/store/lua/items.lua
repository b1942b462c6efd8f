-- Read review items in one call (read only): per item, its record fields, reports and history.
-- KEYS
--   items...  for each item in turn: its comment hash, reports hash and history list
local out = {}
for i = 1, #KEYS, 3 do
  out[#out + 1] = {
    redis.call('HMGET', KEYS[i], 'rec', 'status', 'v', 'decision'),
    redis.call('HGETALL', KEYS[i + 1]),
    redis.call('LRANGE', KEYS[i + 2], 0, -1),
  }
end
return out

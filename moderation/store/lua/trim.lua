-- Drop a comment's history lines older than the audit retention (the oldest come first).
-- KEYS
--   history   the comment's history list ("<audit id> <version> <entry JSON>" each)
-- ARGV
--   before    milliseconds: lines whose audit id is older go
-- Replies how many lines went.
local before = tonumber(ARGV[1])
local dropped = 0
while true do
  local line = redis.call('LINDEX', KEYS[1], 0)
  if not line then break end
  local ms = tonumber(string.match(line, '^(%d+)-'))
  if not ms or ms >= before then break end
  redis.call('LPOP', KEYS[1])
  dropped = dropped + 1
end
return dropped

-- Accept one comment atomically: idempotency check, record, review index, queue entry.
-- KEYS: 1 idempotency, 2 comment, 3 queue stream, 4 parent comment (or the comment again),
--       5 status:queued zset
-- ARGV: 1 body sha256, 2 comment id, 3 record JSON, 4 idempotency TTL (s), 5 site id,
--       6 thread id, 7 "1" when a parent is named
-- Every zset here scores 0 and orders by id (ULIDs sort by time), so cursors are ids.
local prior = redis.call('GET', KEYS[1])
if prior then
  local sep = string.find(prior, ' ', 1, true)
  local id = string.sub(prior, sep + 1)
  if string.sub(prior, 1, sep - 1) ~= ARGV[1] then
    return {'conflict', id}
  end
  return {'duplicate', id}
end
if ARGV[7] == '1' and redis.call('HGET', KEYS[4], 'thread') ~= ARGV[6] then
  return {'noparent', ''}
end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'EX', ARGV[4])
redis.call('HSET', KEYS[2], 'status', 'queued', 'thread', ARGV[6], 'rec', ARGV[3], 'v', 1)
redis.call('ZADD', KEYS[5], 0, ARGV[2])
redis.call('XADD', KEYS[3], '*', 's', ARGV[5], 'i', ARGV[2])
return {'queued', ARGV[2]}

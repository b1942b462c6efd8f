-- Accept one comment atomically: idempotency check, record, review index, queue entry.
-- KEYS
--   idempotency  the message's idempotency key: "<body sha256> <comment id>"
--   comment      the comment's hash
--   queue        the shard's queue stream
--   parent       the parent comment's hash (the comment's own when it has none)
--   queued       the status:queued zset
-- ARGV
--   body_hash    sha256 of the signed body
--   comment_id
--   record       the comment's JSON
--   ttl          seconds the idempotency key lives
--   site_id
--   thread_id
--   has_parent   "1" when a parent is named
-- Replies {outcome, comment id}: queued, duplicate (same body again), conflict (another
-- body under the same message id), noparent (the parent is not in this thread).
-- Every zset here scores 0 and orders by id (ULIDs sort by time), so cursors are ids.
local K = {idempotency = KEYS[1], comment = KEYS[2], queue = KEYS[3], parent = KEYS[4],
  queued = KEYS[5]}
local A = {body_hash = ARGV[1], comment_id = ARGV[2], record = ARGV[3], ttl = ARGV[4],
  site_id = ARGV[5], thread_id = ARGV[6], has_parent = ARGV[7]}
local prior = redis.call('GET', K.idempotency)
if prior then
  local sep = string.find(prior, ' ', 1, true)
  local id = string.sub(prior, sep + 1)
  if string.sub(prior, 1, sep - 1) ~= A.body_hash then
    return {'conflict', id}
  end
  return {'duplicate', id}
end
if A.has_parent == '1' and redis.call('HGET', K.parent, 'thread') ~= A.thread_id then
  return {'noparent', ''}
end
redis.call('SET', K.idempotency, A.body_hash .. ' ' .. A.comment_id, 'EX', A.ttl)
redis.call('HSET', K.comment, 'status', 'queued', 'thread', A.thread_id, 'rec', A.record, 'v', 1)
redis.call('ZADD', K.queued, 0, A.comment_id)
redis.call('XADD', K.queue, '*', 's', A.site_id, 'i', A.comment_id)
return {'queued', A.comment_id}

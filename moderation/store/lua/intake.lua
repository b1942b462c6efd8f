-- Accept one comment atomically: idempotency check, record, review index, queue entry.
-- KEYS
--   idempotency  the message's idempotency key: "<body sha256> <comment id>"
--   comment      the comment's hash
--   queue        the shard's queue stream
--   parent       the parent comment's hash (the comment's own when it has none)
--   queued       the status:queued zset
--   external     the external id's "<content sha256> <comment id>" (else the comment's hash)
--   thread       the thread's hash (its "closed" flag)
-- ARGV
--   body_hash    sha256 of the signed body
--   comment_id
--   record       the comment's JSON
--   ttl          seconds the idempotency key lives
--   site_id
--   thread_id
--   has_parent   "1" when a parent is named
--   content_hash sha256 of the comment as decoded (tells a host's resend from another body)
--   has_external "1" when the comment carries an external id
-- Replies {outcome, comment id}: queued, duplicate (same body again), conflict (another
-- body under the same message id), noparent (the parent is not in this thread), thread_closed
-- (the thread takes no more comments), extduplicate / extconflict (the external id is known, with
-- the same / another content).
-- Every zset here scores 0 and orders by id (ULIDs sort by time), so cursors are ids.
local K = {idempotency = KEYS[1], comment = KEYS[2], queue = KEYS[3], parent = KEYS[4],
  queued = KEYS[5], external = KEYS[6], thread = KEYS[7]}
local A = {body_hash = ARGV[1], comment_id = ARGV[2], record = ARGV[3], ttl = ARGV[4],
  site_id = ARGV[5], thread_id = ARGV[6], has_parent = ARGV[7], content_hash = ARGV[8],
  has_external = ARGV[9]}
local prior = redis.call('GET', K.idempotency)
if prior then
  local sep = string.find(prior, ' ', 1, true)
  local id = string.sub(prior, sep + 1)
  if string.sub(prior, 1, sep - 1) ~= A.body_hash then
    return {'conflict', id}
  end
  return {'duplicate', id}
end
if A.has_external == '1' then
  local known = redis.call('GET', K.external)
  if known then
    local sep = string.find(known, ' ', 1, true)
    local id = string.sub(known, sep + 1)
    if string.sub(known, 1, sep - 1) ~= A.content_hash then return {'extconflict', id} end
    return {'extduplicate', id}
  end
end
if redis.call('HGET', K.thread, 'closed') == '1' then return {'thread_closed', ''} end
if A.has_parent == '1' and redis.call('HGET', K.parent, 'thread') ~= A.thread_id then
  return {'noparent', ''}
end
if A.has_external == '1' then
  redis.call('SET', K.external, A.content_hash .. ' ' .. A.comment_id)
end
redis.call('SET', K.idempotency, A.body_hash .. ' ' .. A.comment_id, 'EX', A.ttl)
redis.call('HSET', K.comment, 'status', 'queued', 'thread', A.thread_id, 'rec', A.record, 'v', 1)
redis.call('ZADD', K.queued, 0, A.comment_id)
redis.call('XADD', K.queue, '*', 's', A.site_id, 'i', A.comment_id)
return {'queued', A.comment_id}

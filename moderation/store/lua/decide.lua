-- Apply a decision to a comment if it is still in the expected state, then record it.
-- KEYS: 1 comment, 2 status:<from> zset, 3 status:<to> zset, 4 thread meta, 5 thread top,
--       6 thread all, 7 thread version, 8 parent's replies, 9 recent, 10 recent version,
--       11 queue stream (or the comment again when not acking), 12 audit stream,
--       13 comment history, 14 reported zset, 15 comment's reports, 16 author hash
-- ARGV: 1 expected status, 2 expected version ('' = any), 3 new status, 4 decision JSON,
--       5 public JSON, 6 comment id, 7 "1" has parent, 8 thread url, 9 thread title,
--       10 recent cap, 11 stream entry id ('' = none), 12 group, 13 audit entry JSON,
--       14 "1" when a human decided (their decision closes the reader reports)
local K = {comment = KEYS[1], from = KEYS[2], to = KEYS[3], thread = KEYS[4], top = KEYS[5],
  all = KEYS[6], thread_v = KEYS[7], parent_kids = KEYS[8], recent = KEYS[9],
  recent_v = KEYS[10], queue = KEYS[11], audit = KEYS[12], history = KEYS[13],
  reported = KEYS[14], reports = KEYS[15], author = KEYS[16]}
local A = {id = ARGV[6], parent = ARGV[7], url = ARGV[8], title = ARGV[9], recent_cap = ARGV[10]}
local function ack()
  if ARGV[11] ~= '' then
    redis.call('XACK', K.queue, ARGV[12], ARGV[11])
    redis.call('XDEL', K.queue, ARGV[11])
  end
end
local state = redis.call('HMGET', K.comment, 'status', 'v')
if not state[1] then ack() return {'missing', '0'} end
if state[1] ~= ARGV[1] or (ARGV[2] ~= '' and state[2] ~= ARGV[2]) then
  ack()
  return {state[1], state[2]}
end
redis.call('HSET', K.comment, 'status', ARGV[3], 'decision', ARGV[4], 'pub', ARGV[5])
local version = redis.call('HINCRBY', K.comment, 'v', 1)
redis.call('ZREM', K.from, A.id)
redis.call('ZADD', K.to, 0, A.id)
if ARGV[3] == 'approved' and ARGV[1] ~= 'approved' then publish(K, A) end
if ARGV[1] == 'approved' and ARGV[3] ~= 'approved' then unpublish(K, A) end
-- The author's approved/rejected counts follow the comment; the audit entry is atomic with it.
if ARGV[1] ~= ARGV[3] then
  if ARGV[1] == 'approved' or ARGV[1] == 'rejected' then redis.call('HINCRBY', K.author, ARGV[1], -1) end
  if ARGV[3] == 'approved' or ARGV[3] == 'rejected' then redis.call('HINCRBY', K.author, ARGV[3], 1) end
end
redis.call('ZREM', K.reported, A.id)
if ARGV[14] == '1' then redis.call('DEL', K.reports) end
local audit_id = redis.call('XADD', K.audit, '*', 'e', ARGV[13], 'v', version)
redis.call('RPUSH', K.history, audit_id .. ' ' .. version .. ' ' .. ARGV[13])
ack()
return {'ok', tostring(version)}

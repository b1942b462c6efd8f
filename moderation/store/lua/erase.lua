-- Rewrite one comment of an erased reader, if it is still at the version that was read.
-- KEYS
--   comment         the comment's hash
--   history         the comment's history list
--   old_index       the status:<current> zset
--   new_index       the status:rejected zset (used when removing)
--   top             the thread's approved top-level comments
--   all             every approved comment of the thread
--   thread_version  the thread's widget version
--   replies         the parent's approved replies (unused without a parent)
--   recent          the site's latest approved comments
--   recent_version  the site's widget version
--   reported        the site's reported zset
--   reports         the comment's reader reports
--   author          the author's hash (standing and counts)
-- ARGV
--   version         the version the comment must still have
--   record          the redacted record JSON
--   public          the redacted public JSON ('' = the comment has none)
--   decision        the redacted decision JSON ('' = the comment has none)
--   remove          "1": unpublish, reject and drop the reader reports too
--   comment_id
--   has_parent      "1" when the comment is a reply
--   lines...        the redacted history lines (replace the list when any are given)
-- Replies ok, conflict (the version moved: read again) or missing.
local K = {comment = KEYS[1], history = KEYS[2], old_index = KEYS[3], new_index = KEYS[4],
  top = KEYS[5], all = KEYS[6], thread_version = KEYS[7], replies = KEYS[8], recent = KEYS[9],
  recent_version = KEYS[10], reported = KEYS[11], reports = KEYS[12], author = KEYS[13]}
local A = {version = ARGV[1], record = ARGV[2], public = ARGV[3], decision = ARGV[4],
  remove = ARGV[5], comment_id = ARGV[6], has_parent = ARGV[7]}
local FIRST_LINE = 8
local state = redis.call('HMGET', K.comment, 'status', 'v')
if not state[1] then return 'missing' end
if (state[2] or '0') ~= A.version then return 'conflict' end
local status = state[1]
redis.call('HSET', K.comment, 'rec', A.record)
if A.public ~= '' then redis.call('HSET', K.comment, 'pub', A.public) end
if A.decision ~= '' then redis.call('HSET', K.comment, 'decision', A.decision) end
if #ARGV >= FIRST_LINE then
  redis.call('DEL', K.history)
  for i = FIRST_LINE, #ARGV do redis.call('RPUSH', K.history, ARGV[i]) end
end
if A.remove == '1' then
  redis.call('ZREM', K.reported, A.comment_id)
  redis.call('DEL', K.reports)
  if status ~= 'rejected' then
    redis.call('ZREM', K.old_index, A.comment_id)
    redis.call('ZADD', K.new_index, 0, A.comment_id)
    redis.call('HSET', K.comment, 'status', 'rejected')
    if status == 'approved' then
      unpublish(K, A)
      redis.call('HINCRBY', K.author, 'approved', -1)
    end
    redis.call('HINCRBY', K.author, 'rejected', 1)
  end
elseif status == 'approved' then
  -- The name changed in what widgets show: a new version retires every cached copy.
  redis.call('INCR', K.thread_version)
  redis.call('INCR', K.recent_version)
end
redis.call('HINCRBY', K.comment, 'v', 1)
return 'ok'

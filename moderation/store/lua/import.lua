-- Write one imported comment unless it is already there: record, status index, widgets, counts.
-- KEYS
--   comment         the comment's hash
--   index           the status:<status> zset
--   thread          the thread's hash (url, title)
--   top             the thread's approved top-level comments
--   all             every approved comment of the thread
--   thread_version  the thread's widget version
--   replies         the parent's approved replies (unused without a parent)
--   recent          the site's latest approved comments
--   recent_version  the site's widget version
--   author          the author's hash (counts)
--   queue           the shard's queue stream (used when moderating)
-- ARGV
--   record          the comment's JSON
--   status          its status: approved, held, rejected, or queued for the pipeline
--   decision        the decision's JSON ('' when queued)
--   public          the public JSON ('' when queued)
--   comment_id
--   thread_id
--   has_parent      "1" when the comment is a reply
--   url             the thread's url ('' = keep the stored one)
--   title           the thread's title ('' = keep the stored one)
--   recent_cap      how many comments the recent zset keeps
--   site_id
-- Replies new or exists (a repeated import writes nothing).
local K = {comment = KEYS[1], index = KEYS[2], thread = KEYS[3], top = KEYS[4], all = KEYS[5],
  thread_version = KEYS[6], replies = KEYS[7], recent = KEYS[8], recent_version = KEYS[9],
  author = KEYS[10], queue = KEYS[11]}
local A = {record = ARGV[1], status = ARGV[2], decision = ARGV[3], public = ARGV[4],
  comment_id = ARGV[5], thread_id = ARGV[6], has_parent = ARGV[7], url = ARGV[8],
  title = ARGV[9], recent_cap = ARGV[10], site_id = ARGV[11]}
if redis.call('EXISTS', K.comment) == 1 then return 'exists' end
redis.call('HSET', K.comment, 'status', A.status, 'thread', A.thread_id, 'rec', A.record, 'v', 1)
if A.decision ~= '' then redis.call('HSET', K.comment, 'decision', A.decision, 'pub', A.public) end
redis.call('ZADD', K.index, 0, A.comment_id)
if A.url ~= '' then redis.call('HSET', K.thread, 'url', A.url) end
if A.title ~= '' then redis.call('HSET', K.thread, 'title', A.title) end
if A.status == 'approved' then publish(K, A) end
if A.status == 'approved' or A.status == 'rejected' then
  redis.call('HINCRBY', K.author, A.status, 1)
end
if A.status == 'queued' then
  redis.call('XADD', K.queue, '*', 's', A.site_id, 'i', A.comment_id)
end
return 'new'

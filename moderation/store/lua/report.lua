-- Record one reader's report on an approved comment, once per reader, and queue it for review.
-- KEYS: 1 comment, 2 the comment's reports, 3 reported zset
-- ARGV: 1 reader hash, 2 report JSON, 3 comment id
-- Replies {outcome, open reports}: 'missing' (no such comment), 'ignored' (not approved:
-- readers cannot see it), 'new' or 'duplicate'.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing', 0} end
if status ~= 'approved' then return {'ignored', redis.call('HLEN', KEYS[2])} end
local added = redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[3])
return {added == 1 and 'new' or 'duplicate', redis.call('HLEN', KEYS[2])}

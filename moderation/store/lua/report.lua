-- Record one reader's report on an approved comment, once per reader, and queue it for review.
-- KEYS
--   comment     the comment's hash
--   reports     the comment's reader reports
--   reported    the site's reported zset
-- ARGV
--   reader      the reader's hash
--   report      the report's JSON
--   comment_id
-- Replies {outcome, open reports}: missing (no such comment), ignored (not approved: readers
-- cannot see it), new or duplicate (this reader reported it before).
local K = {comment = KEYS[1], reports = KEYS[2], reported = KEYS[3]}
local A = {reader = ARGV[1], report = ARGV[2], comment_id = ARGV[3]}
local status = redis.call('HGET', K.comment, 'status')
if not status then return {'missing', 0} end
if status ~= 'approved' then return {'ignored', redis.call('HLEN', K.reports)} end
local added = redis.call('HSETNX', K.reports, A.reader, A.report)
redis.call('ZADD', K.reported, 0, A.comment_id)
return {added == 1 and 'new' or 'duplicate', redis.call('HLEN', K.reports)}

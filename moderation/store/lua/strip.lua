-- Replace a comment's record by its retention-stripped copy, if it is still at the version read.
-- KEYS
--   comment   the comment's hash
-- ARGV
--   version   the version the comment must still have
--   record    the stripped record JSON
-- Replies ok, conflict (the version moved: read again) or missing. The version stays: what
-- moderators and widgets see does not change.
local state = redis.call('HMGET', KEYS[1], 'rec', 'v')
if not state[1] then return 'missing' end
if (state[2] or '0') ~= ARGV[1] then return 'conflict' end
redis.call('HSET', KEYS[1], 'rec', ARGV[2])
return 'ok'

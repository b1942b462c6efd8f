-- Set an author's standing, log the change and audit it, atomically.
-- KEYS
--   author    the author's hash
--   log       the author's standing log
--   audit     the site's audit stream
-- ARGV
--   standing
--   ends_at   when it lapses ('' = never)
--   note
--   entry     the audit entry's JSON
-- Replies the audit entry's id.
local K = {author = KEYS[1], log = KEYS[2], audit = KEYS[3]}
local A = {standing = ARGV[1], ends_at = ARGV[2], note = ARGV[3], entry = ARGV[4]}
redis.call('HSET', K.author, 'standing', A.standing, 'until', A.ends_at, 'note', A.note)
redis.call('RPUSH', K.log, A.entry)
return redis.call('XADD', K.audit, '*', 'e', A.entry, 'v', 0)

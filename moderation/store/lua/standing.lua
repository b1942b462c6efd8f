-- Set an author's standing, log the change and audit it, atomically.
-- KEYS: 1 author hash, 2 author log, 3 audit stream
-- ARGV: 1 standing, 2 until ('' = none), 3 note, 4 entry JSON
redis.call('HSET', KEYS[1], 'standing', ARGV[1], 'until', ARGV[2], 'note', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[4])
return redis.call('XADD', KEYS[3], '*', 'e', ARGV[4], 'v', 0)

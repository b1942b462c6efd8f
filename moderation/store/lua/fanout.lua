-- Hand a site's new events to its endpoints once: move the cursor and schedule together.
-- KEYS
--   cursor     the site's fan-out cursor
--   due        the shard's due deliveries
-- ARGV
--   expected   the cursor the caller read ('' = none yet)
--   last       the last event id handed out now
--   now        when the deliveries are due (ms)
--   members... "<site> <endpoint> <event id>" of each delivery
-- Replies 1, or 0 when another deliverer moved the cursor first (it scheduled them).
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
for i = 4, #ARGV do redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[i]) end
return 1

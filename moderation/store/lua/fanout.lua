-- Hand a site's new events to its endpoints once: move the cursor and schedule together, and
-- take the site off the shard's to-do set once the cursor has caught up with its events.
-- KEYS
--   cursor     the site's fan-out cursor
--   due        the shard's due deliveries
--   events     the site's events stream
--   new_events the shard's sites with events not yet fanned out
-- ARGV
--   expected   the cursor the caller read ('' = none yet)
--   last       the last event id handed out now ('' = none: just check for more)
--   now        when the deliveries are due (ms)
--   site_id
--   members... "<site> <endpoint> <event id>" of each delivery
-- Replies 1, or 0 when another deliverer moved the cursor first (it scheduled them).
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
local last = ARGV[2]
if last ~= '' then redis.call('SET', KEYS[1], last) else last = current end
for i = 5, #ARGV do redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[i]) end
-- Atomic with the check, so an event written after it puts the site back in the set.
local start = last == '' and '-' or '(' .. last
if #redis.call('XRANGE', KEYS[3], start, '+', 'COUNT', 1) == 0 then
  redis.call('SREM', KEYS[4], ARGV[4])
end
return 1

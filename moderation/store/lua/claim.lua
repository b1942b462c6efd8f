-- Lease a shard's due deliveries: each claimed one moves ahead by the lease, so one whose
-- deliverer dies mid-delivery is claimed again when its lease runs out (at least once).
-- KEYS
--   due        the shard's due deliveries
-- ARGV
--   now        ms
--   leased_to  ms: when the claimed deliveries come due again unless finished
--   limit      how many to claim
local due = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, ARGV[3])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], member) end
return due

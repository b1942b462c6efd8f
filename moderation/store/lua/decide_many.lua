-- Apply a batch of decisions of one shard in one call, each exactly as decide.lua applies
-- one (checked against the comment's state, with its audit entry, event, indexes and queue
-- acknowledgement), in order: a batch costs one call and one reply instead of one per comment.
-- KEYS
--   keys...   per decision, in order, decide.lua's KEYS
-- ARGV
--   args...   per decision, in order, decide.lua's ARGV
-- Replies, per decision: {outcome, status, version} as decide.lua's.
local out = {}
local nkeys, nargs = #DECIDE_KEYS, #DECIDE_ARGV
for i = 1, #KEYS / nkeys do
  local K = named(DECIDE_KEYS, KEYS, (i - 1) * nkeys)
  local A = named(DECIDE_ARGV, ARGV, (i - 1) * nargs)
  out[i] = decide(K, A)
end
return out

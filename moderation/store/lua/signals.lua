-- Gather the Redis-held facts of a batch of one site's comments in one call, counting each
-- comment as it goes (near-duplicate bands, author and IP rates), so a batch costs one
-- round trip and one small reply instead of ~15 commands and replies per comment.
-- KEYS
--   spam        learned spam counts, this generation
--   ham         learned ham counts, this generation
--   old_spam    learned spam counts, previous generation
--   old_ham     learned ham counts, previous generation
--   dup         near-duplicate band counts, this hour
--   dup_before  near-duplicate band counts, the hour before
--   items...    per comment, in order: its rate keys, then its author's hash
-- ARGV
--   dup_ttl     seconds the hour's band counts live
--   rate_ttl    seconds a rate counter lives
--   fields      JSON list of the author-hash fields to read
--   plan        JSON list, per comment: [slots, bands, number of rate keys]
-- Replies, per comment: {spam docs, spam feats, ham docs, ham feats, {slot, spam, ham, ...}
-- for the slots with counts, copies, {rates...}, {author fields...}}.
local K = {spam = KEYS[1], ham = KEYS[2], old_spam = KEYS[3], old_ham = KEYS[4],
  dup = KEYS[5], dup_before = KEYS[6]}
local A = {dup_ttl = tonumber(ARGV[1]), rate_ttl = tonumber(ARGV[2]), fields = ARGV[3],
  plan = ARGV[4]}
local FIRST_ITEM = 7
local fields, plan = cjson.decode(A.fields), cjson.decode(A.plan)
local NAMES = {K.spam, K.old_spam, K.ham, K.old_ham}
local learned_any = false
for i = 1, 4 do
  if redis.call('EXISTS', NAMES[i]) == 1 then learned_any = true end
end

local function summed(a, b, n)
  local out = {}
  for i = 1, n do out[i] = (tonumber(a[i]) or 0) + (tonumber(b[i]) or 0) end
  return out
end

local function learned(slots)
  if not learned_any then return {0, 0, 0, 0, {}} end
  local n = #slots + 2
  local got = {}
  for i = 1, 4 do got[i] = redis.call('HMGET', NAMES[i], 'docs', 'feats', unpack(slots)) end
  local spam, ham = summed(got[1], got[2], n), summed(got[3], got[4], n)
  local pairs_ = {}
  for i = 3, n do
    if spam[i] ~= 0 or ham[i] ~= 0 then
      pairs_[#pairs_ + 1] = slots[i - 2]
      pairs_[#pairs_ + 1] = spam[i]
      pairs_[#pairs_ + 1] = ham[i]
    end
  end
  return {spam[1], spam[2], ham[1], ham[2], pairs_}
end

local function copies(bands)
  if #bands == 0 then return 0 end
  local before = redis.call('HMGET', K.dup_before, unpack(bands))
  local most = 0
  for i = 1, #bands do
    local total = redis.call('HINCRBY', K.dup, bands[i], 1) + (tonumber(before[i]) or 0)
    if total > most then most = total end
  end
  redis.call('EXPIRE', K.dup, A.dup_ttl)
  return most
end

local out = {}
local at = FIRST_ITEM
for i = 1, #plan do
  local slots, bands, rated = plan[i][1], plan[i][2], plan[i][3]
  local reply = learned(slots)
  reply[6] = copies(bands)
  local rates = {}
  for r = 1, rated do
    rates[r] = redis.call('INCR', KEYS[at])
    redis.call('EXPIRE', KEYS[at], A.rate_ttl)
    at = at + 1
  end
  reply[7] = rates
  reply[8] = redis.call('HMGET', KEYS[at], unpack(fields))
  at = at + 1
  out[i] = reply
end
return out

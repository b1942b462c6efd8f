-- Teach a site's spam classifier one moderator verdict, once per comment.
-- KEYS: spam counts, ham counts, the comment's hash.  ARGV: label (spam|ham), buckets...
-- A changed verdict moves the comment's counts to the other class; a repeat is a no-op.
local label = ARGV[1]
local previous = redis.call('HGET', KEYS[3], 'learned')
if previous == label then
  return 0
end
local function add(key, delta)
  for i = 2, #ARGV do
    if redis.call('HINCRBY', key, ARGV[i], delta) <= 0 then
      redis.call('HDEL', key, ARGV[i])
    end
  end
  redis.call('HINCRBY', key, 'docs', delta)
  redis.call('HINCRBY', key, 'feats', delta * (#ARGV - 1))
end
if previous then
  add(previous == 'spam' and KEYS[1] or KEYS[2], -1)
end
add(label == 'spam' and KEYS[1] or KEYS[2], 1)
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HSET', KEYS[3], 'learned', label)
end
return 1

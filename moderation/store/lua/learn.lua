-- Teach a site's spam classifier one moderator verdict, once per comment.
-- KEYS: spam and ham counts of this generation, of the previous one, the comment's hash.
-- ARGV: label (spam|ham), generation, unix time the counts expire, slots...
-- The comment's hash records "<label> <generation>". A repeated verdict is a no-op; a changed
-- one moves the counts to the other class (out of the generation that holds them, if it is
-- still read; an older one has expired or soon will).
local label, gen, expire_at = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local previous = redis.call('HGET', KEYS[5], 'learned')
local old_label, old_gen
if previous then
  old_label, old_gen = string.match(previous, '^(%a+) (%d+)$')
  old_gen = tonumber(old_gen)
end
if old_label == label then
  return 0
end
local function add(key, delta)
  for i = 4, #ARGV do
    if redis.call('HINCRBY', key, ARGV[i], delta) <= 0 then
      redis.call('HDEL', key, ARGV[i])
    end
  end
  redis.call('HINCRBY', key, 'docs', delta)
  redis.call('HINCRBY', key, 'feats', delta * (#ARGV - 3))
end
if old_label and (old_gen == gen or old_gen == gen - 1) then
  local base = old_gen == gen and 0 or 2
  local key = KEYS[base + (old_label == 'spam' and 1 or 2)]
  if redis.call('EXISTS', key) == 1 then
    add(key, -1)
  end
end
local target = label == 'spam' and KEYS[1] or KEYS[2]
add(target, 1)
redis.call('EXPIREAT', target, expire_at)
if redis.call('EXISTS', KEYS[5]) == 1 then
  redis.call('HSET', KEYS[5], 'learned', label .. ' ' .. gen)
end
return 1

-- Teach a site's spam classifier one moderator verdict, once per comment.
-- KEYS
--   spam        spam counts of this generation
--   ham         ham counts of this generation
--   old_spam    spam counts of the previous generation
--   old_ham     ham counts of the previous generation
--   comment     the comment's hash
-- ARGV
--   label       spam or ham
--   generation
--   expire_at   unix time the counts expire
--   slots...    the comment's feature slots
-- The comment's hash records "<label> <generation>". A repeated verdict is a no-op; a changed
-- one moves the counts to the other class (out of the generation that holds them, if it is
-- still read; an older one has expired or soon will).
-- Replies new, changed or repeated.
local K = {spam = KEYS[1], ham = KEYS[2], old_spam = KEYS[3], old_ham = KEYS[4],
  comment = KEYS[5]}
local A = {label = ARGV[1], generation = tonumber(ARGV[2]), expire_at = ARGV[3]}
local label, gen = A.label, A.generation
local FIRST_SLOT = 4
local previous = redis.call('HGET', K.comment, 'learned')
local old_label, old_gen
if previous then
  old_label, old_gen = string.match(previous, '^(%a+) (%d+)$')
  old_gen = tonumber(old_gen)
end
if old_label == label then
  return 'repeated'
end
local function add(key, delta)
  for i = FIRST_SLOT, #ARGV do
    if redis.call('HINCRBY', key, ARGV[i], delta) <= 0 then
      redis.call('HDEL', key, ARGV[i])
    end
  end
  redis.call('HINCRBY', key, 'docs', delta)
  redis.call('HINCRBY', key, 'feats', delta * (#ARGV - FIRST_SLOT + 1))
end
local read = {[gen] = {K.spam, K.ham}, [gen - 1] = {K.old_spam, K.old_ham}}
if old_label and read[old_gen] then
  local key = read[old_gen][old_label == 'spam' and 1 or 2]
  if redis.call('EXISTS', key) == 1 then
    add(key, -1)
  end
end
local target = label == 'spam' and K.spam or K.ham
add(target, 1)
redis.call('EXPIREAT', target, A.expire_at)
if redis.call('EXISTS', K.comment) == 1 then
  redis.call('HSET', K.comment, 'learned', label .. ' ' .. gen)
end
return old_label and 'changed' or 'new'

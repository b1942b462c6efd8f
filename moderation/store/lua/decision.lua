-- Shared by decide.lua (one decision) and decide_many.lua (a batch of them): apply one
-- decision if its comment is still as expected, with its audit entry, event, published
-- indexes and queue acknowledgement. K and A are named as in decide.lua's header.
local DECIDE_KEYS = {'comment', 'old_index', 'new_index', 'thread', 'top', 'all',
  'thread_version', 'replies', 'recent', 'recent_version', 'queue', 'audit', 'history',
  'reported', 'reports', 'author', 'events', 'new_events'}
local DECIDE_ARGV = {'old', 'version', 'new', 'decision', 'public', 'comment_id', 'has_parent',
  'url', 'title', 'recent_cap', 'entry_id', 'group', 'entry', 'by_moderator', 'event_type',
  'event_data', 'event_at', 'events_min_id', 'site_id'}

-- The table of ``names`` bound to ``values[from + 1]``, ``values[from + 2]``, ...
local function named(names, values, from)
  local out = {}
  for i = 1, #names do out[names[i]] = values[from + i] end
  return out
end

local function decide(K, A)
  local function ack()
    if A.entry_id ~= '' then
      redis.call('XACK', K.queue, A.group, A.entry_id)
      redis.call('XDEL', K.queue, A.entry_id)
    end
  end
  local state = redis.call('HMGET', K.comment, 'status', 'v')
  if not state[1] then ack() return {'missing', '', '0'} end
  if state[1] ~= A.old or (A.version ~= '' and state[2] ~= A.version) then
    ack()
    return {'conflict', state[1], state[2] or '0'}
  end
  redis.call('HSET', K.comment, 'status', A.new, 'decision', A.decision, 'pub', A.public)
  local version = redis.call('HINCRBY', K.comment, 'v', 1)
  redis.call('ZREM', K.old_index, A.comment_id)
  redis.call('ZADD', K.new_index, 0, A.comment_id)
  if A.new == 'approved' and A.old ~= 'approved' then publish(K, A) end
  if A.old == 'approved' and A.new ~= 'approved' then unpublish(K, A) end
  -- The author's approved/rejected counts follow the comment; the audit entry is atomic with it.
  if A.old ~= A.new then
    if A.old == 'approved' or A.old == 'rejected' then redis.call('HINCRBY', K.author, A.old, -1) end
    if A.new == 'approved' or A.new == 'rejected' then redis.call('HINCRBY', K.author, A.new, 1) end
  end
  redis.call('ZREM', K.reported, A.comment_id)
  if A.by_moderator == '1' then redis.call('DEL', K.reports) end
  local audit_id = redis.call('XADD', K.audit, '*', 'e', A.entry, 'v', version)
  redis.call('RPUSH', K.history, audit_id .. ' ' .. version .. ' ' .. A.entry)
  -- The host's event is as atomic as the audit entry: no decision without its event.
  if A.event_type ~= '' then
    redis.call('XADD', K.events, 'MINID', A.events_min_id, '*', 't', A.event_type,
      'd', A.event_data, 'v', version, 'at', A.event_at)
    redis.call('SADD', K.new_events, A.site_id)
  end
  ack()
  return {'ok', A.new, tostring(version)}
end

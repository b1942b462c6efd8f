-- Shared by every script that shows or hides a comment in the widgets.
-- K: table of key names, A: table of values (see decide.lua for the layout).
local function publish(K, A)
  if A.url ~= '' then redis.call('HSET', K.thread, 'url', A.url) end
  if A.title ~= '' then redis.call('HSET', K.thread, 'title', A.title) end
  if A.parent == '1' then
    redis.call('ZADD', K.parent_kids, 0, A.id)
  else
    redis.call('ZADD', K.top, 0, A.id)
  end
  redis.call('ZADD', K.all, 0, A.id)
  redis.call('ZADD', K.recent, 0, A.id)
  local extra = redis.call('ZCARD', K.recent) - tonumber(A.recent_cap)
  if extra > 0 then redis.call('ZREMRANGEBYRANK', K.recent, 0, extra - 1) end
  redis.call('INCR', K.thread_v)
  redis.call('INCR', K.recent_v)
end

local function unpublish(K, A)
  redis.call('ZREM', K.parent_kids, A.id)
  redis.call('ZREM', K.top, A.id)
  redis.call('ZREM', K.all, A.id)
  redis.call('ZREM', K.recent, A.id)
  redis.call('INCR', K.thread_v)
  redis.call('INCR', K.recent_v)
end

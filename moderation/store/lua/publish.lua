-- Shared by every script that shows or hides a comment in the widgets.
-- K: table of key names, A: table of values (named as in decide.lua's header).
local function publish(K, A)
  if A.url ~= '' then redis.call('HSET', K.thread, 'url', A.url) end
  if A.title ~= '' then redis.call('HSET', K.thread, 'title', A.title) end
  if A.has_parent == '1' then
    redis.call('ZADD', K.replies, 0, A.comment_id)
  else
    redis.call('ZADD', K.top, 0, A.comment_id)
  end
  redis.call('ZADD', K.all, 0, A.comment_id)
  redis.call('ZADD', K.recent, 0, A.comment_id)
  local extra = redis.call('ZCARD', K.recent) - tonumber(A.recent_cap)
  if extra > 0 then redis.call('ZREMRANGEBYRANK', K.recent, 0, extra - 1) end
  redis.call('INCR', K.thread_version)
  redis.call('INCR', K.recent_version)
end

local function unpublish(K, A)
  redis.call('ZREM', K.replies, A.comment_id)
  redis.call('ZREM', K.top, A.comment_id)
  redis.call('ZREM', K.all, A.comment_id)
  redis.call('ZREM', K.recent, A.comment_id)
  redis.call('INCR', K.thread_version)
  redis.call('INCR', K.recent_version)
end

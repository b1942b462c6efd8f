-- Take one request from each of several rate limits, all or none (GCRA: the generic cell
-- rate algorithm). Each limit allows ``per`` requests in any ``period``: a burst of ``per``,
-- then one every ``period / per``. A key holds the limit's theoretical arrival time, in ms;
-- it expires when the limit is full again. A refused request takes nothing.
-- KEYS
--   limits...  one key per limit
-- ARGV
--   now        the caller's clock, ms since the epoch
--   period     ms
--   pers...    each limit's requests per period, in the order of the keys
-- Replies 0 when taken, else the ms until the request would be allowed.
local now, period = tonumber(ARGV[1]), tonumber(ARGV[2])
local wait, arrivals = 0, {}
for i, key in ipairs(KEYS) do
  local interval = period / tonumber(ARGV[2 + i])
  local arrival = math.max(tonumber(redis.call('GET', key)) or now, now) + interval
  wait = math.max(wait, arrival - now - period)
  arrivals[i] = arrival
end
if wait > 0 then
  return math.ceil(wait)
end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, string.format('%.3f', arrivals[i]), 'PX', math.ceil(arrivals[i] - now))
end
return 0

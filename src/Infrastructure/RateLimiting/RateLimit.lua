-- Decides one call against all of its rate limits atomically: every rule is checked first, and the
-- cost is charged to every window only if all of them pass (a denied call consumes nothing).
-- The clock is Redis's own, so every host agrees on windows whatever its local clock says.
-- InProcessRateLimiter (KeyBudget.cs) is the same algorithm in C#; change both together.
--
-- KEYS[i]  key prefix of rule i, hash-tagged by the request key so a cluster keeps the call's keys in
--          one slot: rl:{<key>}:<limitId>:<s|h|d|m>. Fixed windows append ':<windowStartEpochSeconds>'.
-- ARGV[1]  cost (>= 0; 0 reports every window without charging)
-- ARGV[2]  UTC offset in seconds of the tenant's time zone, the one in force now (hour and day windows)
-- then per rule, in KEYS order:
--   's' limit burst          GCRA at <limit> units per second with a burst of <burst> units
--   'h' limit | 'd' limit    fixed window on the tenant's local clock
--   'm' limit b0 b1 b2       billing month: [b0, b1) or [b1, b2), epoch seconds computed by the host
--
-- Reply (integers): allowed (1/0), denied rule (1-based, 0 when allowed), retry-after ms, now ms,
-- then per rule: remaining, reset-after ms, window start ms, crossed 80 % (1/0).
-- Each rule is reduced to capacity/unit/used: a fixed window counts units against its limit; GCRA
-- counts milliseconds of "theoretical arrival time" ahead of now against burst * interval.

local t = redis.call('TIME')
local nowS = tonumber(t[1])
local now = nowS * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[1])
local offset = tonumber(ARGV[2])
-- GCRA intervals such as 1000/3 ms are not exact in floating point. (A TAT in epoch ms resolves about
-- 0.25 microseconds, so rates up to ~100k per second per key stay within 0.3 % of the configured rate.)
local EPS = 1e-6

local n = #KEYS
local keys, cap, unit, used, after, start, finish = {}, {}, {}, {}, {}, {}, {}
local denied, retry = 0, 0
local p = 3
for i = 1, n do
  local kind = ARGV[p]
  local limit = tonumber(ARGV[p + 1])
  p = p + 2
  if kind == 's' then
    local burst = tonumber(ARGV[p])
    p = p + 1
    local interval = 1000 / limit
    local tat = tonumber(redis.call('GET', KEYS[i]) or now)
    keys[i] = KEYS[i]
    unit[i] = interval
    cap[i] = burst * interval
    used[i] = math.max(tat - now, 0)
    start[i] = now
  else
    local s, e
    if kind == 'm' then
      local b0, b1, b2 = tonumber(ARGV[p]), tonumber(ARGV[p + 1]), tonumber(ARGV[p + 2])
      p = p + 3
      if nowS >= b1 then s, e = b1, b2 else s, e = b0, b1 end
    else
      local period = (kind == 'h') and 3600 or 86400
      -- Lua's % is floored, so this is right for negative offsets too.
      s = nowS - ((nowS + offset) % period)
      e = s + period
    end
    keys[i] = KEYS[i] .. ':' .. s
    unit[i] = 1
    cap[i] = limit
    used[i] = tonumber(redis.call('GET', keys[i]) or 0)
    start[i] = s * 1000
    finish[i] = e * 1000
  end
  after[i] = used[i] + cost * unit[i]
  if after[i] > cap[i] + EPS then
    -- A fixed window frees up only when it ends; GCRA as soon as enough of the TAT has drained.
    local wait = finish[i] and (finish[i] - now) or math.ceil(after[i] - cap[i])
    if denied == 0 or wait > retry then denied, retry = i, wait end
  end
end

local reply = { (denied == 0) and 1 or 0, denied, retry, now }
for i = 1, n do
  local u = used[i]
  local crossed = 0
  if denied == 0 and cost > 0 then
    if finish[i] then
      if redis.call('INCRBY', keys[i], cost) == cost then
        redis.call('PEXPIREAT', keys[i], finish[i])
      end
    else
      -- The key can vanish once the bucket is full again: a missing TAT means "now".
      redis.call('SET', keys[i], now + after[i], 'PX', math.ceil(after[i]))
    end
    u = after[i]
    if used[i] * 5 < cap[i] * 4 and after[i] * 5 >= cap[i] * 4 then crossed = 1 end
  end
  reply[#reply + 1] = math.max(0, math.floor((cap[i] - u) / unit[i] + EPS))
  reply[#reply + 1] = finish[i] and (finish[i] - now) or math.ceil(u - EPS)
  reply[#reply + 1] = start[i]
  reply[#reply + 1] = crossed
end
return reply

-- KEYS[1] state hash, KEYS[2] event log
-- ARGV[1] event JSON without seq (must start with '{'), ARGV[2] new view JSON,
-- ARGV[3] channel, ARGV[4] ttl seconds, ARGV[5] '1' when the step is the final verdict,
-- '2' when it reopens a judged submission (a rejudge), '0' otherwise
-- Numbers the event, stores the state it leads to, logs and publishes it: one atomic step,
-- so a snapshot read at seq n and the events after n never overlap or leave a gap.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return redis.error_reply('NOSTATE no live state for this submission')
end
-- After the verdict nothing more is told: a job that runs twice (a stalled worker that was
-- still alive, a duplicate delivery) cannot push a second verdict or steps after it.
-- Only a rejudge reopens it, explicitly.
if ARGV[5] == '2' then
  redis.call('HDEL', KEYS[1], 'final')
elseif redis.call('HEXISTS', KEYS[1], 'final') == 1 then
  return 0
end
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[1], 'final', '1')
end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local message = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('HSET', KEYS[1], 'view', ARGV[2])
redis.call('RPUSH', KEYS[2], message)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('PUBLISH', ARGV[3], message)
return seq

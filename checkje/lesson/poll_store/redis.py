"""Polls in Redis, shared by any number of app servers (CHECKJE_POLLS_URL=redis://host:port/db).

Every change is one small Lua script, which Redis runs atomically: the most votes a statement takes,
the per-second limit and the cap on open polls hold across servers, and no vote is counted twice or lost. A vote
is in Redis before the view answers; Redis itself should then keep its data as its operator
chooses (appendonly for a restart of Redis, nothing for a throw-away one).

The keys, each with a time to live that ends with the poll, so no poll outlives its lifetime
even if nobody deletes it:
  <prefix>poll:<code>         a hash: the secret's SHA-256, the open statement, waiting, class size, shown
                              statements (bits), resets, version, created, expires, the per-second counter
  <prefix>poll:<code>:counts  a hash: "<statement>:<answer>" -> count
  <prefix>polls               a sorted set of open codes by expiry time, for the cap on open polls
Nothing about a pupil or a teacher is in any key or value.

The clock is the app server's (and injected in tests): the scripts get "now" as an argument and
check expiry themselves; the time to live follows the same expiry.
"""

import secrets
import time

import redis

from checkje.lesson.poll_store.contract import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_CLASS_SIZE,
    IDLE_SECONDS,
    LIFETIME_SECONDS,
    MAX_OPEN_POLLS,
    MAX_VOTES_PER_SECOND,
    VOTES_PER_PUPIL_AT_MOST,
    Poll,
    PollGone,
    PollStore,
    ResultsShown,
    StatementClosed,
    StoreDown,
    TooMany,
    WrongSecret,
    check_answer,
    check_new_poll,
    hash_secret,
)

# Redis refused, timed out or is restarting: the views answer 503 and try again on the next request.
DOWN = (redis.ConnectionError, redis.TimeoutError)

# KEYS: poll, counts, index. Shared by the scripts that change a poll: is it open, keep it alive.
_OPEN_POLL = """
local poll = redis.call('HGETALL', KEYS[1])
local now = tonumber(ARGV[1])
local fields = {}
for i = 1, #poll, 2 do fields[poll[i]] = poll[i + 1] end
if fields.expires == nil or tonumber(fields.expires) <= now then return {'gone'} end
local function keep_alive(idle, lifetime)
  local expires = math.min(tonumber(fields.created) + lifetime, now + idle)
  local ttl = math.max(1, math.ceil((expires - now) * 1000))
  redis.call('HSET', KEYS[1], 'expires', string.format('%.6f', expires))
  redis.call('PEXPIRE', KEYS[1], ttl)
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ttl) end
  redis.call('ZADD', KEYS[3], expires, ARGV[2])
  redis.call('PEXPIRE', KEYS[3], math.ceil(lifetime * 1000))
end
"""

# ARGV: now, code, secret_hash, statements, class_size, expires, lifetime, max_open
_CREATE = """
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[8]) then return 'polls' end
if redis.call('EXISTS', KEYS[1]) == 1 then return 'taken' end
redis.call('HSET', KEYS[1], 'secret_hash', ARGV[3], 'statement', 0, 'waiting', 0, 'statements', ARGV[4],
  'class_size', ARGV[5], 'shown', 0, 'resets', 0, 'version', 0, 'created', ARGV[1], 'expires', ARGV[6],
  'window_second', 0, 'window_votes', 0)
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((tonumber(ARGV[6]) - now) * 1000)))
redis.call('ZADD', KEYS[3], ARGV[6], ARGV[2])
redis.call('PEXPIRE', KEYS[3], math.ceil(tonumber(ARGV[7]) * 1000))
return 'ok'
"""

# ARGV: now, code, statement, answer, max_per_second, idle, lifetime, votes_per_pupil (contract.most_votes)
_VOTE = (
    _OPEN_POLL
    + """
local statement = tonumber(ARGV[3])
if fields.waiting == '1' or tonumber(fields.statement) ~= statement then return {'closed'} end
if bit.band(tonumber(fields.shown), bit.lshift(1, statement)) ~= 0 then return {'shown'} end
local second = math.floor(now)
local in_second = 0
if tonumber(fields.window_second) == second then in_second = tonumber(fields.window_votes) end
if in_second >= tonumber(ARGV[5]) then return {'second'} end
local counts = redis.call('HGETALL', KEYS[2])
local votes, prefix = 0, statement .. ':'
for i = 1, #counts, 2 do
  if string.sub(counts[i], 1, #prefix) == prefix then votes = votes + tonumber(counts[i + 1]) end
end
if votes >= tonumber(ARGV[8]) * tonumber(fields.class_size) then return {'statement'} end
redis.call('HINCRBY', KEYS[2], prefix .. ARGV[4], 1)
redis.call('HSET', KEYS[1], 'window_second', second, 'window_votes', in_second + 1)
redis.call('HINCRBY', KEYS[1], 'version', 1)
keep_alive(tonumber(ARGV[6]), tonumber(ARGV[7]))
return {'ok'}
"""
)

# ARGV: now, code, secret_hash, action, statement, idle, lifetime
_CONTROL = (
    _OPEN_POLL
    + """
if fields.secret_hash ~= ARGV[3] then return {'secret'} end
local action = ARGV[4]
if action == 'end' then
  redis.call('DEL', KEYS[1], KEYS[2])
  redis.call('ZREM', KEYS[3], ARGV[2])
  return {'ok'}
end
local open = tonumber(fields.statement)
local bit_of_open = bit.lshift(1, open)
if action == 'reveal' then
  redis.call('HSET', KEYS[1], 'shown', bit.bor(tonumber(fields.shown), bit_of_open))
  redis.call('HINCRBY', KEYS[1], 'version', 1)
elseif action == 'reset' then
  redis.call('HSET', KEYS[1], 'shown', bit.band(tonumber(fields.shown), bit.bnot(bit_of_open)))
  redis.call('HINCRBY', KEYS[1], 'resets', 1)
  redis.call('HINCRBY', KEYS[1], 'version', 1)
  local counts, prefix = redis.call('HKEYS', KEYS[2]), open .. ':'
  for _, field in ipairs(counts) do
    if string.sub(field, 1, #prefix) == prefix then redis.call('HDEL', KEYS[2], field) end
  end
elseif action == 'go_to' then
  local statement = tonumber(ARGV[5])
  if statement < 0 or statement >= tonumber(fields.statements) then return {'closed'} end
  if statement ~= open then redis.call('HSET', KEYS[1], 'window_votes', 0) end
  if statement ~= open or fields.waiting == '1' then
    redis.call('HSET', KEYS[1], 'statement', statement, 'waiting', 0)
    redis.call('HINCRBY', KEYS[1], 'version', 1)
  end
elseif action == 'reopen' and fields.waiting == '1' then
  redis.call('HSET', KEYS[1], 'waiting', 0)
  redis.call('HINCRBY', KEYS[1], 'version', 1)
elseif action == 'wait' and fields.waiting ~= '1' then
  redis.call('HSET', KEYS[1], 'waiting', 1)
  redis.call('HINCRBY', KEYS[1], 'version', 1)
end
keep_alive(tonumber(ARGV[6]), tonumber(ARGV[7]))
return {'ok'}
"""
)

# KEYS: index; ARGV: now, key prefix. Deletes what the time to live would delete soon anyway.
_PURGE = """
local codes = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, code in ipairs(codes) do
  local poll = ARGV[2] .. 'poll:' .. code
  redis.call('DEL', poll, poll .. ':counts')
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return #codes
"""

_ERRORS = {
    "gone": PollGone,
    "closed": StatementClosed,
    "shown": ResultsShown,
    "secret": WrongSecret,
}


class RedisPollStore(PollStore):
    def __init__(
        self,
        client,  # redis.Redis with decode_responses=True (checkje.core.shared_store.redis_client)
        *,
        prefix="checkje:",
        clock=time.time,
        lifetime=LIFETIME_SECONDS,
        idle=IDLE_SECONDS,
        max_votes_per_second=MAX_VOTES_PER_SECOND,
        max_open_polls=MAX_OPEN_POLLS,
    ):
        self.redis = client
        self.prefix = prefix
        self.clock = clock
        self.lifetime = lifetime
        self.idle = idle
        self.max_votes_per_second = max_votes_per_second
        self.max_open_polls = max_open_polls
        # register_script sends the script again by itself if a restarted Redis has forgotten it.
        self._create = client.register_script(_CREATE)
        self._vote = client.register_script(_VOTE)
        self._control = client.register_script(_CONTROL)
        self._purge = client.register_script(_PURGE)

    def _keys(self, code):
        poll = f"{self.prefix}poll:{code}"
        return [poll, f"{poll}:counts", f"{self.prefix}polls"]

    def _run(self, script, code, *args):
        try:
            answer = script(keys=self._keys(code), args=[repr(self.clock()), code, *args])
        except DOWN as down:
            raise StoreDown from down
        return answer[0] if isinstance(answer, list) else answer

    def _control_poll(self, code, secret, action, statement=0):
        if not isinstance(secret, str):
            raise WrongSecret(code)
        answer = self._run(self._control, code, hash_secret(secret), action, statement, self.idle, self.lifetime)
        if answer != "ok":
            raise _ERRORS[answer](code)

    def create(self, statements, class_size=DEFAULT_CLASS_SIZE):
        check_new_poll(statements, class_size)
        secret = secrets.token_urlsafe(32)
        while True:
            now = self.clock()
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            expires = min(now + self.lifetime, now + self.idle)
            answer = self._run(
                self._create,
                code,
                hash_secret(secret),
                statements,
                class_size,
                repr(expires),
                self.lifetime,
                self.max_open_polls,
            )
            if answer == "polls":
                raise TooMany("polls")
            if answer == "ok":
                return self.get(code), secret

    def get(self, code):
        poll_key, counts_key, _ = self._keys(code)
        try:
            with self.redis.pipeline(transaction=True) as both:
                poll, counts = both.hgetall(poll_key).hgetall(counts_key).execute()
        except DOWN as down:
            raise StoreDown from down
        if not poll or float(poll["expires"]) <= self.clock():
            raise PollGone(code)
        by_statement = {}
        for field, count in counts.items():
            statement, answer = field.split(":", 1)
            by_statement.setdefault(int(statement), {})[answer] = int(count)
        shown = int(poll["shown"])
        return Poll(
            code=code,
            statement=int(poll["statement"]),
            waiting=poll.get("waiting") == "1",
            statements=int(poll["statements"]),
            class_size=int(poll["class_size"]),
            shown=frozenset(statement for statement in range(shown.bit_length()) if shown >> statement & 1),
            resets=int(poll["resets"]),
            version=int(poll["version"]),
            expires=float(poll["expires"]),
            counts=by_statement,
        )

    def vote(self, code, statement, answer):
        check_answer(answer)
        result = self._run(
            self._vote,
            code,
            int(statement),
            answer,
            self.max_votes_per_second,
            self.idle,
            self.lifetime,
            VOTES_PER_PUPIL_AT_MOST,
        )
        if result in ("second", "statement"):
            raise TooMany(result)
        if result != "ok":
            raise _ERRORS[result](code)

    def refresh(self, code, secret):
        self._control_poll(code, secret, "refresh")

    def reveal(self, code, secret):
        self._control_poll(code, secret, "reveal")

    def reset(self, code, secret):
        self._control_poll(code, secret, "reset")

    def go_to(self, code, secret, statement):
        self._control_poll(code, secret, "go_to", int(statement))

    def reopen(self, code, secret):
        self._control_poll(code, secret, "reopen")

    def wait(self, code, secret):
        self._control_poll(code, secret, "wait")

    def end(self, code, secret):
        self._control_poll(code, secret, "end")

    def purge_expired(self):
        try:
            return self._purge(keys=[f"{self.prefix}polls"], args=[repr(self.clock()), self.prefix])
        except DOWN as down:
            raise StoreDown from down

"""What the bot must remember between requests (replayed requests, Slack's event retries, Share
clicks, each reporter's recent commands), behind one small interface with two implementations:

- `LocalMemory`: this process's memory, for one instance and for local use (REDIS_URL unset);
- `RedisMemory`: Redis, so any number of instances behave as one (expiring keys: SET NX EX, and a
  sorted set per reporter for the rate limit, updated atomically in a Lua script).

Why a fallback inside RedisMemory rather than failing: Redis going away must not stop reporters
getting answers. While it is unreachable each instance uses its own memory (a retry or a replay
landing on another instance may then be answered), one warning is logged, and /healthz says so;
a background ping notices when it is back.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict, deque
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("offences.memory")

MAX_REMEMBERED = 100_000   # keys one process keeps at most (oldest dropped first)
REDIS_TIMEOUT = 0.5        # seconds for a Redis command: a slow Redis must not hold a Slack reply
PING_INTERVAL = 2.0        # seconds between pings that notice Redis leaving or coming back
PREFIX = "offences:"


class Memory:
    """The interface: `seen_once` for things done once, `take` for the rate limit."""

    def seen_once(self, key: str, ttl: float) -> bool:
        """True the first time key is seen within ttl seconds (and remember it); False after that."""
        raise NotImplementedError

    def forget(self, key: str) -> None:
        """Forget key (a Share that failed may be clicked again)."""
        raise NotImplementedError

    def take(self, key: str, limit: int, window: float) -> tuple[bool, int, float]:
        """Count one use of key if fewer than limit were counted in the last window seconds.
        Returns (allowed, uses in the window, seconds until the oldest use leaves the window)."""
        raise NotImplementedError

    def health(self) -> str | None:
        """None when all is well, else one line for /healthz."""
        return None

    def close(self) -> None:
        pass


class LocalMemory(Memory):
    """This process's memory: bounded, thread-safe, expiring."""

    def __init__(self, max_items: int = MAX_REMEMBERED):
        self.max_items = max_items
        self._keys: OrderedDict[str, float] = OrderedDict()  # key -> expiry, in insertion order
        self._uses: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        keys = self._keys
        while keys and (len(keys) >= self.max_items or next(iter(keys.values())) <= now):
            keys.popitem(last=False)

    def seen_once(self, key: str, ttl: float) -> bool:
        now = time.monotonic()
        with self._lock:
            expiry = self._keys.get(key)
            if expiry is not None and expiry > now:
                return False
            self._expire(now)
            self._keys.pop(key, None)
            self._keys[key] = now + ttl
            return True

    def has(self, key: str) -> bool:
        with self._lock:
            expiry = self._keys.get(key)
            return expiry is not None and expiry > time.monotonic()

    def forget(self, key: str) -> None:
        with self._lock:
            self._keys.pop(key, None)

    def take(self, key: str, limit: int, window: float) -> tuple[bool, int, float]:
        now = time.monotonic()
        with self._lock:
            uses = self._uses.setdefault(key, deque())
            while uses and uses[0] <= now - window:
                uses.popleft()
            if len(self._uses) > self.max_items:  # forget reporters who stopped asking
                for other in [k for k, v in self._uses.items() if not v or v[-1] <= now - window]:
                    del self._uses[other]
                uses = self._uses.setdefault(key, uses)
            if len(uses) < limit:
                uses.append(now)
                return True, len(uses), 0.0
            return False, len(uses), uses[0] + window - now


# KEYS[1] the reporter's sorted set; ARGV: window (s), limit, a unique member. Redis's own clock, so
# instances whose clocks differ still share one window.
TAKE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local window, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('EXPIRE', KEYS[1], math.ceil(window))
  return {1, n + 1, '0'}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, n, tostring(tonumber(oldest[2]) + window - now)}
"""


def where(url: str) -> str:
    """host:port of a Redis URL, never its password (for messages and /healthz)."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


class RedisUnavailable(Exception):
    """REDIS_URL is malformed or Redis does not answer; the message is one line saying what to do."""


def client_for(url: str):
    """A redis-py client for url (no connection yet); RedisUnavailable when url is not a Redis URL."""
    import redis

    try:
        return redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
    except ValueError as err:
        raise RedisUnavailable(f"REDIS_URL is not a Redis URL ({err}): use redis://HOST:PORT/0 "
                               "(or rediss:// for TLS), or unset it to run one instance on its own memory") from None


def connect(url: str):
    """A redis-py client for url, checked with PING (at start: unreachable is one line, exit 2)."""
    import redis

    client = client_for(url)
    try:
        client.ping()
    except redis.RedisError as err:
        client.close()
        raise RedisUnavailable(f"cannot reach Redis at {where(url)} (REDIS_URL): {_reason(err)}. Start Redis or "
                               "fix REDIS_URL, or unset it to run one instance on its own memory") from None
    return client


def _reason(err: Exception) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return text.rstrip(".")


class RedisMemory(Memory):
    """Memory shared by every instance through Redis, falling back to this process's memory while
    Redis is unreachable (one warning per outage; /healthz reports it)."""

    def __init__(self, url: str, client=None, ping_interval: float = PING_INTERVAL):
        import redis

        self.url, self.errors = url, redis.RedisError
        self.client = client or client_for(url)
        self.local = LocalMemory()
        self._take = self.client.register_script(TAKE_SCRIPT)
        self._down_since: float | None = None
        self._state = threading.Lock()
        try:  # gone since the start-up check: start on this process's memory, and say so
            self.client.ping()
        except self.errors as err:
            self._lost(err)
        self._stop = threading.Event()
        self._pinger = threading.Thread(target=self._ping_loop, args=(ping_interval,), daemon=True,
                                        name="offences-redis-ping")
        self._pinger.start()

    # -- the interface ------------------------------------------------------------------------------
    def seen_once(self, key: str, ttl: float) -> bool:
        if not self._down_since:
            try:
                first = bool(self.client.set(PREFIX + key, b"1", nx=True, ex=max(1, int(ttl + 0.999))))
                # a key remembered here while Redis was away is still remembered
                return first and not self.local.has(key)
            except self.errors as err:
                self._lost(err)
        return self.local.seen_once(key, ttl)

    def forget(self, key: str) -> None:
        self.local.forget(key)
        if not self._down_since:
            try:
                self.client.delete(PREFIX + key)
            except self.errors as err:
                self._lost(err)

    def take(self, key: str, limit: int, window: float) -> tuple[bool, int, float]:
        if not self._down_since:
            try:
                allowed, count, wait = self._take(keys=[PREFIX + key], args=[window, limit, uuid.uuid4().hex])
                return bool(allowed), int(count), float(wait)
            except self.errors as err:
                self._lost(err)
        return self.local.take(key, limit, window)

    def health(self) -> str | None:
        since = self._down_since
        if since is None:
            return None
        stamp = time.strftime("%H:%M:%S UTC", time.gmtime(since))
        return (f"degraded: Redis at {where(self.url)} unreachable since {stamp}; answering on this instance's "
                "own memory (replays, retries, shares and rate limits are not shared until it is back)")

    def close(self) -> None:
        self._stop.set()
        try:
            self.client.close()
        except Exception:  # closing a dead connection: nothing to tell anyone
            pass

    # -- outages ------------------------------------------------------------------------------------
    def _lost(self, err: Exception) -> None:
        with self._state:
            if self._down_since is not None:
                return
            self._down_since = time.time()
        log.warning("Redis at %s is unreachable (%s): answering on this instance's own memory until it is back",
                    where(self.url), _reason(err))

    def _ping_loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.client.ping()
            except self.errors as err:
                self._lost(err)
                continue
            except Exception:  # never let the pinger die
                continue
            if self._down_since is not None:
                with self._state:
                    self._down_since = None
                log.warning("Redis at %s is back: shared memory again", where(self.url))


def from_url(url: str | None) -> Memory:
    """RedisMemory for a REDIS_URL, else this process's memory."""
    return RedisMemory(url) if url else LocalMemory()


def describe(memory: Any) -> str:
    return f"Redis at {where(memory.url)}" if isinstance(memory, RedisMemory) else "this process's memory"

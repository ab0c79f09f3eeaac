"""How many login attempts are let through: a sliding window per client address and per
account, kept in this process (one server process serves the app).

Answered before any password is checked, so a burst costs no argon2 work and no memory
beyond these timestamps. Only admitted attempts are counted: a client hammering past the
limit does not push back the moment it may try again, and refused requests cannot be
used to keep an account's window full for longer than one window.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable

# Forget keys whose attempts are all older than the window once this many are held, so a
# flood of made-up user names cannot grow the table without bound.
_PRUNE_AT = 10_000


class SlidingWindow:
    """At most ``limit`` events per key within ``window_seconds``."""

    def __init__(self, limit: int, window_seconds: float):
        self.limit = limit
        self.window = window_seconds
        self._events: dict[str, deque[float]] = {}

    def wait(self, key: str, now: float) -> float | None:
        """Seconds until ``key`` may try again, or None when it may now."""
        events = self._events.get(key)
        if not events:
            return None
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) < self.limit:
            return None
        return events[0] + self.window - now

    def add(self, key: str, now: float) -> None:
        self._events.setdefault(key, deque()).append(now)
        if len(self._events) > _PRUNE_AT:
            self._events = {k: v for k, v in self._events.items() if v and v[-1] > now - self.window}


class LoginRateLimit:
    """Login attempts per client address and per account name, per window (default a minute)."""

    def __init__(self, per_address: int, per_account: int, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self._address = SlidingWindow(per_address, window_seconds)
        self._account = SlidingWindow(per_account, window_seconds)
        self._clock = clock
        self._guard = threading.Lock()

    def check(self, address: str, username: str) -> float | None:
        """None: the attempt may go ahead (and is counted). Otherwise the seconds to wait;
        nothing is counted."""
        account = (username or "").strip().lower()[:64]
        with self._guard:
            now = self._clock()
            waits = [w for w in (self._address.wait(address, now), self._account.wait(account, now)) if w is not None]
            if waits:
                return max(max(waits), 1.0)
            self._address.add(address, now)
            self._account.add(account, now)
            return None

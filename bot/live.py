"""The data a running bot answers from, swapped for new data on a request only when the new data is valid.

Why on a request and not a file watcher: a request is when stale data would matter, and checking costs
a few os.stat calls (size, mtime, inode of each file, microseconds). Only when those change are the
files hashed; only when the hash changes is the data loaded and validated, on one thread while the
others go on answering from the old data. A bad update is logged once and the old data kept, so a
half-edited file can never take the bot down or make it answer from wrong figures.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from .store import DataError, content_hash, default_data_dir, shown, signature

log = logging.getLogger("offences.data")


@dataclass
class _Loaded:
    value: Any  # what build() made from the store (the Answerer)
    folder: Path
    signature: tuple
    hash: str
    loaded_at: datetime


class Live:
    """One loaded data set per process, refreshed when its folder's files change."""

    def __init__(self, build: Callable[[Path], Any], on_swap: Callable[[], None] = lambda: None):
        self._build = build  # folder -> value with a .store (raises DataError on bad data)
        self._on_swap = on_swap
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._refused: tuple | None = None  # the signature last refused (logged once, not retried)
        self.refusal: str | None = None  # why the newest files are not being served

    def get(self) -> Any:
        """The current value; the first load in a process raises DataError, later bad data is only logged."""
        folder = default_data_dir()
        loaded = self._loaded
        if loaded is not None and loaded.folder == folder:
            now = signature(folder)
            if now == loaded.signature or now == self._refused:
                return loaded.value
            if not self._lock.acquire(blocking=False):
                return loaded.value  # another thread is loading the new data; answer from the old meanwhile
            try:
                return self._refresh(loaded, now)
            finally:
                self._lock.release()
        with self._lock:
            loaded = self._loaded
            if loaded is None or loaded.folder != folder:
                self._swap(self._load(folder))
            return self._loaded.value

    def version(self, refresh: bool = True) -> dict | None:
        """The data's hash and when it was loaded (refreshing first, unless asked not to: /healthz answers
        from the event loop and must not load data there); None before anything was loaded."""
        if refresh:
            self.get()
        loaded = self._loaded
        if loaded is None:
            return None
        return {"hash": loaded.hash, "loaded_at": loaded.loaded_at.isoformat(timespec="seconds"),
                "data_dir": str(loaded.folder), "refused": self.refusal}

    def _refresh(self, loaded: _Loaded, now: tuple) -> Any:
        if content_hash(loaded.folder) == loaded.hash:  # touched or rewritten with the same bytes
            loaded.signature = now
            return loaded.value
        try:
            fresh = self._load(loaded.folder)
        except DataError as err:
            self._refused = now
            self.refusal = str(err)
            log.warning("data in %s changed but is not valid, still answering from the data loaded at %s "
                        "(hash %s): %s", shown(loaded.folder), loaded.loaded_at.isoformat(timespec="seconds"),
                        loaded.hash[:12], err)
            return loaded.value
        log.info("data reloaded from %s (hash %s)", shown(loaded.folder), fresh.hash[:12])
        self._swap(fresh)
        return fresh.value

    def _load(self, folder: Path) -> _Loaded:
        value = self._build(folder)
        store = value.store
        return _Loaded(value, folder, store.signature, store.hash, store.loaded_at)

    def _swap(self, fresh: _Loaded) -> None:
        self._loaded = fresh
        self._refused = None
        self.refusal = None
        self._on_swap()

"""The completeness gate: decides when a file an official is dropping into the inbox is finished.

A file is complete when (1) no event arrived for it for ``rust_seconden``, (2) its size and modification
time did not change since the last look, and (3) it opens for reading. (3) matters on Windows, where a
file being copied (Explorer, robocopy, a scanner) is held without read sharing until the copy ends.

The gate only tracks and decides; it never moves or reads files. It is fed from watchdog threads and
polled by the watcher's worker, so every method takes the lock. Times are ``time.monotonic()`` seconds.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

# An empty file is often the first step of a copy (the writer creates, then stalls on a slow share),
# so it must stay empty for this many quiet periods before it counts as complete.
EMPTY_FILE_FACTOR = 3.0
# A file that is quiet but cannot be opened (held by the copying program) is tried again this often.
OPEN_RETRY_SECONDS = 0.5


def can_open(path: Path) -> bool:
    """True when the file opens for reading now (False while a copy holds it exclusively on Windows)."""
    try:
        with open(path, "rb") as fh:
            fh.read(1)
        return True
    except OSError:
        return False


def signature(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns) of a regular file, or None when it is gone or not a regular file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns)


@dataclass
class _Entry:
    first_seen: float
    last_change: float  # last event, or the last time a look found a different size/mtime
    sig: tuple[int, int] | None
    reported: bool = False
    look_again: float = 0.0  # after a failed open: not before this (no busy looping on a held file)


@dataclass
class GateResult:
    ready: list[Path] = field(default_factory=list)  # complete: hand to the pipeline
    gone: list[Path] = field(default_factory=list)  # vanished (moved away, deleted) before completing
    overdue: list[tuple[Path, float, str]] = field(default_factory=list)  # (path, seconds waiting, why) - report once


class StabilityGate:
    def __init__(
        self,
        quiet_seconds: float,
        report_after_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        opener: Callable[[Path], bool] = can_open,
    ) -> None:
        self.quiet = max(0.0, quiet_seconds)
        self.report_after = max(0.0, report_after_seconds)
        self._clock = clock
        self._opener = opener
        self._entries: dict[Path, _Entry] = {}
        self._lock = threading.Lock()

    # --- feeding ----------------------------------------------------------------------------------

    def touch(self, path: Path, at: float | None = None) -> None:
        """An event for `path` (created, modified, moved in, seen by a scan): restart its quiet period."""
        now = self._clock() if at is None else at
        sig = signature(path)
        with self._lock:
            entry = self._entries.get(path)
            if entry is None:
                self._entries[path] = _Entry(first_seen=now, last_change=now, sig=sig)
            else:
                # Events are stamped when they happened; one handled late must not move the clock back.
                entry.last_change = max(entry.last_change, now)
                entry.sig = sig

    def add(self, path: Path, at: float | None = None) -> bool:
        """Track `path` if it is not tracked yet (a scan found it); an existing quiet period is kept."""
        with self._lock:
            if path in self._entries:
                return False
        self.touch(path, at)
        return True

    def forget(self, path: Path) -> None:
        with self._lock:
            self._entries.pop(path, None)

    def forget_below(self, folder: Path) -> list[Path]:
        """Drop every tracked file inside `folder` (it was deleted or moved away)."""
        with self._lock:
            gone = [p for p in self._entries if p == folder or p.is_relative_to(folder)]
            for p in gone:
                del self._entries[p]
        return gone

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    # --- asking -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, path: object) -> bool:
        with self._lock:
            return path in self._entries

    def pending(self) -> list[Path]:
        with self._lock:
            return list(self._entries)

    def recently_changed(self, within: float) -> int:
        """How many tracked files changed in the last `within` seconds (files still arriving)."""
        now = self._clock()
        with self._lock:
            return sum(1 for e in self._entries.values() if now - e.last_change < within)

    def seconds_until_due(self) -> float | None:
        """How long until the next file could be complete (0 when one is due now); None when nothing is tracked."""
        now = self._clock()
        with self._lock:
            if not self._entries:
                return None
            return max(0.0, min(self._due_at(e) - now for e in self._entries.values()))

    def check(self, paths: Iterable[Path] | None = None) -> GateResult:
        """Look at every tracked file whose quiet period has passed; return those now complete.

        A complete file leaves the gate (the caller takes it). A file that changed starts a new quiet period.
        A file still incomplete after `report_after_seconds` is returned once in `overdue` and stays tracked.
        """
        now = self._clock()
        result = GateResult()
        ready: list[tuple[float, int, str, Path]] = []
        with self._lock:
            candidates = list(self._entries.items()) if paths is None else [
                (p, self._entries[p]) for p in paths if p in self._entries
            ]
        for path, entry in candidates:
            due = now >= self._due_at(entry)
            why = "wordt nog geschreven"
            if due:
                sig = signature(path)
                if sig is None:
                    with self._lock:
                        if self._entries.get(path) is entry:
                            del self._entries[path]
                    result.gone.append(path)
                    continue
                if sig != entry.sig:
                    with self._lock:
                        entry.sig = sig
                        entry.last_change = max(entry.last_change, now)
                    # Size or mtime changed without an event (a share that reports late): quiet period again.
                elif self._opener(path):
                    with self._lock:
                        if self._entries.get(path) is entry:
                            del self._entries[path]
                    ready.append((entry.first_seen, sig[1], str(path), path))
                    continue
                else:
                    entry.look_again = now + max(self.quiet, OPEN_RETRY_SECONDS)
                    why = "is nog in gebruik door een ander programma (kan niet geopend worden)"
            if not entry.reported and now - entry.first_seen >= self.report_after:
                entry.reported = True
                result.overdue.append((path, now - entry.first_seen, why))
        # Oldest first, like the backlog: what arrived first is recorded first.
        result.ready = [item[-1] for item in sorted(ready)]
        return result

    def _due_at(self, entry: _Entry) -> float:
        return max(entry.last_change + self._quiet_for(entry), entry.look_again)

    def _quiet_for(self, entry: _Entry) -> float:
        if entry.sig is not None and entry.sig[0] == 0:
            return self.quiet * EMPTY_FILE_FACTOR
        return self.quiet

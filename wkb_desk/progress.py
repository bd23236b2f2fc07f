"""Progress for long work: a live line at a terminal, log lines when unattended."""

from __future__ import annotations

import logging
import sys
import time

log = logging.getLogger("wkb_desk")


class Progress:
    """`total` may grow while the work runs (files that arrive during a sweep)."""

    def __init__(self, total: int, label: str, stream=None) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.count = 0
        self.started = time.monotonic()
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, name: str, result: str, level: int = logging.INFO) -> None:
        self.count += 1
        line = f"[{self.count}/{self.total}] {name}: {result}"
        if self.live:
            eta = (time.monotonic() - self.started) / self.count * (self.total - self.count)
            self.stream.write(f"\r\x1b[K{self.label} {self.count}/{self.total} (nog ~{eta:.0f} s) {name[:50]}")
            self.stream.flush()
            # The file log keeps every line; the terminal shows only what needs attention.
            if level >= logging.WARNING:
                self.stream.write("\r\x1b[K")
                log.log(level, line)
            else:
                _file_only(level, line)
        else:
            log.log(level, line)

    def wait(self, text: str) -> None:
        """A live status line while nothing is processed (at a terminal only; the caller logs once)."""
        if self.live:
            self.stream.write(f"\r\x1b[K{self.label} {self.count}/{self.total}: {text}")
            self.stream.flush()

    def done(self) -> None:
        if self.live and self.total:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _file_only(level: int, line: str) -> None:
    for handler in logging.getLogger("wkb_desk").handlers:
        if isinstance(handler, logging.FileHandler) and level >= handler.level:
            handler.handle(log.makeRecord(log.name, level, __file__, 0, line, (), None))

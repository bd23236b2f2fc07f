"""Only one wkb-desk process writes at a time: a lock file beside the database.

The lock itself is filelock's (works on local disks and SMB shares); a small info file beside it
says who holds it, so the second process can tell the user which one.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from wkb_desk.errors import LockHeldError
from wkb_desk.ledger import now_iso


class ProcessLock:
    def __init__(self, database: Path, command: str) -> None:
        self.path = database.with_name(database.name + ".lock")
        self.info_path = database.with_name(database.name + ".lock.info")
        self.command = command
        self._lock = FileLock(str(self.path))

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise LockHeldError(
                f"Een ander wkb-desk-proces is al bezig ({self.holder()}).",
                "Wacht tot dat klaar is, of stop het andere proces (bijvoorbeeld de draaiende 'watch').",
            ) from None
        self.info_path.write_text(
            json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "opdracht": self.command, "sinds": now_iso()}),
            encoding="utf-8",
        )

    def holder(self) -> str:
        try:
            info = json.loads(self.info_path.read_text(encoding="utf-8"))
            return f"'{info['opdracht']}' met proces-id {info['pid']} op {info['host']}, sinds {info['sinds']}"
        except (OSError, ValueError, KeyError):
            return "onbekend welk proces"

    def release(self) -> None:
        if self._lock.is_locked:
            self.info_path.unlink(missing_ok=True)
            self._lock.release()

    def __enter__(self) -> "ProcessLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

"""Atomic save with backups: the register on disk is always a complete old or a complete new version.

A new version is written to a temporary file in the register's own folder (same file system, so `os.replace`
is atomic, also on SMB shares), flushed to disk, then swapped in. The previous version is copied to the
folder `back-ups` beside the register first; the newest `settings.register.backups` copies are kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger("wkb_desk.register")
BACKUP_DIR = "back-ups"


def temp_path(path: Path) -> Path:
    # Leading dot and no "~$": never mistaken for the register itself or for Office's owner file.
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def clean_stale_temps(path: Path) -> None:
    """Remove temporary files of a save that was killed. Callers hold the single-writer lock."""
    for p in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            p.unlink()
        except OSError:
            pass


def backup_dir(path: Path) -> Path:
    return path.parent / BACKUP_DIR


def atomic_write(path: Path, write: Callable[[BinaryIO], None], *, keep: int,
                 before_replace: Callable[[], None] | None = None) -> Path | None:
    """Write via `write(fileobj)` into a temp file, back up the current file, then replace it.

    `before_replace` runs just before the swap (the last busy check). Returns the backup made, if any.
    """
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if before_replace:
            before_replace()
        made = _backup(path, keep) if path.exists() and keep > 0 else None
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return made


def _backup(path: Path, keep: int) -> Path:
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    try:
        # os.replace gives the register name a new file; the old one lives on under the back-up name.
        os.link(path, target)
    except OSError:  # file systems without hard links (some SMB shares)
        shutil.copy2(path, target)
    backups = sorted(folder.glob(f"{path.stem}-[0-9]*{path.suffix}"))
    for old in backups[: max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("Oude back-up %s kon niet weg: %s", old.name, exc)
    return target


def keep_damaged(path: Path) -> Path:
    """Move an unreadable register aside (it is a person's file: never delete it)."""
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-onleesbaar-{stamp}{path.suffix}"
    shutil.copy2(path, target)
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

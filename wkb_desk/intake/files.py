"""File-system helpers of the intake: the junk filter, safe names, durable copies."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

# Files that are never documents: Office/LibreOffice lock files, Windows/macOS litter, partial downloads.
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_JUNK_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".download")
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_MAX_NAME = 150


def is_junk(path: Path) -> bool:
    name = path.name
    lower = name.lower()
    return (
        lower in _JUNK_NAMES
        or name.startswith("~$")
        or (name.startswith(".~lock.") and name.endswith("#"))
        or name.startswith(".")
        or lower.endswith(_JUNK_SUFFIXES)
        or _is_hidden(path)
    )


def _is_hidden(path: Path) -> bool:
    if os.name != "nt":
        return False
    try:
        import stat

        return bool(os.stat(path).st_file_attributes & stat.FILE_ATTRIBUTE_HIDDEN)  # type: ignore[attr-defined]
    except (OSError, AttributeError):
        return False


def tool_folders_in_inbox(paden) -> list[Path]:
    """The tool's own folders (archief, fouten, ...) that lie inside the inbox: never walked, never taken.

    `paden` is config.Paths. Absolute paths, not resolved: the inbox may be a share where resolving blocks.
    """
    inbox = Path(os.path.abspath(paden.inbox))
    folders = (paden.archief, paden.fouten, paden.outbox, paden.logboek, paden.sjablonen, paden.referentie,
               paden.register.parent, paden.database.parent)
    out = []
    for folder in folders:
        f = Path(os.path.abspath(folder))
        if f != inbox and f.is_relative_to(inbox):
            out.append(f)
    return out


def safe_name(name: str) -> str:
    """A file name that is valid on Windows and Linux and cannot climb out of its folder."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _FORBIDDEN.sub("_", name).strip().rstrip(". ")
    if not name or name in (".", ".."):
        name = "bestand"
    if _RESERVED.match(name):
        name = "_" + name
    if len(name) > _MAX_NAME:
        stem, dot, suffix = name.rpartition(".")
        if dot and len(suffix) <= 10:
            name = stem[: _MAX_NAME - len(suffix) - 1] + "." + suffix
        else:
            name = name[:_MAX_NAME]
    return name


def unique_path(folder: Path, name: str, taken: set[Path] | None = None) -> Path:
    """folder/name, or folder/name (2), (3)... so nothing is ever overwritten."""
    name = safe_name(name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate = folder / name
    n = 2
    while candidate.exists() or (taken is not None and candidate in taken):
        candidate = folder / (f"{stem} ({n}).{suffix}" if suffix else f"{stem} ({n})")
        n += 1
    return candidate


def write_new(target: Path, data: bytes | None = None, copy_from: Path | None = None) -> None:
    """Create `target` (never overwriting) with the bytes or a copy of a file, flushed to disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as out:
        if copy_from is not None:
            with open(copy_from, "rb") as src:
                shutil.copyfileobj(src, out, 1024 * 1024)
        else:
            out.write(data or b"")
        out.flush()
        os.fsync(out.fileno())
    try:
        shutil.copystat(copy_from, target) if copy_from is not None else None
    except OSError:
        pass  # timestamps are a courtesy; the bytes are what matters


def relative_to(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())

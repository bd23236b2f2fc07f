"""Is somebody working in the register? Office's owner file, LibreOffice's lock file, or a file we cannot open.

Office writes `~$<name>` beside an open workbook (hidden on Windows). Its layout (162 bytes, undocumented but
stable since Office 97): byte 0 holds the length of the user name, bytes 1..53 the name in the ANSI code page
padded with spaces, bytes 54..55 the length again as a little-endian 16-bit number, then the name in UTF-16-LE
(padded). We prefer the UTF-16 copy (it survives names like "Jeroen Brouwer-Çelik") and fall back to ANSI.
LibreOffice writes `.~lock.<name>#`: a CSV line starting with the user name.
"""

from __future__ import annotations

from pathlib import Path

from wkb_desk.errors import RegisterBusyError

UNKNOWN_USER = "onbekend"


class RegisterBusy(RegisterBusyError):
    """The register is open elsewhere; nothing was written. The ledger keeps every change for the next try."""

    def __init__(self, path: Path, user: str | None) -> None:
        self.path = path
        self.user = user or UNKNOWN_USER
        super().__init__(
            f"Het register {path.name} is in gebruik door {self.user}.",
            "Er is niets verloren: de wijzigingen staan in het grootboek en komen in het register zodra het "
            "bestand gesloten is (de watcher probeert het opnieuw; anders later nog eens ingest of rebuild).",
        )


def owner_files(path: Path) -> list[Path]:
    """Lock files that mean 'open elsewhere', matched without regard to case (Windows shares)."""
    wanted = {f"~${path.name}".casefold(), f".~lock.{path.name}#".casefold()}
    try:
        return [p for p in path.parent.iterdir() if p.name.casefold() in wanted]
    except OSError:
        return []


def owner_name(data: bytes, *, libreoffice: bool = False) -> str | None:
    """The user name from an Office owner file (or a LibreOffice lock file's first field)."""
    if not data:
        return None
    if libreoffice:
        first = data.split(b",", 1)[0].decode("utf-8", "replace").strip()  # "Name,host,user,date,profile;"
        return first or None
    if len(data) >= 58:
        n = int.from_bytes(data[54:56], "little")
        if 0 < n <= 54 and 56 + 2 * n <= len(data):
            name = data[56 : 56 + 2 * n].decode("utf-16-le", "replace").strip()
            if name and name.isprintable():
                return name
    n = data[0]
    if 0 < n <= 53 and len(data) > n:
        name = data[1 : 1 + n].decode("cp1252", "replace").strip()
        if name and name.isprintable():
            return name
    return None


def busy_user(path: Path) -> str | None:
    """None when the register is free; otherwise who has it (UNKNOWN_USER when we cannot tell)."""
    for lock_file in owner_files(path):
        try:
            data = lock_file.read_bytes()
            return owner_name(data, libreoffice=lock_file.name.startswith(".~lock.")) or UNKNOWN_USER
        except OSError:
            return UNKNOWN_USER  # Excel holds its owner file open exclusively on some shares
    if path.exists():
        try:
            # Excel on Windows holds the workbook with a sharing lock: opening it for writing fails.
            with open(path, "r+b"):
                pass
        except PermissionError:
            return UNKNOWN_USER
        except OSError:
            return UNKNOWN_USER
    return None


def check_free(path: Path) -> None:
    user = busy_user(path)
    if user is not None:
        raise RegisterBusy(path, user)

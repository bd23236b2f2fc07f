"""A PDF next to each letter, where LibreOffice (`soffice`) is installed. Optional: letters never depend on it.

Each conversion gets its own LibreOffice profile folder (so it works beside a running LibreOffice and in
parallel) and a time limit; a conversion that hangs is stopped with its whole process group.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("wkb_desk.letters")
_said_missing = False


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"):
        if os.path.exists(candidate):
            return candidate
    return None


def to_pdf(docx: Path, *, timeout: float = 60.0) -> Path | None:
    """Write `docx` as PDF beside it. None when LibreOffice is missing or the conversion failed (logged)."""
    global _said_missing
    exe = soffice()
    if exe is None:
        if not _said_missing:
            log.info("LibreOffice (soffice) is niet geïnstalleerd: brieven worden alleen als Word-bestand gemaakt, "
                     "zonder PDF.")
            _said_missing = True
        return None
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="wkb-soffice-") as work:
        profile = Path(work, "profiel")
        out = Path(work, "uit")
        out.mkdir()
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(out), str(docx)]
        kwargs = {"start_new_session": True} if os.name != "nt" else {}
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
        except OSError as exc:
            log.warning("PDF van %s niet gemaakt: LibreOffice start niet (%s).", docx.name, exc)
            return None
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(proc)
            log.warning("PDF van %s niet gemaakt: LibreOffice was na %.0f s niet klaar en is gestopt.", docx.name, timeout)
            return None
        made = out / (docx.stem + ".pdf")
        if proc.returncode != 0 or not made.exists():
            log.warning("PDF van %s niet gemaakt: %s", docx.name, (err or b"").decode(errors="replace").strip()[:200])
            return None
        shutil.move(str(made), str(target))
    return target


def _stop(proc: subprocess.Popen) -> None:
    try:
        if os.name != "nt":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pass

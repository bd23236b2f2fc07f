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
    return to_pdfs([docx], timeout=timeout).get(docx)


def to_pdfs(letters: list[Path], *, timeout: float = 60.0) -> dict[Path, Path]:
    """PDFs beside the letters, in one LibreOffice run (starting it costs seconds; a batch pays that once).

    The time limit is `timeout` for the first letter plus a tenth of it for every further one. Returns the letters
    that got their PDF; a failure is logged and never stops anything (the Word letters exist already).
    """
    global _said_missing
    if not letters:
        return {}
    exe = soffice()
    if exe is None:
        if not _said_missing:
            log.info("LibreOffice (soffice) is niet geïnstalleerd: brieven worden alleen als Word-bestand gemaakt, "
                     "zonder PDF.")
            _said_missing = True
        return {}
    limit = timeout * (1 + 0.1 * (len(letters) - 1))
    done: dict[Path, Path] = {}
    with tempfile.TemporaryDirectory(prefix="wkb-soffice-") as work:
        profile = Path(work, "profiel")
        out = Path(work, "uit")
        out.mkdir()
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(out), *map(str, letters)]
        kwargs = {"start_new_session": True} if os.name != "nt" else {}
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
        except OSError as exc:
            log.warning("PDF's niet gemaakt: LibreOffice start niet (%s).", exc)
            return {}
        try:
            _out, err = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _stop(proc)
            err = b""
            log.warning("LibreOffice was na %.0f s niet klaar en is gestopt; de PDF's die er nog niet waren, "
                        "ontbreken (de Word-brieven staan er wel).", limit)
        for letter in letters:
            made = out / (letter.stem + ".pdf")
            if made.exists():
                target = letter.with_suffix(".pdf")
                shutil.move(str(made), str(target))
                done[letter] = target
        missing = [x.name for x in letters if x not in done]
        if missing and proc.returncode is not None:
            log.warning("Geen PDF voor %s: %s", ", ".join(missing[:5]),
                        (err or b"").decode(errors="replace").strip()[:200] or "LibreOffice gaf geen uitvoer")
    return done


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

"""Which engine reads a page: Tesseract with Dutch when installed, otherwise RapidOCR (always installed).

`ocr.engine` in config.toml: "auto" (the default: the better of the two that is there), "tesseract",
"rapidocr" or "uit". Nothing is downloaded: RapidOCR's models are inside its wheel; Tesseract and its
language data are installed on the machine by an administrator (README, "Tekstherkenning").
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wkb_desk.config import OcrSettings
from wkb_desk.ocr.layout import Piece

log = logging.getLogger("wkb_desk.ocr")

TESSERACT = "tesseract"
RAPIDOCR = "rapidocr"
# Where the Windows installers (UB Mannheim, the official one) put tesseract.exe.
_WINDOWS_FOLDERS = (r"C:\Program Files\Tesseract-OCR", r"C:\Program Files (x86)\Tesseract-OCR")


class EngineUnavailable(Exception):
    """The configured engine cannot run here; the message (Dutch) says why and what to do."""


@dataclass
class Engine:
    name: str  # TESSERACT | RAPIDOCR (shown in the log, the ledger and `extract --json`)
    version: str = ""
    program: str = ""  # tesseract: the executable
    language: str = "nld"
    _model: Any = field(default=None, repr=False)

    def read(self, image, timeout: float, sparse: bool = False) -> list[Piece]:
        """Words/lines with boxes, in image pixels. Raises subprocess.TimeoutExpired past `timeout` (Tesseract).
        `sparse`: Tesseract looks for text of any size anywhere (RapidOCR always does)."""
        if self.name == TESSERACT:
            from wkb_desk.ocr.tesseract import read_tesseract

            return read_tesseract(self.program, self.language, image, timeout, sparse)
        from wkb_desk.ocr.rapid import load_model, read_rapidocr

        if self._model is None:
            self._model = load_model()
        return read_rapidocr(self._model, image)


_cache: dict[tuple, Engine | EngineUnavailable] = {}


def choose_engine(settings: OcrSettings) -> Engine:
    """The engine to use under these settings (cached per process). Raises EngineUnavailable."""
    key = (settings.engine, settings.tesseract, settings.taal)
    if key not in _cache:
        try:
            _cache[key] = _choose(settings)
        except EngineUnavailable as exc:
            _cache[key] = exc
    found = _cache[key]
    if isinstance(found, EngineUnavailable):
        raise found
    return found


def _choose(settings: OcrSettings) -> Engine:
    if settings.engine == "uit":
        raise EngineUnavailable("Tekstherkenning staat uit (ocr.engine = \"uit\" in config.toml).")
    if settings.engine in ("auto", TESSERACT):
        try:
            return tesseract_engine(settings)
        except EngineUnavailable as exc:
            if settings.engine == TESSERACT:
                raise
            log.debug("Tesseract niet bruikbaar, RapidOCR wordt gebruikt: %s", exc)
    return rapidocr_engine()


def find_tesseract(configured: str = "") -> str | None:
    if configured:
        return configured if Path(configured).is_file() or shutil.which(configured) else None
    found = shutil.which("tesseract")
    if found:
        return found
    if sys.platform == "win32":
        for folder in _WINDOWS_FOLDERS:
            exe = Path(folder) / "tesseract.exe"
            if exe.is_file():
                return str(exe)
    return None


def tesseract_engine(settings: OcrSettings) -> Engine:
    program = find_tesseract(settings.tesseract)
    if program is None:
        where = f"op {settings.tesseract}" if settings.tesseract else "op deze computer"
        raise EngineUnavailable(
            f"Tesseract is niet gevonden {where}. Installeer Tesseract met Nederlandse taaldata (zie README, "
            "\"Tekstherkenning\") of zet ocr.engine op \"auto\"."
        )
    try:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        langs = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, env=env)
        version = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineUnavailable(f"Tesseract ({program}) start niet: {exc}.") from exc
    available = {line.strip() for line in (langs.stdout + langs.stderr).splitlines()[1:]}
    if settings.taal not in available:
        raise EngineUnavailable(
            f"Tesseract ({program}) heeft geen taaldata '{settings.taal}' (wel: {', '.join(sorted(available)) or '-'}). "
            "Installeer de Nederlandse taaldata (Debian/Ubuntu: tesseract-ocr-nld; Windows: kies 'Dutch' in het "
            "installatieprogramma)."
        )
    first = (version.stdout or version.stderr).splitlines()[:1]
    return Engine(TESSERACT, version=first[0].split()[-1] if first else "", program=program, language=settings.taal)


def rapidocr_engine() -> Engine:
    try:
        from importlib.metadata import version

        import rapidocr_onnxruntime  # noqa: F401
    except ImportError as exc:
        raise EngineUnavailable(
            "RapidOCR is niet geïnstalleerd. Installeer wkb-desk opnieuw met de opdracht uit de README."
        ) from exc
    return Engine(RAPIDOCR, version=version("rapidocr-onnxruntime"))

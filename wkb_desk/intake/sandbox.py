"""A separate process for reading and extraction, with a time limit per file.

A reader that hangs (a hostile PDF), crashes the interpreter or eats memory is stopped here; the
watcher and the ledger in the parent process carry on. One long-lived worker keeps the cost per file
to one pipe round trip; it is restarted after a time-out or a crash.

With OCR settings the worker also reads scans with text recognition. Then each recognised page has a
time limit of its own (`ocr.seconden_per_pagina`): the worker reports the start and end of every page
over the pipe, and the parent stops the worker when a page takes longer (an engine inside the process
cannot be interrupted otherwise). The rest of the file keeps `limieten.max_seconden`.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import CorruptError, ReaderTimeoutError
from wkb_desk.intake.analysis import Analysis, analyze

log = logging.getLogger(__name__)
_MEMORY_LIMIT = 4 * 1024**3  # address space of the worker (POSIX): a decompression bomb ends as MemoryError
# Beyond a page's own limit: Tesseract is stopped at the limit itself (only that page is lost); this
# grace lets that happen before the parent stops the whole worker (RapidOCR cannot be interrupted).
_PAGE_GRACE = 15.0  # seconds, at most: never more than the page's own limit


def _worker(conn, limits: Limits, reference_dir: str | None, ocr: OcrSettings | None = None) -> None:
    import signal

    from wkb_desk.extract import load_reference
    from wkb_desk.ocr import set_page_listener

    # Ctrl+C at a console reaches the whole process group; the parent decides when the worker stops
    # (through the pipe or kill). Without this, a good document being read would be quarantined as broken.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    if sys.platform != "win32":
        import resource

        try:
            resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_LIMIT, _MEMORY_LIMIT))
        except (ValueError, OSError):
            pass
    reference = load_reference(Path(reference_dir) if reference_dir else None)
    set_page_listener(lambda event, number, summary: conn.send(("ocr", (event, number, summary))))
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if request is None:
            return
        path, name, known_sha = request
        try:
            conn.send(("ok", analyze(Path(path), name, limits, reference, known_sha=known_sha, ocr=ocr)))
        except MemoryError:
            conn.send(("crash", "MemoryError"))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which quarantines the file
            conn.send(("crash", f"{type(exc).__name__}: {exc}"))


class ReaderProcess:
    def __init__(self, limits: Limits, reference_dir: Path | None = None, ocr: OcrSettings | None = None) -> None:
        self.limits = limits
        self.ocr = ocr
        self.reference_dir = str(reference_dir) if reference_dir and reference_dir.is_dir() else None
        self._ctx = mp.get_context("spawn")  # the same on every platform, and safe beside the watcher's threads
        self._proc = None
        self._conn = None

    def __enter__(self) -> "ReaderProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(
            target=_worker, args=(child, self.limits, self.reference_dir, self.ocr), daemon=True,
            name="wkb-desk-ocr" if self.ocr else "wkb-desk-lezer",
        )
        self._proc.start()
        child.close()
        self._conn = parent
        try:
            if not parent.poll(120):
                raise EOFError
            parent.recv()
        except (EOFError, OSError) as exc:
            self._kill()
            raise RuntimeError("Het leesproces start niet; zie de foutmelding hierboven in het log.") from exc

    def analyze(self, path: Path, name: str | None = None, known_sha: tuple[str, int] | None = None) -> Analysis:
        if self._proc is None or not self._proc.is_alive():
            self._start()
        assert self._conn is not None
        self._conn.send((str(path), name or path.name, known_sha))
        timeout = self.limits.max_seconden
        page = None  # the page being recognised, if any
        while True:
            if page is not None and self.ocr:
                limit = self.ocr.seconden_per_pagina + min(_PAGE_GRACE, self.ocr.seconden_per_pagina)
            else:
                limit = timeout
            try:
                ready = self._conn.poll(limit)
            except (EOFError, OSError):
                ready = True
            if not ready:
                self._kill()
                raise _timeout(self.ocr.seconden_per_pagina if page is not None and self.ocr else limit, page)
            try:
                status, payload = self._conn.recv()
            except (EOFError, OSError) as exc:
                self._kill()
                raise CorruptError(
                    "Het leesproces stopte onverwacht bij dit bestand.",
                    "Het bestand is waarschijnlijk beschadigd. Vraag de indiener om een nieuwe versie.",
                ) from exc
            if status != "ocr":
                break
            event, number, summary = payload
            page = number if event == "start" else None
            if summary:
                log.info("%s, pagina %d: %s.", name or path.name, number, summary)
        if status == "crash":
            log.error("Leesfout in %s: %s", path, payload)
            if payload == "MemoryError":
                self._kill()
            raise CorruptError(
                f"Het bestand kon niet gelezen worden ({payload[:200]}).",
                "Het bestand is waarschijnlijk beschadigd. Vraag de indiener om een nieuwe versie.",
            )
        return payload

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            try:
                self._conn.send(None)
                self._proc.join(5)
            except (OSError, BrokenPipeError):
                pass
        self._kill()


def _timeout(seconds: float, page: int | None) -> ReaderTimeoutError:
    if page is not None:
        return ReaderTimeoutError(
            f"De tekstherkenning van pagina {page} duurde langer dan {seconds:g} seconden en is afgebroken.",
            "Scan het document opnieuw (recht, 300 dpi, zwart-wit of grijs) en zet het in de inbox, voer de gegevens "
            "handmatig in, of verhoog ocr.seconden_per_pagina in config.toml.",
        )
    return ReaderTimeoutError(
        f"Het lezen duurde langer dan {seconds:g} seconden en is afgebroken.",
        "Het bestand is mogelijk beschadigd of erg groot. Open het zelf, sla het opnieuw op als PDF en zet het "
        "in de inbox; of verhoog limieten.max_seconden.",
    )

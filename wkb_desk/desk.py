"""The desk: one object that every entry point (ingest, watch, daily) uses to run the intake.

It owns the single-writer lock, the ledger connection, the sandboxed reader and the pipeline, and
batches the slow part — dossier linking, rules and the Excel register — into `flush()`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.intake import journal
from wkb_desk.intake.files import is_junk, tool_folders_in_inbox
from wkb_desk.intake.pipeline import PROCESSED, QUARANTINED, Outcome, Pipeline
from wkb_desk.intake.sandbox import ReaderProcess
from wkb_desk.lock import ProcessLock

if TYPE_CHECKING:
    from wkb_desk.letters import LetterRun

log = logging.getLogger("wkb_desk.intake")
ERROR = "fout"  # Outcome.status for an unexpected failure; the file stays in the inbox


@dataclass
class FlushResult:
    dossiers: int = 0  # dossiers touched by linking
    register_written: bool = False  # False also when nothing in the register had to change
    register_busy: str | None = None  # who has the register open, when it could not be written
    letters: "LetterRun | None" = None  # letters made or held back in this flush (wkb_desk.letters)
    views: list | None = None  # the dossier views the register was written from (the daily run reuses them)


class Desk:
    def __init__(self, settings: Settings, *, command: str = "ingest", dry_run: bool = False,
                 background_ocr: bool = False) -> None:
        """`background_ocr` (watch): scans are read by a second sandbox while other files go on (intake/ocr_jobs.py)."""
        self.settings = settings
        self.background_ocr = background_ocr
        self.ocr_reader: ReaderProcess | None = None
        self.ocr_jobs = None
        self.command = command
        self.dry_run = dry_run
        self.lock = ProcessLock(settings.paden.database, command)
        self.conn: sqlite3.Connection | None = None
        self.reader: ReaderProcess | None = None
        self.pipeline: Pipeline | None = None
        self._dirty = False
        self._data_version: int | None = None
        self._own_folders = set(tool_folders_in_inbox(settings.paden))

    # --- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> "Desk":
        if self.dry_run:
            self.conn = ledger.open_readonly(self.settings.paden.database)
        else:
            self.lock.acquire()
            try:
                self.conn = ledger.connect(self.settings.paden.database)
                journal.recover(self.conn)
            except BaseException:
                self.lock.release()
                raise
            # Documents recorded before a crash may still wait for the register.
            self._dirty = True
        self.reader = ReaderProcess(self.settings.limieten, self.settings.paden.referentie)
        if self.settings.ocr.engine != "uit":
            # A second sandbox, started on the first scan: OCR has its own time limits and memory.
            self.ocr_reader = ReaderProcess(self.settings.limieten, self.settings.paden.referentie, ocr=self.settings.ocr)
            if self.background_ocr:
                from wkb_desk.intake.ocr_jobs import OcrJobs

                self.ocr_jobs = OcrJobs(self.ocr_reader)
        self.pipeline = Pipeline(self.settings, self.conn, self.reader, dry_run=self.dry_run,
                                 ocr_reader=self.ocr_reader, ocr_jobs=self.ocr_jobs)
        return self

    def __exit__(self, *exc) -> None:
        if self.ocr_jobs is not None:
            self.ocr_jobs.close()
        if self.ocr_reader is not None:
            self.ocr_reader.close()
        if self.reader is not None:
            self.reader.close()
        if self.conn is not None:
            self.conn.close()
        if not self.dry_run:
            self.lock.release()

    # --- files ---------------------------------------------------------------------------------

    def candidates(self) -> list[Path]:
        """Files below inbox/ that are documents to take, oldest first."""
        found = []
        inbox = self.settings.paden.inbox
        for root, dirs, files in os.walk(inbox, onerror=lambda exc: log.warning("Map niet leesbaar: %s", exc)):
            root_path = Path(root)
            dirs[:] = [d for d in dirs if not d.startswith(".") and Path(os.path.abspath(root_path / d)) not in self._own_folders]
            for name in files:
                path = root_path / name
                if not is_junk(path):
                    found.append(path)
        return sorted(found, key=_mtime)

    def is_candidate(self, path: Path) -> bool:
        try:
            absolute = Path(os.path.abspath(path))
            rel = absolute.relative_to(os.path.abspath(self.settings.paden.inbox))
        except (ValueError, OSError):
            return False
        for parent in absolute.parents:
            if parent in self._own_folders:
                return False
        return not is_junk(path) and not any(part.startswith(".") for part in rel.parts[:-1])

    def process(self, path: Path) -> Outcome:
        assert self.pipeline is not None, "use Desk as a context manager"
        try:
            outcome = self.pipeline.process_file(path)
        except Exception as exc:  # noqa: BLE001 - one file must never stop the batch
            log.error("Onverwachte fout bij %s: %s\n%s", path.name, exc, traceback.format_exc())
            if not self.dry_run and self.conn is not None:
                journal.recover(self.conn)  # undo half-done copies; the original is still in the inbox
            return Outcome(path, ERROR, f"onverwachte fout: {exc}; het bestand blijft in de inbox")
        if outcome.status in (PROCESSED, QUARANTINED) or outcome.document_ids:
            self._dirty = True
        return outcome

    def ocr_finished(self) -> list[Path]:
        """Scans whose background text recognition finished since the last call: process() them again."""
        return self.ocr_jobs.finished() if self.ocr_jobs is not None else []

    def ledger_changed_elsewhere(self) -> bool:
        """True when another process committed to the ledger since the last call (e.g. `wkb-desk link`).

        The watcher asks this while idle, so such a change reaches the register without waiting for a new file.
        """
        if self.conn is None:
            return False
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        if changed:
            self._dirty = True
        return changed

    # --- after a batch -------------------------------------------------------------------------

    def flush(self, *, force: bool = False, on_date: dt.date | None = None) -> FlushResult:
        """Link new documents into dossiers, apply the rules and update the register (when something changed)."""
        result = FlushResult()
        if self.dry_run or self.conn is None or not (self._dirty or force):
            return result
        from wkb_desk.dossiers import link_pending
        from wkb_desk.register import RegisterBusy, update_register
        from wkb_desk.rules.views import build_dossier_views

        with ledger.transaction(self.conn):
            result.dossiers = len(link_pending(self.conn, self.settings))
        today = on_date or dt.date.today()
        result.letters = self._letters(today)
        def views() -> list:
            # Built after the register's read-back, so they carry what people typed; kept for the caller.
            result.views = build_dossier_views(self.conn, self.settings, today)
            return result.views

        try:
            written = update_register(self.settings, self.conn, views)
        except RegisterBusy as busy:
            result.register_busy = busy.user or "onbekend"  # the caller says so in its own words
            return result
        result.register_written = written.saved
        self._dirty = False
        return result

    def _letters(self, today: dt.date) -> "LetterRun | None":
        """The letters due after linking (before the register, whose Brieven sheet lists them). Never stops a flush."""
        from wkb_desk.letters import make_due_letters
        from wkb_desk.rules.views import build_dossier_views

        try:
            return make_due_letters(self.settings, self.conn, build_dossier_views(self.conn, self.settings, today), today)
        except Exception as exc:  # noqa: BLE001 - documents are safe in the ledger; letters follow next time
            log.error("Brieven niet gemaakt door een onverwachte fout: %s\n%s", exc, traceback.format_exc())
            return None



def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

"""Text recognition in the background, so that a long scan does not hold up the other files.

`watch` takes files one at a time on one thread (the ledger connection belongs to it). Reading a scan
with text recognition can take a minute or more, so the pipeline hands such a file to `OcrJobs`: a
thread of its own that feeds a second sandboxed reader process (the OCR sandbox, with its own time
limit per page) and keeps the finished analysis. The file stays untouched in the inbox meanwhile; the
watcher goes on with other files and, when `finished()` names the scan, passes it through the pipeline
again, which then records it from the finished analysis (same path and same sha256, or it starts over).

`ingest` and `extract` read scans in line (no background thread): they end when everything is read.
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path

from wkb_desk.errors import ReaderError
from wkb_desk.intake.analysis import Analysis, Problem
from wkb_desk.intake.sandbox import ReaderProcess

log = logging.getLogger("wkb_desk.intake")


class OcrJobs:
    def __init__(self, reader: ReaderProcess) -> None:
        self.reader = reader
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._pending: set[tuple[Path, str]] = set()
        self._results: dict[tuple[Path, str], Analysis] = {}
        self._announced: list[Path] = []
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def submit(self, path: Path, sha: str, size: int) -> None:
        key = (path, sha)
        with self._lock:
            if key in self._pending or key in self._results:
                return
            self._pending.add(key)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="wkb-desk-ocr-wachtrij", daemon=True)
            self._thread.start()
        self._queue.put((path, sha, size))

    def take(self, path: Path, sha: str) -> Analysis | None:
        """The finished analysis of this file with these bytes (once), or None."""
        with self._lock:
            for key in [k for k in self._results if k[0] == path and k[1] != sha]:
                del self._results[key]  # the file changed while it was read: that result is stale
            return self._results.pop((path, sha), None)

    def is_pending(self, path: Path) -> bool:
        with self._lock:
            return any(k[0] == path for k in self._pending)

    def finished(self) -> list[Path]:
        """Files whose recognition finished since the last call."""
        with self._lock:
            done, self._announced = self._announced, []
        return done

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._pending)

    def _run(self) -> None:
        while not self._stopping.is_set():
            job = self._queue.get()
            if job is None:
                return
            path, sha, size = job
            try:
                analysis = self.reader.analyze(path, known_sha=(sha, size))
            except ReaderError as exc:  # a page over its time limit, a crashed worker
                analysis = Analysis(name=path.name, sha256=sha, size=size, problem=Problem.from_error(exc))
            except Exception as exc:  # noqa: BLE001 - the file stays in the inbox; the watcher retries it later
                if self._stopping.is_set():
                    return
                log.exception("Onverwachte fout bij de tekstherkenning van %s", path.name)
                analysis = Analysis(name=path.name, sha256=sha, size=size, problem=Problem(
                    "tekstherkenning", f"De tekstherkenning liep vast ({type(exc).__name__}).",
                    "Zet het bestand opnieuw in de inbox; gebeurt dit weer, meld het dan met het logbestand erbij."))
            if self._stopping.is_set():
                return
            with self._lock:
                self._pending.discard((path, sha))
                self._results[(path, sha)] = analysis
                self._announced.append(path)

    def close(self) -> None:
        """Stop: a scan being read is abandoned (it stays in the inbox for the next run)."""
        self._stopping.set()
        self._queue.put(None)
        if self._thread is not None and self._thread.is_alive():
            self.reader.close()  # wakes the thread out of its wait on the worker
            self._thread.join(10)
        self.reader.close()
        if self._pending:
            log.info("%d scan(s) nog niet gelezen; die blijven in de inbox en worden de volgende keer gelezen.",
                     len(self._pending))

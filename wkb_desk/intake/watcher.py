"""`wkb-desk watch`: take each file as soon as an official has finished dropping it into the inbox.

The watcher only decides *when* a file is ready; the Desk's pipeline (the same one `ingest` uses) reads,
records and moves it. Threads:

- watchdog's observer thread(s) turn file-system events into small records on a queue; nothing else;
- the thread that calls `run_watch` is the one worker: it opens the Desk (whose SQLite connection belongs
  to that thread), feeds the stability gate from the queue, hands complete files to `desk.process` one at a
  time, batches register writes through `desk.flush`, watches the inbox's health and rescans it.

Native events (inotify, ReadDirectoryChangesW, FSEvents) do not arrive for changes made on another machine
on a network share, so `auto` polls there. A native watcher also rescans every `volledige_scan_minuten`
(missed events, buffer overflow, a share that reconnected).
"""

from __future__ import annotations

import logging
import os
import queue
import stat
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

from wkb_desk.config import Settings
from wkb_desk.errors import ExitCode
from wkb_desk.intake.files import tool_folders_in_inbox
from wkb_desk.intake.stability import StabilityGate, signature

log = logging.getLogger("wkb_desk.watcher")

# watchdog's inotify backend warns when a folder is created and watched twice in a quick mkdir -p; the
# watch is simply replaced. Noise on an official's console, nothing to act on.
warnings.filterwarnings("ignore", message="Callback with id .* already exists", category=RuntimeWarning)

# File-system types on which the local kernel does not see changes made by other machines.
NETWORK_FSTYPES = frozenset(
    {
        "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "coda", "ceph", "glusterfs",
        "lustre", "gpfs", "9p", "drvfs", "davfs", "sshfs", "v9fs", "vboxsf", "vmhgfs",
    }
)  # plus every fuse.* type (sshfs, rclone, gvfs, s3fs, davfs2 ... all mount something remote)

# Events the watcher listens to. Not "opened"/"closed_no_write": reading a file (our own open test,
# the reader) must not look like a change.
EVENT_FILTER = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]

TICK = 0.2  # longest sleep of the worker: how fast a stop request is noticed when idle
BACKOFF_START = 1.0
BACKOFF_MAX = 60.0
STILL_DOWN_EVERY = 600.0  # repeat "inbox still unreachable" this often (seconds)
RETRY_FIRST = 10.0  # a file the pipeline could not take (in use, unexpected error) is tried again after this,
RETRY_MAX = 600.0  # doubling up to this


class DeskLike(Protocol):
    def candidates(self) -> list[Path]: ...
    def is_candidate(self, path: Path) -> bool: ...
    def process(self, path: Path) -> Any: ...
    def flush(self) -> Any: ...
    def ledger_changed_elsewhere(self) -> bool: ...


# --- which observer ----------------------------------------------------------------------------


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    return (
        field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")
    )


def mount_fstype(path: Path, mounts_text: str | None = None) -> str | None:
    """The file-system type of the mount holding `path`, from /proc/mounts (Linux); None when unknown."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape_mount(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        # Later lines win on equal length: they are mounted over the earlier ones.
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type


def _is_network_fstype(fstype: str | None) -> bool:
    return bool(fstype) and (fstype in NETWORK_FSTYPES or fstype.startswith("fuse."))


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive or not drive.endswith(":"):
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def is_network_path(path: Path, *, platform: str | None = None, mounts_text: str | None = None) -> tuple[bool, str]:
    """(True, why) when `path` lies on a network share; `why` is Dutch, for the start-up log line."""
    platform = platform or sys.platform
    text = str(path)
    if text.startswith("\\\\") or (platform == "win32" and text.startswith("//")):
        return True, "UNC-pad (netwerkshare)"
    if platform == "win32":
        try:
            if _windows_drive_is_remote(path):
                return True, f"netwerkstation {os.path.splitdrive(text)[0]}"
        except (OSError, AttributeError, ValueError):
            pass
        return False, "lokale schijf"
    fstype = mount_fstype(path, mounts_text)
    if _is_network_fstype(fstype):
        return True, f"netwerkkoppeling ({fstype})"
    return False, f"lokaal bestandssysteem ({fstype})" if fstype else "lokaal bestandssysteem"


def choose_mode(settings: Settings) -> tuple[str, str]:
    """("native" | "polling", why in Dutch)."""
    mode = settings.watcher.modus
    if mode == "native":
        return "native", "ingesteld (watcher.modus = native)"
    if mode == "polling":
        return "polling", "ingesteld (watcher.modus = polling)"
    remote, why = is_network_path(settings.paden.inbox)
    return ("polling" if remote else "native"), why


# --- events ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ev:
    at: float  # monotonic time the observer saw it
    kind: str  # "file" | "file_gone" | "moved" | "dir_new" | "dir_gone" | "dir_moved"
    src: Path
    dest: Path | None = None


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self._w = watcher

    def dispatch(self, event: FileSystemEvent) -> None:  # every event; one place
        try:
            self._w._on_event(event)
        except Exception:  # an observer thread must never die of our bug
            log.exception("Fout bij het verwerken van een bestandsmelding (%s); de bewaking gaat door.", event)


class _OverflowHook(logging.Handler):
    """watchdog reports a lost-events overflow only as a log line: turn that into an immediate full rescan."""

    def __init__(self, watcher: "Watcher") -> None:
        super().__init__(logging.WARNING)
        self._w = watcher

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if "overflow" in record.getMessage().lower():
                self._w._overflow.set()
                self._w._wake.set()
        except Exception:  # a log hook must never raise into watchdog
            pass


# --- the watcher -------------------------------------------------------------------------------


class Watcher:
    """The watch loop over an open Desk. `run()` returns when `stop` is set (after the file in hand)."""

    def __init__(self, desk: DeskLike, settings: Settings, *, stop: threading.Event,
                 ready: threading.Event | None = None, mode: str | None = None,
                 between_steps: Callable[[], None] | None = None) -> None:
        self.desk = desk
        # Called in this (the Desk's) thread after every step, at least every TICK seconds: `wkb-desk run` runs its
        # scheduled daily job here, so the job and the watcher take turns on one Desk and can never deadlock.
        self.between_steps = between_steps
        self.settings = settings
        self.stop = stop
        self.ready = ready
        ws = settings.watcher
        self.inbox = Path(os.path.abspath(settings.paden.inbox))
        self.excluded = tool_folders_in_inbox(settings.paden)
        if mode is None:
            self.mode, self.mode_why = choose_mode(settings)
        else:
            self.mode, self.mode_why = mode, "opgegeven"
        self.quiet = ws.rust_seconden
        self.poll = max(ws.poll_seconden, 0.05)
        self.rescan_every = ws.volledige_scan_minuten * 60.0  # 0: no periodic rescan
        self.health_every = min(max(ws.poll_seconden, 0.5), 5.0)
        self.flush_every = max(settings.register.max_seconden_achter, 0.0)
        self.gate = StabilityGate(self.quiet, ws.onvolledig_melden_minuten * 60.0)

        self._events: queue.SimpleQueue[_Ev] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._inbox_lost = threading.Event()
        self._overflow = threading.Event()
        self._overflow_hook = _OverflowHook(self)
        self._observer: Any = None
        self._observer_mode = ""
        self._inbox_id: tuple[int, int] | None = None
        self._healthy = False
        self._down_since = 0.0
        self._down_logged_at = 0.0
        self._backoff = BACKOFF_START
        self._retry_at = 0.0
        self._next_health = 0.0
        self._next_rescan = float("inf")
        self._sweep_reason = "start"
        # Files dealt with that stayed in the inbox (junk): not again until their size/mtime change.
        self._handled: dict[Path, tuple[int, int] | None] = {}
        # Files the pipeline could not take this time: path -> (when to try again, delay used).
        self._retry: dict[Path, tuple[float, float]] = {}
        self._reported: set[Path] = set()
        # The Desk may hold documents recorded before a crash that never reached the register: one flush
        # after the backlog (cheap when nothing changed).
        self._dirty_since: float | None = time.monotonic()
        self._flush_error = ""
        self._flush_retry_at = 0.0
        self._register_busy: str | None = None
        self._error_backoff = BACKOFF_START
        self.counts: dict[str, int] = {}

    # --- observer thread side ---

    def _on_event(self, event: FileSystemEvent) -> None:
        etype = event.event_type
        if etype in ("opened", "closed_no_write"):
            return
        at = time.monotonic()
        src = Path(os.fsdecode(event.src_path))
        dest = Path(os.fsdecode(event.dest_path)) if getattr(event, "dest_path", None) else None
        if event.is_directory:
            if etype == "deleted":
                if src == self.inbox:
                    self._inbox_lost.set()
                ev = _Ev(at, "dir_gone", src)
            elif etype == "moved":
                ev = _Ev(at, "dir_moved", src, dest)
            elif etype == "created":
                ev = _Ev(at, "dir_new", src)
            else:
                return  # a folder's own mtime: its files report themselves
        elif etype == "deleted":
            ev = _Ev(at, "file_gone", src)
        elif etype == "moved":
            ev = _Ev(at, "moved", src, dest)
        else:  # created, modified, closed (after writing), attrib
            if not self._watched(src):
                return
            ev = _Ev(at, "file", src)
        self._events.put(ev)
        self._wake.set()

    def _watched(self, path: Path) -> bool:
        """Inside the inbox and outside the tool's own folders (pure path logic, any thread)."""
        if not path.is_relative_to(self.inbox) or path == self.inbox:
            return False
        return not any(path.is_relative_to(f) for f in self.excluded)

    def _listdir(self, folder: str | None) -> Iterator[os.DirEntry]:
        # Polling walks the whole tree every interval: keep the tool's own folders (archive!) out of it.
        with os.scandir(folder) as it:
            entries = list(it)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and not self._watched(Path(entry.path)):
                continue
            yield entry

    # --- worker side ---

    def run(self) -> None:
        log.info(
            "Bewaking gestart op %s (%s: %s); een bestand is compleet na %s s rust.",
            self.inbox, "systeemmeldingen" if self.mode == "native" else f"scannen elke {self.poll:g} s",
            self.mode_why, f"{self.quiet:g}",
        )
        try:
            self._bring_up(initial=True)
            if self._healthy:
                self._sweep()  # the backlog is known before `ready`; later sweeps run in the loop
        except Exception:
            log.exception("Onverwachte fout bij het starten van de bewaking; de bewaking probeert het opnieuw.")
            self._next_rescan = time.monotonic() + BACKOFF_START
        if self.ready is not None:
            self.ready.set()
        while not self.stop.is_set():
            try:
                self._step()
                if self.between_steps is not None and not self.stop.is_set():
                    self.between_steps()
                self._error_backoff = BACKOFF_START
            except Exception:
                log.exception(
                    "Onverwachte fout in de bewaking; de bewaking gaat over %.0f s door.", self._error_backoff
                )
                self.stop.wait(self._error_backoff)
                self._error_backoff = min(self._error_backoff * 2, BACKOFF_MAX)
        self._stop_observer()
        self._final_flush()
        summary = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items())) or "geen bestanden"
        log.info("Bewaking gestopt (%s).", summary)

    def _step(self) -> None:
        now = time.monotonic()
        self._drain_events()
        if self._dirty_since is None and self.desk.ledger_changed_elsewhere():
            self._dirty_since = now  # e.g. a `wkb-desk link` in another window: show it in the register
        if self._inbox_lost.is_set() or now >= self._next_health:
            self._check_health()
        if not self._healthy:
            self._maybe_flush(idle=True)
            self._sleep(self._retry_at - time.monotonic())
            return
        if self._overflow.is_set():
            self._overflow.clear()
            log.warning("Er kwamen te veel bestandsmeldingen tegelijk; de inbox wordt volledig gescand.")
            self._sweep_reason = "overloop"
            self._next_rescan = now
        if now >= self._next_rescan:
            try:
                self._sweep()
            except OSError:
                self._check_health()  # most likely the inbox went away: that is a clear log line, no traceback
                if self._healthy:
                    raise
                return
        if self._retry:
            self._due_retries()
        for path in getattr(self.desk, "ocr_finished", list)():
            # A scan read in the background: through the pipeline again, which records it now.
            self._handled.pop(path, None)
            if not self.stop.is_set():
                self._take(path)
        result = self.gate.check()
        for path in result.gone:
            self._reported.discard(path)
        for path, waited, why in result.overdue:
            self._report_incomplete(path, waited, why)
        for path in result.ready:
            if self.stop.is_set():
                break  # still in the inbox: the next run takes it
            self._take(path)
            self._drain_events()
            self._maybe_flush(idle=False)
        idle = not result.ready and self.gate.recently_changed(2 * self.quiet + self.poll) == 0
        self._maybe_flush(idle=idle)
        waits = [self._next_health - time.monotonic(), self._next_rescan - time.monotonic()]
        due = self.gate.seconds_until_due()
        if due is not None:
            waits.append(due)
        if self._dirty_since is not None:
            waits.append(max(self._flush_retry_at, self._dirty_since + self.flush_every) - time.monotonic())
        self._sleep(min(waits))

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(max(0.0, min(seconds, TICK)))
        self._wake.clear()

    def _drain_events(self) -> None:
        while True:
            try:
                ev = self._events.get_nowait()
            except queue.Empty:
                return
            if ev.kind == "file":
                self._track(ev.src, ev.at, event=True)
            elif ev.kind == "file_gone":
                self._gone(ev.src)
            elif ev.kind == "moved":
                self._gone(ev.src)
                if ev.dest is not None and self._watched(ev.dest):
                    self._track(ev.dest, ev.at, event=True)
            elif ev.kind == "dir_gone":
                self._gone_below(ev.src)
            elif ev.kind == "dir_moved":
                self._gone_below(ev.src)
                if ev.dest is not None and self._watched(ev.dest):
                    self._scan_folder(ev.dest, ev.at)
            elif ev.kind == "dir_new" and self._watched(ev.src):
                # Files copied into a new folder before its watch existed send no event of their own.
                self._scan_folder(ev.src, ev.at)

    def _track(self, path: Path, at: float, *, event: bool) -> None:
        if path not in self.gate:
            if not self._watched(path) or not self.desk.is_candidate(path):
                return
            if not event and path in self._handled and self._handled[path] == signature(path):
                return  # a scan found a file we already dealt with that stayed where it was
            if not event and path in self._retry:
                return  # its retry time decides
        if event:
            self.gate.touch(path, at)
        else:
            self.gate.add(path, at)

    def _gone(self, path: Path) -> None:
        self.gate.forget(path)
        self._handled.pop(path, None)
        self._retry.pop(path, None)
        self._reported.discard(path)

    def _gone_below(self, folder: Path) -> None:
        for p in self.gate.forget_below(folder):
            self._reported.discard(p)
        for known in (self._handled, self._retry):
            for p in [p for p in known if p.is_relative_to(folder)]:
                del known[p]

    def _scan_folder(self, folder: Path, at: float) -> None:
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if self._watched(Path(root, d))]
            for name in files:
                self._track(Path(root, name), at, event=False)

    def _sweep(self) -> None:
        """Every candidate in the inbox into the gate (the backlog at start, missed events later)."""
        now = time.monotonic()
        reason, self._sweep_reason = self._sweep_reason, "rescan"
        # If this sweep fails (the error is logged by the loop), the next try comes soon, not in ten minutes.
        self._next_rescan = now + self._error_backoff
        for path, sig in list(self._handled.items()):
            if signature(path) != sig:
                del self._handled[path]  # gone or changed: a changed one is looked at again
        found = self.desk.candidates()
        new = 0
        for path in found:
            path = Path(os.path.abspath(path))
            before = len(self.gate)
            self._track(path, now, event=False)
            new += len(self.gate) - before
        self._next_rescan = now + self.rescan_every if self.rescan_every > 0 else float("inf")
        if new and reason in ("rescan", "overloop"):
            log.info("Volledige scan van de inbox: %d bestand(en) gevonden zonder melding; die worden opgepakt.", new)
        elif new:
            log.info("%d bestand(en) in de inbox gevonden; die worden opgepakt zodra ze compleet zijn.", new)

    def _take(self, path: Path) -> None:
        sig = signature(path)
        if sig is None:
            return
        if path in self._handled and self._handled[path] == sig:
            return
        if not self.desk.is_candidate(path):
            self._handled[path] = sig
            return
        rel = self._rel(path)
        if path in self._reported:
            self._reported.discard(path)
            log.info("%s is nu compleet en wordt opgepakt.", rel)
        try:
            outcome = self.desk.process(path)
        except Exception:
            log.exception("Onverwachte fout bij het verwerken van %s; het bestand blijft in de inbox.", rel)
            outcome = None
        status = str(getattr(outcome, "status", "fout"))
        message = str(getattr(outcome, "message", "") or "")
        self.counts[status] = self.counts.get(status, 0) + 1
        if message and not message.startswith(status):
            message = f"{status} ({message})"
        if getattr(self.desk, "dry_run", False):
            log.info("%s: zou worden: %s", rel, message or status)
            self._handled[path] = sig  # it stays in the inbox by design: show it once, until it changes
            return
        log.info("%s: %s", rel, message or status)
        if status == "tekstherkenning":
            self._handled[path] = sig  # not again until it is read (or it changes)
            return
        if status in ("verwerkt", "dubbel", "quarantaine") and self._dirty_since is None:
            self._dirty_since = time.monotonic()
        self._retry_later(path, status)

    def _retry_later(self, path: Path, status: str) -> None:
        """A candidate still in the inbox after the pipeline (in use, changed while copied, a crash): again later."""
        if signature(path) is None:
            self._retry.pop(path, None)
            return
        _, delay = self._retry.get(path, (0.0, RETRY_FIRST / 2))
        delay = min(delay * 2, RETRY_MAX)
        self._retry[path] = (time.monotonic() + delay, delay)
        log.info("%s blijft in de inbox (%s); nieuwe poging over %.0f s.", self._rel(path), status, delay)

    def _due_retries(self) -> None:
        now = time.monotonic()
        for path, (at, delay) in list(self._retry.items()):
            if at <= now:
                # Through the gate again (quiet, unchanged, opens); the delay is kept for the next doubling.
                self._retry[path] = (float("inf"), delay)
                self.gate.touch(path)

    def _report_incomplete(self, path: Path, waited: float, why: str) -> None:
        if not self.desk.is_candidate(path):
            self.gate.forget(path)
            return
        self._reported.add(path)
        log.warning(
            "%s is na %.0f minuten nog niet compleet (%s). Het blijft bewaakt en wordt opgepakt zodra het klaar "
            "is; controleer anders of het kopiëren of scannen is vastgelopen.",
            self._rel(path), waited / 60.0, why,
        )

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.inbox).as_posix()
        except ValueError:
            return str(path)

    # --- register batching ---

    def _maybe_flush(self, *, idle: bool) -> None:
        if self._dirty_since is None:
            return
        now = time.monotonic()
        if now < self._flush_retry_at:
            return
        if idle or now - self._dirty_since >= self.flush_every:
            self._flush()

    def _flush(self) -> None:
        try:
            result = self.desk.flush()
        except Exception as exc:
            # The traceback once; the same failure again is one line, not a log full of tracebacks.
            if repr(exc) != self._flush_error:
                log.exception("Onverwachte fout bij het bijwerken van het register; het wordt later opnieuw geprobeerd.")
            else:
                log.warning("Bijwerken van het register mislukt opnieuw (%s); volgende poging later.", exc)
            self._flush_error = repr(exc)
            self._flush_retry_at = time.monotonic() + max(self.flush_every, BACKOFF_START)
            return
        self._flush_error = ""
        busy = getattr(result, "register_busy", None)
        if busy:
            if busy != self._register_busy:
                log.warning(
                    "Het register is in gebruik (%s); het wordt bijgewerkt zodra het vrij is. "
                    "Alle documenten staan al in de administratie.", busy,
                )
            self._register_busy = busy
            self._flush_retry_at = time.monotonic() + max(self.flush_every, BACKOFF_START)
            return
        if self._register_busy:
            log.info("Het register is weer vrij en is bijgewerkt.")
        self._register_busy = None
        self._dirty_since = None
        self._flush_retry_at = 0.0

    def _final_flush(self) -> None:
        if self._dirty_since is None:
            return
        self._flush_retry_at = 0.0
        self._flush()

    @property
    def register_busy(self) -> str | None:
        return self._register_busy if self._dirty_since is not None else None

    # --- inbox health and the observer ---

    def _inbox_problem(self) -> tuple[str | None, tuple[int, int] | None]:
        try:
            st = os.stat(self.inbox)
        except FileNotFoundError:
            return "de map bestaat niet (meer)", None
        except PermissionError:
            return "geen toegang (toegang geweigerd)", None
        except OSError as exc:
            return f"{exc.strerror or exc}", None
        if not stat.S_ISDIR(st.st_mode):
            return "het is geen map", None
        try:
            with os.scandir(self.inbox) as it:
                next(it, None)
        except PermissionError:
            return "geen leesrechten op de map (toegang geweigerd)", None
        except OSError as exc:
            return f"de map kan niet gelezen worden: {exc.strerror or exc}", None
        return None, (st.st_dev, st.st_ino)

    def _observer_alive(self) -> bool:
        obs = self._observer
        return obs is not None and obs.is_alive() and all(e.is_alive() for e in obs.emitters)

    def _check_health(self) -> None:
        now = time.monotonic()
        self._next_health = now + self.health_every
        if not self._healthy and now < self._retry_at:
            return
        problem, ident = self._inbox_problem()
        if problem is None and self._healthy:
            if ident == self._inbox_id and self._observer_alive() and not self._inbox_lost.is_set():
                return
            # Removed and recreated between two looks, or the observer died: start over on the new folder.
            log.warning("De inbox %s is opnieuw aangemaakt of de bewaking viel weg; de bewaking start opnieuw.",
                        self.inbox)
            self._stop_observer()
            self._bring_up(initial=False)
            return
        if problem is None:
            self._bring_up(initial=False)
            return
        self._went_down(problem)

    def _went_down(self, problem: str) -> None:
        now = time.monotonic()
        if self._healthy or not self._down_since:
            log.warning(
                "De inbox %s is niet bereikbaar: %s. De bewaking wacht en probeert het steeds opnieuw "
                "(eerst over %.0f s); ze gaat vanzelf verder zodra de map terug is.", self.inbox, problem, self._backoff,
            )
            self._down_since = now
            self._down_logged_at = now
        elif now - self._down_logged_at >= STILL_DOWN_EVERY:
            log.warning("De inbox %s is nog steeds niet bereikbaar (%s, sinds %.0f minuten).", self.inbox, problem,
                        (now - self._down_since) / 60.0)
            self._down_logged_at = now
        else:
            log.debug("Inbox nog niet bereikbaar (%s); volgende poging over %.0f s.", problem, self._backoff)
        self._healthy = False
        self._stop_observer()
        self.gate.clear()
        self._reported.clear()
        self._retry_at = now + self._backoff
        self._backoff = min(self._backoff * 2, BACKOFF_MAX)
        self._inbox_lost.clear()

    def _bring_up(self, *, initial: bool) -> None:
        """Start the observer on the inbox and sweep it. On failure: down, with backoff."""
        problem, ident = self._inbox_problem()
        if problem is not None:
            self._went_down(problem)
            return
        self._inbox_lost.clear()
        try:
            self._start_observer()
        except OSError as exc:
            self._went_down(f"bewaken lukt niet: {exc.strerror or exc}")
            return
        self._inbox_id = ident
        was_down = bool(self._down_since)
        self._healthy = True
        self._backoff = BACKOFF_START
        self._next_health = time.monotonic() + self.health_every
        self._sweep_reason = "start" if initial else "weer bereikbaar"
        self._next_rescan = 0.0  # the loop sweeps right away: the backlog, or what arrived while down
        if was_down:
            log.info("De inbox %s is weer bereikbaar; de bewaking gaat verder.", self.inbox)
            self._down_since = 0.0

    def _start_observer(self) -> None:
        from watchdog.observers.polling import PollingObserverVFS

        mode = self.mode
        if mode == "native":
            from watchdog.observers import Observer

            try:
                obs = Observer()
                obs.schedule(_Handler(self), str(self.inbox), recursive=True, event_filter=EVENT_FILTER)
                obs.start()
            except OSError as exc:
                # E.g. the inotify watch limit: polling still works, only slower to notice.
                log.warning(
                    "Systeemmeldingen voor wijzigingen zijn niet beschikbaar (%s); de inbox wordt nu elke %g s "
                    "gescand.", exc.strerror or exc, self.poll,
                )
                mode = "polling"
        if mode == "polling":
            obs = PollingObserverVFS(os.stat, self._listdir, polling_interval=self.poll)
            obs.schedule(_Handler(self), str(self.inbox), recursive=True, event_filter=EVENT_FILTER)
            obs.start()
        self._observer = obs
        self._observer_mode = mode
        logging.getLogger("watchdog").addHandler(self._overflow_hook)

    def _stop_observer(self) -> None:
        logging.getLogger("watchdog").removeHandler(self._overflow_hook)
        obs, self._observer = self._observer, None
        if obs is None:
            return
        try:
            obs.stop()
            obs.join(timeout=10)
        except Exception:
            log.debug("Stoppen van de observer mislukte", exc_info=True)


# --- entry point -------------------------------------------------------------------------------


def run_watch(settings: Settings, *, stop: threading.Event | None = None,
              ready: threading.Event | None = None, dry_run: bool = False) -> int:
    """Sweep the inbox, then watch it until `stop` is set. Returns an exit code.

    Start-up errors (another process holds the lock: errors.LockHeldError, a config problem) propagate
    to the CLI, which turns them into their exit codes. After a stop: ExitCode.OK, or
    ExitCode.REGISTER_BUSY when the last register update had to wait (the ledger has everything).
    """
    from wkb_desk.desk import Desk

    stop = stop if stop is not None else threading.Event()
    if dry_run:
        log.info("Proefdraai: de bewaking laat zien wat er met elk bestand zou gebeuren en verplaatst of bewaart niets.")
    with Desk(settings, command="watch", dry_run=dry_run, background_ocr=True) as desk:
        watcher = Watcher(desk, settings, stop=stop, ready=ready)
        watcher.run()
    if watcher.register_busy:
        return ExitCode.REGISTER_BUSY
    return ExitCode.OK

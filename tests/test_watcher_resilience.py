"""The watcher when things go wrong: the inbox disappears, a second watch, SIGTERM, its own errors; and
register batching. Real watcher threads (or a real process), the real Desk and ledger, native and polling.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from test_watcher_support import (  # noqa: F401
    REPO,
    Ledger,
    WatchThread,
    make_config,
    mode,
    unique_bytes,
    wait_for,
)

from wkb_desk.config import load_settings
from wkb_desk.errors import ExitCode, LockHeldError
from wkb_desk.intake.watcher import run_watch


# --- the share going away ---------------------------------------------------------------------


def test_inbox_removed_and_recreated_watching_resumes(tmp_path, mode, caplog):
    caplog.set_level(logging.INFO, logger="wkb_desk.watcher")
    with WatchThread(make_config(tmp_path, mode)) as w:
        (w.inbox / "voor.txt").write_bytes(unique_bytes("voor"))
        wait_for(lambda: len(w.ledger.receipts("voor.txt")) == 1, what="eerste bestand")
        shutil.rmtree(w.inbox)

        def said(text: str) -> bool:
            return any(text in r.getMessage() for r in caplog.records if r.name == "wkb_desk.watcher")

        wait_for(lambda: said("niet bereikbaar"), what="melding dat de inbox weg is")
        assert w.thread.is_alive()
        time.sleep(0.5)
        w.inbox.mkdir()
        (w.inbox / "na.txt").write_bytes(unique_bytes("na"))
        wait_for(lambda: len(w.ledger.receipts("na.txt")) == 1, timeout=30, what="bestand na herstel")
        assert said("weer bereikbaar")
        (w.inbox / "daarna.txt").write_bytes(unique_bytes("daarna"))  # and events keep coming
        wait_for(lambda: len(w.ledger.receipts("daarna.txt")) == 1, what="volgend bestand")
    assert w.result == [ExitCode.OK]


def test_inbox_swapped_between_two_looks_is_watched_again(tmp_path, mode):
    with WatchThread(make_config(tmp_path, mode)) as w:
        # Removed and recreated faster than the health check looks: the new folder must be watched.
        shutil.rmtree(w.inbox)
        w.inbox.mkdir()
        time.sleep(0.8)  # past the old folder's last event
        (w.inbox / "nieuw.txt").write_bytes(unique_bytes("nieuw"))
        wait_for(lambda: len(w.ledger.receipts("nieuw.txt")) == 1, timeout=30, what="bestand in nieuwe inbox")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX rights that apply (not root)")
def test_permission_denied_on_the_inbox_is_reported_and_watching_resumes(tmp_path, mode, caplog):
    caplog.set_level(logging.INFO, logger="wkb_desk.watcher")
    with WatchThread(make_config(tmp_path, mode)) as w:
        w.inbox.chmod(0)
        try:
            wait_for(lambda: "toegang geweigerd" in caplog.text, what="melding geen toegang")
        finally:
            w.inbox.chmod(0o755)
        (w.inbox / "weer-toegang.txt").write_bytes(unique_bytes("weer-toegang"))
        wait_for(lambda: len(w.ledger.receipts("weer-toegang.txt")) == 1, timeout=30, what="bestand na herstel")


# --- one writer -------------------------------------------------------------------------------


def test_a_second_watch_is_refused_naming_the_first(tmp_path):
    cfg = make_config(tmp_path, "native")
    with WatchThread(cfg):
        with pytest.raises(LockHeldError) as info:
            run_watch(load_settings(cfg), stop=threading.Event())
    assert info.value.exit_code == ExitCode.LOCKED
    assert str(os.getpid()) in info.value.message


# --- stopping ---------------------------------------------------------------------------------

ENTRY = textwrap.dedent(
    """
    import logging, signal, sys, threading
    from wkb_desk.config import load_settings
    from wkb_desk.intake.watcher import run_watch

    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    stop, ready = threading.Event(), threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    threading.Thread(target=lambda: (ready.wait(), print("gereed", flush=True)), daemon=True).start()
    sys.exit(run_watch(load_settings(sys.argv[1]), stop=stop, ready=ready))
    """
)


def start_process(cfg: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", ENTRY, str(cfg)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    line = proc.stdout.readline()
    assert line.strip() == "gereed", proc.stderr.read() if proc.poll() is not None else line
    return proc


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_during_a_burst_loses_nothing(tmp_path, mode):
    cfg = make_config(tmp_path, mode)
    settings = load_settings(cfg)
    ledger = Ledger(settings.paden.database)
    names = [f"burst-{i:03d}.txt" for i in range(60)]

    proc = start_process(cfg)
    try:
        for name in names:
            (settings.paden.inbox / name).write_bytes(unique_bytes(name))
        wait_for(lambda: len(ledger.names()) >= 5, what="de eerste bestanden")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == ExitCode.OK, err
    assert "Bewaking gestopt" in err

    recorded = set(ledger.names())
    waiting = {p.name for p in settings.paden.inbox.iterdir() if p.is_file()}
    assert waiting, "de stop kwam pas na de hele reeks: de test toetst dan niets"
    assert recorded | waiting == set(names)  # every file is somewhere
    assert not recorded & waiting  # and in one place only
    assert len(ledger.names()) == len(recorded)  # no double rows

    proc = start_process(cfg)  # the next run takes the rest
    try:
        wait_for(lambda: len(ledger.names()) >= len(names), timeout=60, what="de rest bij de volgende start")
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert sorted(ledger.names()) == names
    assert len(ledger.rows("SELECT id FROM documents WHERE parent_id IS NULL")) == len(names)


# --- batching and faults, through the same Desk the watcher uses ------------------------------


def run_watcher_over(desk_class, cfg: Path, stop: threading.Event, ready: threading.Event, out: list) -> None:
    from wkb_desk.intake.watcher import Watcher

    settings = load_settings(cfg)
    with desk_class(settings, command="watch") as desk:
        out.append(desk)
        Watcher(desk, settings, stop=stop, ready=ready).run()


def test_a_burst_gives_a_few_register_updates_not_one_per_file(tmp_path, mode):
    from wkb_desk.desk import Desk

    class CountingDesk(Desk):
        flushes = 0

        def flush(self, **kwargs):
            CountingDesk.flushes += 1
            return super().flush(**kwargs)

    cfg = make_config(tmp_path, mode)
    settings = load_settings(cfg)
    stop, ready, out = threading.Event(), threading.Event(), []
    t = threading.Thread(target=run_watcher_over, args=(CountingDesk, cfg, stop, ready, out), daemon=True)
    t.start()
    try:
        assert ready.wait(20)
        names = [f"reeks-{i:02d}.txt" for i in range(50)]
        for name in names:
            (settings.paden.inbox / name).write_bytes(unique_bytes(name))
        ledger = Ledger(settings.paden.database)
        wait_for(lambda: len(ledger.names()) >= 50, timeout=60, what="50 bestanden")
        wait_for(lambda: CountingDesk.flushes >= 1, what="een registerupdate na de reeks")
        time.sleep(0.5)
    finally:
        stop.set()
        t.join(30)
    assert 1 <= CountingDesk.flushes <= 5


def test_the_watcher_survives_its_own_errors(tmp_path, mode, caplog):
    from wkb_desk.desk import Desk

    class FlakyDesk(Desk):
        calls = 0

        def candidates(self):
            FlakyDesk.calls += 1
            if FlakyDesk.calls == 1:
                raise RuntimeError("kapotte map-index")
            return super().candidates()

    caplog.set_level(logging.INFO, logger="wkb_desk.watcher")
    cfg = make_config(tmp_path, mode)
    settings = load_settings(cfg)
    (settings.paden.inbox / "achterstand.txt").write_bytes(unique_bytes("achterstand"))
    stop, ready, out = threading.Event(), threading.Event(), []
    t = threading.Thread(target=run_watcher_over, args=(FlakyDesk, cfg, stop, ready, out), daemon=True)
    t.start()
    try:
        assert ready.wait(20)
        ledger = Ledger(settings.paden.database)
        wait_for(lambda: len(ledger.receipts("achterstand.txt")) == 1, what="achterstand na de fout")
        (settings.paden.inbox / "daarna.txt").write_bytes(unique_bytes("daarna"))
        wait_for(lambda: len(ledger.receipts("daarna.txt")) == 1, what="nieuw bestand na de fout")
        assert t.is_alive()
    finally:
        stop.set()
        t.join(30)
    errors = [r for r in caplog.records if r.name == "wkb_desk.watcher" and r.levelno == logging.ERROR]
    assert errors and errors[0].exc_info is not None  # logged with its traceback
    assert "kapotte map-index" in caplog.text


def test_lost_events_overflow_triggers_a_full_rescan_at_once(tmp_path, caplog):
    from wkb_desk.desk import Desk

    class CountingDesk(Desk):
        sweeps = 0

        def candidates(self):
            CountingDesk.sweeps += 1
            return super().candidates()

    caplog.set_level(logging.INFO, logger="wkb_desk.watcher")
    cfg = make_config(tmp_path, "native")  # periodic rescan only every 10 minutes
    stop, ready, out = threading.Event(), threading.Event(), []
    t = threading.Thread(target=run_watcher_over, args=(CountingDesk, cfg, stop, ready, out), daemon=True)
    t.start()
    try:
        assert ready.wait(20)
        time.sleep(0.3)
        before = CountingDesk.sweeps
        # What watchdog's inotify backend logs when the kernel queue overflowed and events were lost.
        logging.getLogger("watchdog.observers.inotify_c").warning("Inotify queue overflowed; filesystem events were lost")
        wait_for(lambda: CountingDesk.sweeps > before, timeout=5, what="volledige scan na overloop")
    finally:
        stop.set()
        t.join(30)
    assert "te veel bestandsmeldingen" in caplog.text

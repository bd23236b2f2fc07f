"""`wkb-desk run` with a fast schedule (an injected clock and interval): missed days are caught up at start, the
job runs, a failing job does not stop the loop, and the real watcher keeps taking files meanwhile."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading

from conftest import run_cli
from daily_support import bouwmelding, read_overview
from test_watcher_support import wait_for

from wkb_desk.daily.content import NO_BEHANDELAAR
from wkb_desk.daily.run import run_daily
from wkb_desk.daily.scheduler import run_service


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.value = now
        self.lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        with self.lock:
            return self.value

    def set(self, now: dt.datetime) -> None:
        with self.lock:
            self.value = now


def done_days(settings) -> list[str]:
    conn = sqlite3.connect(settings.paden.database)
    try:
        return [r[0] for r in conn.execute("SELECT run_date FROM daily_days ORDER BY run_date")]
    except sqlite3.OperationalError:  # the ledger is still being created by the process under test
        return []
    finally:
        conn.close()


def new_on(settings, day: str) -> list[tuple[str, ...]]:
    path = settings.paden.outbox / f"dagoverzicht-{day}.docx"
    return read_overview(path).get(NO_BEHANDELAAR, {}).get("Nieuw binnengekomen", []) if path.exists() else []


def archived(settings, name: str) -> bool:
    conn = sqlite3.connect(settings.paden.database)
    try:
        row = conn.execute("SELECT archive_path FROM documents WHERE original_name = ?", (name,)).fetchone()
    finally:
        conn.close()
    return bool(row and row[0]) and not (settings.paden.inbox / name).exists()


def test_run_catches_up_survives_a_failing_job_and_keeps_watching(workspace, caplog):
    caplog.set_level(logging.INFO, logger="wkb_desk")
    settings = workspace("modus = \"polling\"\npoll_seconden = 0.2\n")
    assert run_cli("--config", str(settings.config_path), "daily", "--date", "2026-03-02").returncode == 0

    clock = Clock(dt.datetime(2026, 3, 4, 8, 0))  # two days later, after [dagelijks] tijd (07:00)
    calls: list[dt.date] = []
    fail_once = {dt.date(2026, 3, 5)}

    def daily(desk, day, **kwargs):
        calls.append(day)
        if day in fail_once:
            fail_once.discard(day)
            raise RuntimeError("de schijf met de outbox is even weg")
        return run_daily(desk, day, **kwargs)

    stop, ready = threading.Event(), threading.Event()
    exit_codes: list[int] = []
    thread = threading.Thread(target=lambda: exit_codes.append(run_service(
        settings, stop=stop, ready=ready, now=clock, interval=0.3, daily=daily)), daemon=True)
    thread.start()
    try:
        wait_for(lambda: done_days(settings)[-2:] == ["2026-03-03", "2026-03-04"], 60, "missed days caught up")
        assert calls[:2] == [dt.date(2026, 3, 3), dt.date(2026, 3, 4)]  # oldest first, on start

        clock.set(dt.datetime(2026, 3, 5, 7, 0))  # the next morning: the job fails once
        wait_for(lambda: "is mislukt" in caplog.text, 60, "the failing job")
        bouwmelding(settings.paden.inbox, "2026030400999", dt.date(2026, 3, 4), "Veldweg", "9", "7603 EF", "Almelo",
                    start=dt.date(2026, 4, 20))
        wait_for(lambda: archived(settings, "Verzoek_2026030400999.pdf"), 60, "the watcher took the file")
        wait_for(lambda: "2026-03-05" in done_days(settings), 60, "the failed day run again")
        # The next job (a repeat of the day) lists what the watcher took since; the file is in the overview.
        wait_for(lambda: new_on(settings, "2026-03-05"), 60, "the watched file in the day's overview")
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive() and exit_codes == [0]
    assert "De dagelijkse run voor 2026-03-05 is mislukt" in caplog.text
    assert "de schijf met de outbox is even weg" in caplog.text  # the traceback is in the log
    assert [(r[1], r[2]) for r in new_on(settings, "2026-03-05")] == [
        ("Veldweg 9, Almelo", "bouwmelding: Verzoek_2026030400999.pdf")]


def test_run_before_the_time_catches_up_only_until_yesterday(workspace, caplog):
    settings = workspace("modus = \"polling\"\npoll_seconden = 0.2\n")
    assert run_cli("--config", str(settings.config_path), "daily", "--date", "2026-03-02").returncode == 0
    clock = Clock(dt.datetime(2026, 3, 5, 6, 30))  # before 07:00: today's run is not due yet
    stop, ready = threading.Event(), threading.Event()
    ran: list[dt.date] = []

    def daily(desk, day, **kwargs):
        ran.append(day)
        return run_daily(desk, day, **kwargs)

    thread = threading.Thread(target=run_service, kwargs=dict(settings=settings, stop=stop, ready=ready, now=clock,
                                                              daily=daily), daemon=True)
    thread.start()
    try:
        wait_for(lambda: done_days(settings)[-1:] == ["2026-03-04"], 60, "caught up until yesterday")
    finally:
        stop.set()
        thread.join(timeout=60)
    assert ran == [dt.date(2026, 3, 3), dt.date(2026, 3, 4)]


def test_due_days_catch_up_oldest_first_and_at_most_the_limit(caplog):
    from wkb_desk.daily.run import due_days

    d = dt.date(2026, 3, 10)
    assert due_days(None, d, max_days=7, repeat_target=True) == [d]
    assert due_days(d - dt.timedelta(days=3), d, max_days=7, repeat_target=False) == [
        d - dt.timedelta(days=2), d - dt.timedelta(days=1), d]
    assert due_days(d, d, max_days=7, repeat_target=True) == [d]  # a repeat of today
    assert due_days(d, d, max_days=7, repeat_target=False) == []
    with caplog.at_level(logging.WARNING, logger="wkb_desk"):
        days = due_days(d - dt.timedelta(days=30), d, max_days=7, repeat_target=True)
    assert days == [d - dt.timedelta(days=i) for i in range(6, -1, -1)]
    assert "30 dagen niet gedraaid" in caplog.text


def test_the_run_command_catches_up_today_and_stops_on_sigterm(workspace):
    import os
    import signal
    import subprocess
    import sys

    from conftest import REPO

    settings = workspace('modus = "polling"\npoll_seconden = 0.2\n\n[dagelijks]\ntijd = "00:00"\n')
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "wkb_desk", "--config", str(settings.config_path), "run"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        today = dt.date.today().isoformat()
        wait_for(lambda: settings.paden.database.exists() and today in done_days(settings), 60, "today's run")
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert (settings.paden.outbox / f"dagoverzicht-{today}.docx").exists()
    assert "Dagelijkse run elke dag om 00:00" in err and "Bewaking gestopt" in err

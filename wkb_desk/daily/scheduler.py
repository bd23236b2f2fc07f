"""`wkb-desk run`: the watcher plus the daily run at `[dagelijks] tijd`, unattended, in one process.

One thread owns the Desk (its SQLite connection and the single-writer lock): the watcher's worker. The daily
job runs in that same thread, between two watcher steps (`Watcher.between_steps`), so the watcher and the job
take turns on one Desk and can never deadlock; files that arrive while the job runs wait in the watcher's queue
and are taken right after. The `schedule` package decides when the job is due.

On start, and at every job, the days missed since the last day done (the ledger's `daily_days`) are run first,
oldest first. An exception in a job is logged; the loop goes on, and the failed day is tried again at the next
retry (every `mail_opnieuw_minuten`) or the next job.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

import schedule

from wkb_desk.config import Settings
from wkb_desk.daily import mail, records
from wkb_desk.daily.run import DailyResult, due_days, run_daily
from wkb_desk.errors import ExitCode

log = logging.getLogger("wkb_desk.daily")

DailyFn = Callable[..., DailyResult]


class DailyJobs:
    """The scheduled work of `run`; `tick()` is called by the watcher between its steps."""

    def __init__(self, desk, settings: Settings, *, now: Callable[[], dt.datetime] = dt.datetime.now,
                 interval: float | None = None, daily: DailyFn = run_daily) -> None:
        self.desk = desk
        self.settings = settings
        self.now = now
        self.daily = daily
        self.scheduler = schedule.Scheduler()
        if interval:  # tests and trials: every `interval` seconds instead of once a day
            self.scheduler.every(interval).seconds.do(self.job)
            retry = interval
        else:
            self.scheduler.every().day.at(settings.dagelijks.tijd).do(self.job)
            retry = settings.dagelijks.mail_opnieuw_minuten * 60.0
        if retry > 0:
            self.scheduler.every(retry).seconds.do(self.retry)
        self._started = False
        self._pending_failure = False
        self.runs: list[dt.date] = []  # days run successfully by this process, in order
        self.failures = 0

    def tick(self) -> None:
        if not self._started:
            self.catch_up()  # a failure here (the ledger unreadable) is tried again at the next tick
            self._started = True
        self.scheduler.run_pending()

    def catch_up(self) -> None:
        """At start: the days missed since the last run; today too once its time has passed."""
        now = self.now()
        hour, minute = self.settings.dagelijks.hour_minute
        passed = now.time() >= dt.time(hour, minute)
        today = now.date()
        last = self._last_done()
        if last is None:
            days = [today] if passed else []
        else:
            target = today if passed else today - dt.timedelta(days=1)
            days = due_days(last, target, max_days=self.settings.dagelijks.inhalen_max_dagen, repeat_target=False)
        if days:
            log.info("Inhalen: de dagelijkse run voor %s.", ", ".join(d.isoformat() for d in days))
        self._run_days(days)

    def job(self) -> None:
        """The scheduled daily run: today, after any day missed before it."""
        today = self.now().date()
        days = due_days(self._last_done(), today, max_days=self.settings.dagelijks.inhalen_max_dagen,
                        repeat_target=True)
        self._run_days(days)

    def retry(self) -> None:
        """A failed day again, and waiting e-mails (a mail server that was down)."""
        if self._pending_failure:
            log.info("De dagelijkse run die mislukte, wordt opnieuw geprobeerd.")
            self.job()
            return
        conn = getattr(self.desk, "conn", None)
        if conn is None or getattr(self.desk, "dry_run", False) or not self.settings.email.enabled:
            return
        try:
            if mail.pending(conn):
                mail.send_pending(conn, self.settings)
        except Exception:  # noqa: BLE001 - the loop must go on
            log.exception("Onverwachte fout bij het opnieuw versturen van de e-mail; het wordt later opnieuw geprobeerd.")

    def _last_done(self) -> dt.date | None:
        conn = getattr(self.desk, "conn", None)
        return records.last_done_date(conn) if conn is not None else None

    def _run_days(self, days: list[dt.date]) -> None:
        for day in days:
            try:
                # The watcher is the intake here: it takes each file once complete, so the job does not sweep.
                self.daily(self.desk, day, command="run", sweep=False)
            except Exception:  # noqa: BLE001 - one failed job must not stop the watcher or the schedule
                self.failures += 1
                self._pending_failure = True
                log.exception(
                    "De dagelijkse run voor %s is mislukt. De bewaking gaat door; de run wordt later opnieuw "
                    "geprobeerd (en anders bij de volgende dagelijkse run ingehaald).", day.isoformat(),
                )
                return  # later days wait: a day is never skipped
            self.runs.append(day)
            self._pending_failure = False


def run_service(settings: Settings, *, stop: threading.Event | None = None, ready: threading.Event | None = None,
                dry_run: bool = False, now: Callable[[], dt.datetime] = dt.datetime.now,
                interval: float | None = None, daily: DailyFn = run_daily) -> int:
    """The watcher and the daily job until `stop` is set. Returns an exit code (see intake.watcher.run_watch)."""
    from wkb_desk.desk import Desk
    from wkb_desk.intake.watcher import Watcher

    stop = stop if stop is not None else threading.Event()
    with Desk(settings, command="run", dry_run=dry_run) as desk:
        jobs = DailyJobs(desk, settings, now=now, interval=interval, daily=daily)
        if interval:
            log.info("Dagelijkse run elke %g s (testinstelling).", interval)
        else:
            log.info("Dagelijkse run elke dag om %s.", settings.dagelijks.tijd)
        watcher = Watcher(desk, settings, stop=stop, ready=ready, between_steps=jobs.tick)
        watcher.run()
    return ExitCode.REGISTER_BUSY if watcher.register_busy else ExitCode.OK

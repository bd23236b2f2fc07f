"""The daily run for one date: sweep the inbox, flush (link, rules, letters, register), write the day overview,
queue and send its e-mail, and record it all in the ledger.

Idempotent per date: the overview is written only when its content differs from what was written for that date
(or the file is gone), the e-mail of a date goes out once, letters are made once by the letters package.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wkb_desk.daily import mail, mail_text, records
from wkb_desk.daily.content import arrivals, build_overview
from wkb_desk.daily.document import overview_name, write_overview
from wkb_desk.daily.people import behandelaars
from wkb_desk.intake.sweep import sweep_inbox, sweep_summary
from wkb_desk.intake.files import relative_to
from wkb_desk.ledger import now_iso, transaction

if TYPE_CHECKING:
    from wkb_desk.desk import Desk

log = logging.getLogger("wkb_desk.daily")



@dataclass
class DailyResult:
    date: dt.date
    result: str = records.OK
    overview: Path | None = None
    overview_written: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    sweep: Counter = field(default_factory=Counter)
    register_busy: str | None = None
    mail: str | None = None  # state of the date's e-mail afterwards: 'verzonden' | 'wacht' | None (no e-mail)
    mail_errors: list[str] = field(default_factory=list)
    letters_made: int = 0


def due_days(last_done: dt.date | None, target: dt.date, *, max_days: int, repeat_target: bool) -> list[dt.date]:
    """The dates to run, oldest first: every day after the last one done up to `target`, at most `max_days`.

    No day done yet: only `target`. `repeat_target`: when `target` itself is done already, run it again (a repeat
    changes only what changed since)."""
    if last_done is None:
        return [target]
    days = []
    day = last_done + dt.timedelta(days=1)
    while day <= target:
        days.append(day)
        day += dt.timedelta(days=1)
    if len(days) > max(1, max_days):
        skipped = days[: len(days) - max(1, max_days)]
        log.warning(
            "De dagelijkse run heeft %d dagen niet gedraaid (sinds %s). De laatste %d dagen worden ingehaald; "
            "wat op %s t/m %s verliep, staat als verstreken termijn en signaal in die overzichten.",
            len(days), last_done.isoformat(), max(1, max_days), skipped[0].isoformat(), skipped[-1].isoformat(),
        )
        days = days[len(skipped):]
    if not days and repeat_target and last_done >= target:
        days = [target]
    return days


def run_daily(desk: "Desk", on_date: dt.date, *, command: str = "daily", sweep: bool = True) -> DailyResult:
    """One daily run for `on_date` on an open Desk (which holds the single-writer lock, or is a dry run)."""
    conn, dry = desk.conn, desk.dry_run
    assert conn is not None, "use Desk as a context manager"
    started = time.monotonic()
    result = DailyResult(on_date)
    run_id = None if dry else records.start_run(conn, on_date, command)
    log.info("Dagelijkse run voor %s%s.", on_date.isoformat(), " (proefdraai: er wordt niets geschreven)" if dry else "")
    try:
        before = records.max_document_id(conn)
        if sweep:
            result.sweep = sweep_inbox(desk).counts
            log.info("Inbox: %s", sweep_summary(result.sweep, time.monotonic() - started, dry))
        flush = desk.flush(force=True, on_date=on_date)
        result.register_busy = flush.register_busy
        if flush.register_busy:
            log.warning("Het register is in gebruik door %s en is niet bijgewerkt; de rest van de dagelijkse run gaat "
                        "door (alles staat in het grootboek) en het register volgt bij de volgende run.",
                        flush.register_busy)
        _overview_and_mail(desk, on_date, before, flush, result)
    except BaseException as exc:
        if run_id is not None:
            records.finish_run(conn, run_id, records.FAILED, dict(result.counts), f"fout: {exc}"[:500])
        raise
    result.result = records.REGISTER_BUSY if result.register_busy else records.OK
    if run_id is not None:
        counts: dict[str, Any] = dict(result.counts)
        counts.update({f"inbox_{k.replace(' ', '_')}": v for k, v in result.sweep.items()})
        counts["overzicht_geschreven"] = int(result.overview_written)
        counts["brieven_nu_gemaakt"] = result.letters_made
        if result.mail:
            counts["mail"] = result.mail
        records.finish_run(conn, run_id, result.result, counts, _message(result))
    log.info("Dagelijkse run voor %s klaar in %.1f s: %s", on_date.isoformat(), time.monotonic() - started,
             _message(result))
    return result


def _overview_and_mail(desk: "Desk", on_date: dt.date, before: int, flush: Any, result: DailyResult) -> None:
    from wkb_desk.register.backup import atomic_write, clean_stale_temps
    from wkb_desk.rules.views import build_dossier_views

    settings, conn, dry = desk.settings, desk.conn, desk.dry_run
    views = getattr(flush, "views", None) or build_dossier_views(conn, settings, on_date)
    day = records.get_day(conn, on_date)
    docs_from = records.arrivals_from(conn, on_date, before)
    docs_to = records.max_document_id(conn)
    later = records.next_day_start(conn, on_date)
    if later is not None:
        docs_to = min(docs_to, later)  # a re-run of an older date does not take a later day's arrivals
    if day is not None:
        docs_to = max(docs_to, day.docs_to)

    made, waiting = letters_of_day(conn, on_date)
    letters = getattr(flush, "letters", None)
    result.letters_made = len(getattr(letters, "made", None) or [])

    overview = build_overview(settings, on_date, views, arrivals(conn, docs_from, docs_to), behandelaars(conn),
                              made, waiting)
    result.counts = dict(overview.counts)
    path = settings.paden.outbox / overview_name(on_date)
    result.overview = path
    sha = overview.fingerprint
    unchanged = day is not None and day.overview_sha == sha and path.exists()
    if dry:
        what = "blijft ongewijzigd" if unchanged else "zou worden geschreven"
        log.info("Proefdraai: het dagoverzicht %s %s.", path.name, what)
        if settings.email.enabled and mail.state_of(conn, on_date) != mail.SENT:
            log.info("Proefdraai: de e-mail zou naar %s gaan.", ", ".join(settings.email.aan))
        return

    written_sha = day.overview_sha if day else None
    if not unchanged:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            clean_stale_temps(path)  # a save that was killed halfway leaves a hidden temp file
            atomic_write(path, lambda fh: write_overview(overview, fh, register=settings.paden.register), keep=0)
            written_sha = sha
            result.overview_written = True
            log.info("Dagoverzicht %s %s.", "bijgewerkt:" if day and day.overview_sha else "geschreven:", path)
        except OSError as exc:
            log.warning("Het dagoverzicht %s kon niet worden opgeslagen (%s; is het open in Word?). De volgende run "
                        "probeert het opnieuw.", path.name, exc.strerror or exc)
    else:
        log.info("Dagoverzicht %s is al actueel; niets gewijzigd.", path.name)

    with transaction(conn):
        records.save_day(conn, records.Day(
            on_date, docs_from, docs_to, relative_to(path, settings.base_dir) if written_sha else None, written_sha,
            now_iso() if result.overview_written else (day.written_at if day else None),
        ))
        queued = False
        if settings.email.enabled and written_sha == sha:
            queued = mail.queue(conn, settings, on_date, mail_text.subject(overview),
                                mail_text.body(overview, path.name), path)
    if result.overview_written and day is not None and not queued and settings.email.enabled:
        if mail.state_of(conn, on_date) == mail.SENT:
            log.info("De e-mail van %s was al verstuurd; het bijgewerkte overzicht staat in %s (geen tweede e-mail).",
                     on_date.isoformat(), path.parent)
    report = mail.send_pending(conn, settings)
    result.mail_errors = report.errors
    result.mail = mail.state_of(conn, on_date)


def letters_of_day(conn, on_date: dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(letters made with this date — also by the watcher's flushes that day —, letters waiting for a person now),
    from the letters package's ledger table, so a repeat run lists the same letters."""
    from wkb_desk.letters import store
    from wkb_desk.letters.records import DONE, TEMPLATE_ERROR, WAIT_CHECK

    made, waiting = [], []
    for row in store.all_rows(conn):
        item = {"dossier": row.dossier, "soort": row.soort, "event": row.event, "status": row.status,
                "reden": row.reason, "path": row.file, "adres": row.address}
        if row.status in DONE and row.letter_date == on_date.isoformat():
            made.append(item)
        elif row.status in (WAIT_CHECK, TEMPLATE_ERROR):
            waiting.append(item)
    return made, waiting


def _message(result: DailyResult) -> str:
    c = result.counts
    parts = [f"{c.get('nieuw', 0)} nieuw", f"{c.get('verstreken', 0)} termijn verstreken",
             f"{c.get('komend', 0)} termijn binnenkort", f"{c.get('kritiek', 0)} kritiek",
             f"{c.get('brieven_gemaakt', 0)} brieven", f"{c.get('quarantaine', 0)} in quarantaine"]
    if c.get("brieven_wachten"):
        parts.insert(5, f"{c['brieven_wachten']} brieven wachten op controle")
    text = ", ".join(parts)
    if result.register_busy:
        text += f"; register in gebruik door {result.register_busy}"
    if result.mail == mail.SENT:
        text += "; e-mail verzonden"
    elif result.mail == mail.WAITING:
        text += "; e-mail wacht op de volgende run"
    return text

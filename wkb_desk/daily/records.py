"""The daily run's bookkeeping in the ledger: its runs and the day each overview covers (migration 1001).

A date is *done* once its overview has been recorded (table `daily_days`); a run that failed before that leaves
the date open, so the next run (or `wkb-desk run` at start) catches it up.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from wkb_desk.ledger import now_iso

OK = "ok"
REGISTER_BUSY = "register_in_gebruik"
FAILED = "fout"


@dataclass
class Day:
    run_date: dt.date
    docs_from: int  # documents with id > docs_from and <= docs_to arrived "that day" (since the previous overview)
    docs_to: int
    overview_path: str | None = None
    overview_sha: str | None = None
    written_at: str | None = None


def start_run(conn: sqlite3.Connection, run_date: dt.date, command: str) -> int:
    return conn.execute(
        "INSERT INTO daily_runs (run_date, command, started_at) VALUES (?, ?, ?)",
        (run_date.isoformat(), command, now_iso()),
    ).lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, result: str, counts: dict[str, Any], message: str) -> None:
    conn.execute(
        "UPDATE daily_runs SET finished_at = ?, result = ?, counts_json = ?, message = ? WHERE id = ?",
        (now_iso(), result, json.dumps(counts, ensure_ascii=False, sort_keys=True), message, run_id),
    )


def recent_runs(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = _rows(conn, "SELECT * FROM daily_runs ORDER BY id DESC LIMIT ?", (limit,))
    out = []
    for r in rows:
        out.append({
            "datum": r["run_date"],
            "opdracht": r["command"],
            "gestart": r["started_at"],
            "klaar": r["finished_at"],
            "resultaat": r["result"] or "onderbroken",
            "tellingen": json.loads(r["counts_json"]) if r["counts_json"] else {},
            "melding": r["message"] or "",
        })
    return out


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    """A read that a dry run may make on a ledger from before migration 1001 (opened read-only, not migrated)."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise


def last_done_date(conn: sqlite3.Connection) -> dt.date | None:
    rows = _rows(conn, "SELECT MAX(run_date) FROM daily_days WHERE written_at IS NOT NULL")
    row = rows[0] if rows else None
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def get_day(conn: sqlite3.Connection, run_date: dt.date) -> Day | None:
    rows = _rows(conn, "SELECT * FROM daily_days WHERE run_date = ?", (run_date.isoformat(),))
    if not rows:
        return None
    r = rows[0]
    return Day(dt.date.fromisoformat(r["run_date"]), r["docs_from"], r["docs_to"], r["overview_path"],
               r["overview_sha"], r["written_at"])


def arrivals_from(conn: sqlite3.Connection, run_date: dt.date, before_sweep: int) -> int:
    """Where this date's arrivals begin: as recorded for it before, else after the previous date's overview.

    With no earlier overview at all, the arrivals are what this run's own sweep takes (`before_sweep` is the
    highest document id before it): a first run does not list the whole history as new.
    """
    day = get_day(conn, run_date)
    if day is not None:
        return day.docs_from
    rows = _rows(conn, "SELECT MAX(docs_to) FROM daily_days WHERE run_date < ?", (run_date.isoformat(),))
    return rows[0][0] if rows and rows[0][0] is not None else before_sweep


def next_day_start(conn: sqlite3.Connection, run_date: dt.date) -> int | None:
    """Where the arrivals of the next date with an overview begin (a re-run of an older date stops there)."""
    rows = _rows(conn, "SELECT MIN(docs_from) FROM daily_days WHERE run_date > ?", (run_date.isoformat(),))
    return rows[0][0] if rows else None


def max_document_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(id), 0) FROM documents").fetchone()[0]


def save_day(conn: sqlite3.Connection, day: Day) -> None:
    conn.execute(
        "INSERT INTO daily_days (run_date, docs_from, docs_to, overview_path, overview_sha, written_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(run_date) DO UPDATE SET docs_from = excluded.docs_from,"
        " docs_to = excluded.docs_to, overview_path = excluded.overview_path, overview_sha = excluded.overview_sha,"
        " written_at = excluded.written_at",
        (day.run_date.isoformat(), day.docs_from, day.docs_to, day.overview_path, day.overview_sha, day.written_at),
    )

"""The ledger's `letters` table (migration 0901): claim, finish, hold back, list. All writes in transactions.

A read-only ledger from before migration 0901 (a dry run) simply has no letters yet.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from wkb_desk.ledger import now_iso, transaction
from wkb_desk.letters.records import CLAIMED, WAIT_CHECK, TEMPLATE_ERROR


@dataclass(frozen=True)
class Row:
    id: int
    dossier: str
    soort: str
    event: str
    version: int
    status: str
    reason: str
    file: str | None
    pdf: str | None
    letter_date: str | None
    address: str | None
    kenmerk: str | None
    sent_on: str | None
    created_at: str


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[Row]:
    try:
        cur = conn.execute(
            "SELECT id, dossier_id, soort, event, version, status, reason, file, pdf, letter_date, address, kenmerk,"
            f" sent_on, created_at FROM letters {sql}", params)
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise
    return [Row(*tuple(r)) for r in cur]


def all_rows(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "ORDER BY id")


def latest_by_event(conn: sqlite3.Connection) -> dict[tuple[str, str], Row]:
    """(soort, event) -> its newest version."""
    out: dict[tuple[str, str], Row] = {}
    for row in _rows(conn, "ORDER BY version"):
        out[(row.soort, row.event)] = row
    return out


def for_dossier(conn: sqlite3.Connection, dossier: str) -> list[Row]:
    return _rows(conn, "WHERE dossier_id = ? ORDER BY id", (dossier,))


def used_files(conn: sqlite3.Connection) -> set[str]:
    return {r.file for r in _rows(conn, "WHERE file IS NOT NULL")}


def claim(conn: sqlite3.Connection, *, dossier: str, soort: str, event: str, version: int, file: str,
          letter_date: str, address: str | None, reuse: int | None = None) -> int:
    """Record that this letter is being made (status 'bezig'); `reuse`: the id of a held-back row for the event."""
    now = now_iso()
    with transaction(conn):
        if reuse is not None:
            conn.execute(
                "UPDATE letters SET status = ?, reason = '', file = ?, letter_date = ?, address = ?, dossier_id = ?,"
                " updated_at = ? WHERE id = ?",
                (CLAIMED, file, letter_date, address, dossier, now, reuse))
            letter_id = reuse
        else:
            letter_id = conn.execute(
                "INSERT INTO letters (dossier_id, soort, event, version, status, file, letter_date, address,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (dossier, soort, event, version, CLAIMED, file, letter_date, address, now, now)).lastrowid
        conn.execute("UPDATE letters SET kenmerk = ? WHERE id = ?", (f"{dossier}/{letter_id}", letter_id))
    return letter_id


def finish(conn: sqlite3.Connection, letter_id: int, status: str, reason: str, *, file: str | None = None,
           keep_file: bool = True) -> None:
    with transaction(conn):
        if keep_file:
            conn.execute("UPDATE letters SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                         (status, reason, now_iso(), letter_id))
        else:
            conn.execute("UPDATE letters SET status = ?, reason = ?, file = ?, updated_at = ? WHERE id = ?",
                         (status, reason, file, now_iso(), letter_id))


def set_pdf(conn: sqlite3.Connection, letter_id: int, pdf: str) -> None:
    with transaction(conn):
        conn.execute("UPDATE letters SET pdf = ? WHERE id = ?", (pdf, letter_id))


def hold(conn: sqlite3.Connection, *, dossier: str, soort: str, event: str, status: str, reason: str,
         address: str | None, existing: Row | None) -> int:
    """A letter that is due but not made (waits for a check, or its template is broken)."""
    now = now_iso()
    with transaction(conn):
        if existing is not None:
            conn.execute(
                "UPDATE letters SET status = ?, reason = ?, address = ?, dossier_id = ?, file = NULL, updated_at = ?"
                " WHERE id = ?", (status, reason, address, dossier, now, existing.id))
            return existing.id
        letter_id = conn.execute(
            "INSERT INTO letters (dossier_id, soort, event, version, status, reason, address, created_at, updated_at)"
            " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)", (dossier, soort, event, status, reason, address, now, now)).lastrowid
        conn.execute("UPDATE letters SET kenmerk = ? WHERE id = ?", (f"{dossier}/{letter_id}", letter_id))
        return letter_id


def drop_stale_holds(conn: sqlite3.Connection, due: set[tuple[str, str]]) -> int:
    """Held-back letters whose event is no longer due (the facts changed): they were never made, so they go."""
    stale = [r.id for r in _rows(conn, "WHERE status IN (?, ?)", (WAIT_CHECK, TEMPLATE_ERROR))
             if (r.soort, r.event) not in due]
    if stale:
        with transaction(conn):
            conn.executemany("DELETE FROM letters WHERE id = ?", [(i,) for i in stale])
    return len(stale)


def set_sent(conn: sqlite3.Connection, values: dict[int, Any]) -> int:
    """Store "Verzonden op" as read back from the register: letter id -> ISO date, text, or None (cleared)."""
    known = {r.id: r.sent_on for r in all_rows(conn)}
    changes = [(v, i) for i, v in values.items() if i in known and known[i] != v]
    if changes:
        with transaction(conn):
            conn.executemany("UPDATE letters SET sent_on = ? WHERE id = ?", changes)
    return len(changes)

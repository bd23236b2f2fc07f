"""The SQLite ledger: schema migrations, connection, and the queries the intake needs.

Migrations are the files in wkb_desk/migrations/, applied once each in name order and recorded in
`schema_migrations`. A new migration is a new file; an applied one is never edited.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from wkb_desk.models import Extraction, ReadResult


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)  # explicit transactions only
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # a committed document survives a power cut
    migrate(conn)
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """For --dry-run: read the ledger if there is one, write nothing (not even a new file)."""
    if path.exists():
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        migrate(conn)
    conn.row_factory = sqlite3.Row
    return conn


def migrate(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    folder = resources.files("wkb_desk") / "migrations"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".sql") or entry.name in done:
            continue
        sql = entry.read_text(encoding="utf-8")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (entry.name, now_iso()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(entry.name)
    return applied


def _statements(sql: str) -> Iterator[str]:
    # executescript() would commit on its own; split so a migration is one transaction.
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf
            buf = ""
    if buf.strip():
        yield buf


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --- documents -------------------------------------------------------------------------------


def find_by_sha(conn: sqlite3.Connection, sha256: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM documents WHERE sha256 = ?", (sha256,)).fetchone()


def insert_document(
    conn: sqlite3.Connection,
    *,
    sha256: str,
    original_name: str,
    subfolder: str,
    size: int,
    received_at: str,
    content_type: str | None,
    parent_id: int | None,
    archive_path: str | None,
    status: str,
    error_code: str | None = None,
    error_message: str | None = None,
    read: ReadResult | None = None,
    extraction: Extraction | None = None,
) -> int:
    """Insert (or, for a document that was quarantined before, replace) one document. Inside a transaction."""
    old = find_by_sha(conn, sha256)
    values = dict(
        sha256=sha256,
        original_name=original_name,
        subfolder=subfolder,
        size=size,
        received_at=received_at,
        content_type=content_type,
        parent_id=parent_id,
        archive_path=archive_path,
        status=status,
        error_code=error_code,
        error_message=error_message,
        kind=extraction.kind if extraction else None,
        kind_score=extraction.kind_score if extraction else None,
        extraction_json=json.dumps(extraction.to_json(), ensure_ascii=False) if extraction else None,
    )
    if old is not None:
        doc_id = old["id"]
        sets = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE documents SET {sets} WHERE id = :id", {**values, "id": doc_id})
        conn.execute("DELETE FROM pages WHERE document_id = ?", (doc_id,))
    else:
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        doc_id = conn.execute(f"INSERT INTO documents ({cols}) VALUES ({marks})", values).lastrowid
    if read is not None:
        conn.executemany(
            "INSERT INTO pages (document_id, seq, number, region, label, is_scan, text, ocr_engine)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, p.number, p.region, p.label, int(p.is_scan), p.text, p.ocr_engine)
             for i, p in enumerate(read.pages)],
        )
    return doc_id


def insert_receipt(
    conn: sqlite3.Connection,
    *,
    sha256: str,
    original_name: str,
    subfolder: str,
    received_at: str,
    outcome: str,
    document_id: int | None,
    stored_path: str | None,
) -> None:
    conn.execute(
        "INSERT INTO receipts (sha256, original_name, subfolder, received_at, outcome, document_id, stored_path)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sha256, original_name, subfolder, received_at, outcome, document_id, stored_path),
    )


def document_extraction(row: sqlite3.Row) -> Extraction | None:
    raw = row["extraction_json"]
    return Extraction.from_json(json.loads(raw)) if raw else None


def document_pages(conn: sqlite3.Connection, document_id: int) -> ReadResult:
    """The stored text of a document, as the reader produced it (for re-extraction and rebuilds)."""
    from wkb_desk.models import Page

    doc = conn.execute("SELECT content_type FROM documents WHERE id = ?", (document_id,)).fetchone()
    rows = conn.execute("SELECT * FROM pages WHERE document_id = ? ORDER BY seq", (document_id,)).fetchall()
    pages = tuple(
        Page(r["number"], r["text"], r["region"], r["label"], bool(r["is_scan"]), r["ocr_engine"]) for r in rows
    )
    return ReadResult(content_type=doc["content_type"] if doc else "", pages=pages)


def status_counts(conn: sqlite3.Connection) -> dict[str, Any]:
    def count(sql: str) -> dict[str, int]:
        return {str(k): v for k, v in conn.execute(sql).fetchall()}

    return {
        "documenten": count("SELECT status, COUNT(*) FROM documents GROUP BY status"),
        "soorten": count("SELECT COALESCE(kind, '-'), COUNT(*) FROM documents WHERE status = 'verwerkt' GROUP BY kind"),
        "ontvangsten": count("SELECT outcome, COUNT(*) FROM receipts GROUP BY outcome"),
        "dossiers": conn.execute("SELECT COUNT(*) FROM dossiers WHERE merged_into IS NULL").fetchone()[0],
    }


# --- runs --------------------------------------------------------------------------------------


def start_run(conn: sqlite3.Connection, command: str) -> int:
    return conn.execute("INSERT INTO runs (command, started_at) VALUES (?, ?)", (command, now_iso())).lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, summary: dict[str, Any]) -> None:
    conn.execute(
        "UPDATE runs SET finished_at = ?, summary_json = ? WHERE id = ?",
        (now_iso(), json.dumps(summary, ensure_ascii=False), run_id),
    )

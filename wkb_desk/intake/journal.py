"""Crash safety for file moves.

Moving a file out of the inbox takes three steps:

1. record the intended targets (`intents`, state 'pending') and commit;
2. write the copies (archive, quarantine, reason file), each flushed to disk;
3. record the document(s) and mark the intents 'committed' in one transaction;
4. remove the original from the inbox, then forget the intents.

`recover()` runs before every batch. A 'pending' group means the crash came before step 3: the
copies are deleted (the original is still in the inbox and will be processed again). A 'committed'
group means the crash came after step 3: the original is removed from the inbox if it is still there
and has the same bytes. Either way no document is lost and none is recorded twice.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from wkb_desk.intake.analysis import sha256_file
from wkb_desk.ledger import now_iso, transaction

log = logging.getLogger(__name__)


def plan(conn: sqlite3.Connection, group_sha: str, source: Path, targets: list[Path]) -> None:
    with transaction(conn):
        conn.executemany(
            "INSERT INTO intents (group_sha, source, target, state, created_at) VALUES (?, ?, ?, 'pending', ?)",
            [(group_sha, str(source), str(t), now_iso()) for t in targets],
        )


def mark_committed(conn: sqlite3.Connection, group_sha: str) -> None:
    """Call inside the transaction that records the documents."""
    conn.execute("UPDATE intents SET state = 'committed' WHERE group_sha = ?", (group_sha,))


def forget(conn: sqlite3.Connection, group_sha: str) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM intents WHERE group_sha = ?", (group_sha,))


def recover(conn: sqlite3.Connection) -> int:
    rows = conn.execute("SELECT group_sha, source, target, state FROM intents ORDER BY id").fetchall()
    groups: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        groups.setdefault(row["group_sha"], []).append(row)
    for group_sha, items in groups.items():
        source = Path(items[0]["source"])
        if items[0]["state"] == "pending":
            if source.exists():
                for item in items:
                    Path(item["target"]).unlink(missing_ok=True)
                log.warning("Onderbroken verwerking van %s hersteld: het bestand wordt opnieuw verwerkt.", source.name)
            else:
                # The original is gone (a person moved it away): keep whatever copies exist.
                log.warning("Onderbroken verwerking van %s: het origineel staat niet meer in de inbox; kopieën bewaard.", source.name)
        else:
            if source.exists() and sha256_file(source)[0] == group_sha:
                source.unlink()
                log.info("Onderbroken verwerking van %s afgerond: het origineel staat in het archief.", source.name)
        forget(conn, group_sha)
    return len(groups)

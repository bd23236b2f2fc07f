"""Who handles a dossier: the register's person-owned column "Behandelaar".

The register's read-back (register/readback.py) copies people's columns into `register_people` at every
register update, so after `Desk.flush` the ledger knows what the team typed there.
"""

from __future__ import annotations

import json
import sqlite3

from wkb_desk.register.schema import header_key

BEHANDELAAR = "Behandelaar"


def behandelaars(conn: sqlite3.Connection) -> dict[str, str]:
    """dossier -> behandelaar as typed in the register (dossiers without one are absent)."""
    wanted = header_key(BEHANDELAAR)
    out: dict[str, str] = {}
    for dossier, header, value_json in conn.execute("SELECT dossier_id, header, value_json FROM register_people"):
        if header_key(header) != wanted:
            continue
        value = json.loads(value_json)
        if isinstance(value, dict):  # a date typed into the column
            value = value.get("datum", "")
        text = str(value).strip() if value is not None else ""
        if text:
            out[dossier] = text
    return out

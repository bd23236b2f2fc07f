"""The register's Brieven sheet: every letter in the ledger, and the one column people own, "Verzonden op".

The rows are the tool's (regenerated from the ledger at each save, keyed by the letter number "Nr"); what a
person types in "Verzonden op" is read back first and stored in the ledger (letters.sent_on), so it survives
every update and a rebuild. Columns are found by header text.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import sqlite3
from typing import Any
from urllib.parse import quote

from wkb_desk.config import Settings
from wkb_desk.register import schema
from wkb_desk.register.ooxml import Package, Sheet, cell_value, from_serial

SENT = "Verzonden op"
STATUS_TEXT = {
    "gemaakt": "gemaakt",
    "wacht_op_adres": "gemaakt, wacht op adres",
    "wacht_op_controle": "wacht op controle (niet gemaakt)",
    "sjabloon_fout": "sjabloonfout (niet gemaakt)",
}


def read_sent(pkg: Package, *, trusted: bool) -> dict[int, Any]:
    """Letter number -> what the sheet's "Verzonden op" holds (ISO date, text, or None when empty).

    An empty cell counts only in a file the tool saved last (`trusted`): a restored copy never clears dates.
    """
    ref = pkg.sheets.get(schema.LETTERS_SHEET)
    if ref is None:
        return {}
    sheet = Sheet.parse(pkg.text(ref.path))
    sst = pkg.shared_strings()
    dates = pkg.date_styles()
    columns: dict[str, int] = {}
    out: dict[int, Any] = {}
    for row in sheet.rows:
        cells = {col: (style, cell_value(t, inner, sst)) for col, style, t, inner, _raw in row.cells()
                 if inner is not None}
        if row.r == 1:
            columns = {schema.header_key(v): c for c, (_s, v) in cells.items() if v is not None}
            continue
        nr_col, sent_col = columns.get("nr"), columns.get(schema.header_key(SENT))
        if nr_col is None or sent_col is None:
            return {}
        nr = cells.get(nr_col, (None, None))[1]
        try:
            number = int(nr)
        except (TypeError, ValueError):
            continue
        style, value = cells.get(sent_col, (None, None))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and style in dates and 0 < value < 2958466:
            value = from_serial(value).isoformat()
        elif isinstance(value, str):
            value = value.strip() or None
        elif value is not None:
            value = str(value)
        if value is None and not trusted:
            continue
        out[number] = value
    return out


def letter_rows(settings: Settings, conn: sqlite3.Connection) -> list[tuple[list[Any], str | None]]:
    """(row values in LETTER_HEADERS order, relative link to the letter or None) per letter."""
    from wkb_desk.letters import store
    from wkb_desk.letters.kinds import BY_SOORT

    register_dir = settings.paden.register.parent
    prefix = os.path.relpath(settings.base_dir, register_dir).replace(os.sep, "/")
    out = []
    for row in store.all_rows(conn):
        if row.status not in STATUS_TEXT:
            continue  # a claim being written right now
        kind = BY_SOORT.get(row.soort)
        title = kind.titel if kind else row.soort
        if row.version > 1:
            title += f" (versie {row.version})"
        day = _date(row.letter_date) or _date(row.created_at)
        target = None
        if row.file:
            target = quote(posixpath.normpath(posixpath.join(prefix, row.file.replace("\\", "/"))),
                           safe="/._-~()!$&'*+,;=:@")
        sent = _date(row.sent_on) if row.sent_on and len(row.sent_on) == 10 else row.sent_on
        out.append(([row.id, day, row.dossier, row.address, title, row.kenmerk, STATUS_TEXT[row.status],
                     row.reason or None, posixpath.basename(row.file) if row.file else None, sent], target))
    return out


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None

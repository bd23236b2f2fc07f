"""What the register shows: sheets, columns (exact Dutch headers), value types, widths, and value conversion.

Columns are found by header text, never by position: people may reorder or insert columns. A header that
differs only in case or surrounding spaces still counts as the same column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from wkb_desk.models import DossierView
from wkb_desk.register.ooxml import clean
from wkb_desk.rules.certainty import FACT_WORDS as CHECK_WORDS

REGISTER_SHEET = "Register"
DOCUMENTS_SHEET = "Documenten"
LETTERS_SHEET = "Brieven"
OVERVIEW_SHEET = "Overzicht"
LISTS_SHEET = "Lijsten"  # hidden: style templates, drop-down lists, the tool's version token
TABLE_NAME = "Register"
DATE_FORMAT = "dd-mm-yyyy"  # Excel shows it as dd-mm-jjjj in a Dutch locale


@dataclass(frozen=True)
class Column:
    key: str  # DossierView attribute for tool columns; for people's columns the header itself
    header: str
    kind: str  # "text" | "date" | "wrap"
    width: float
    tool: bool = True  # False: the column belongs to people


REGISTER_COLUMNS: tuple[Column, ...] = (
    Column("dossier", "Dossier", "text", 15),
    Column("verzoeknummer", "Verzoeknummer", "text", 16),
    Column("adres", "Adres", "text", 28),
    Column("postcode", "Postcode", "text", 10),
    Column("plaats", "Plaats", "text", 14),
    Column("omschrijving", "Omschrijving", "text", 30),
    Column("kwaliteitsborger", "Kwaliteitsborger", "text", 20),
    Column("instrument", "Instrument", "text", 14),
    Column("datum_bouwmelding", "Datum bouwmelding", "date", 13),
    Column("geplande_start", "Geplande start", "date", 13),
    Column("startmelding", "Startmelding", "date", 13),
    Column("gereedmelding", "Gereedmelding", "date", 13),
    Column("ingebruikname", "Ingebruikname", "date", 13),
    Column("verklaring", "Verklaring", "text", 11),
    Column("status", "Status", "text", 18),
    Column("signalen", "Signalen", "wrap", 60),
    Column("ontbreekt", "Ontbreekt", "wrap", 30),
    Column("volgende_termijn", "Volgende termijn", "date", 36),  # shows which deadline: "Uiterste startmelding 12-05-2026"
    Column("behandelaar", "Behandelaar", "text", 16, tool=False),
    Column("opmerkingen", "Opmerkingen", "wrap", 40, tool=False),
    # guesses: facts read with doubt (rules/certainty.py); a person confirms with "ja" (or a date) in Gecontroleerd,
    # or corrects the value itself
    Column("te_controleren", "Te controleren", "wrap", 30),
    Column("gecontroleerd", "Gecontroleerd", "text", 13),
    Column("melder", "Melder", "text", 24),
    Column("melder_adres", "Adres melder", "text", 24),
    Column("melder_postcode", "Postcode melder", "text", 10),
    Column("melder_plaats", "Plaats melder", "text", 14),
    Column("melder_email", "E-mail melder", "text", 26),
)
TOOL_COLUMNS = tuple(c for c in REGISTER_COLUMNS if c.tool)

# Which tool columns a workbook was made or last updated with is recorded in it (Lijsten, column D): a tool column
# the record lacks is new in this version and is appended to the sheet; one it has but the sheet lacks was deleted
# by a person and stays deleted. Registers from before the record are taken to have the tool columns of the
# release before "Te controleren" and the melder columns (commit 3e11c36), so they get exactly those.
RECORD_HEADER = "Toolkolommen"
PREVIOUS_RELEASE_KEYS = frozenset({
    "dossier", "verzoeknummer", "adres", "postcode", "plaats", "omschrijving", "kwaliteitsborger", "instrument",
    "datum_bouwmelding", "geplande_start", "startmelding", "gereedmelding", "ingebruikname", "verklaring", "status",
    "signalen", "ontbreekt", "volgende_termijn",
})

# Row heights: a row is as tall as its longest wrapped cell needs, within a maximum (the rest shows on a click).
LINE_POINTS = 15.0
MAX_ROW_LINES = 8
FILTER_BUTTON_CHARS = 4  # a header needs room for its text and the table's filter button


def header_width(col: "Column") -> float:
    """A column width at which the whole header shows next to its filter button."""
    return max(col.width, len(col.header) + FILTER_BUTTON_CHARS)


def row_height(wrapped: list[tuple[str, float]]) -> float | None:
    """Points for a row whose wrapped cells hold these (text, column width) pairs; None: one line is enough."""
    lines = 1
    for text, width in wrapped:
        per_line = max(1.0, width - 1)
        # a width unit holds ~1.1 characters of Dutch text in Calibri 11 (measured on rendered registers); rounding up
        needed = sum(max(1, -(-int(len(part) * 0.9) // int(per_line))) for part in text.split("\n"))
        lines = max(lines, needed)
    if lines <= 1:
        return None
    return min(lines, MAX_ROW_LINES) * LINE_POINTS + 3


def deadline_template(code: str) -> str:
    """Name of the Lijsten template style that shows a date as '<which deadline> dd-mm-jjjj'."""
    return f"termijn_{code}"
BY_HEADER = {c.header.casefold(): c for c in REGISTER_COLUMNS}
KEY_COLUMN = "dossier"  # identifies a row; never a correction
# Columns the rules compute. A person's edit there holds until the facts change (see migration 0202).
DERIVED = frozenset({"signalen", "ontbreekt", "volgende_termijn", "te_controleren"})

DOCUMENT_HEADERS = ("Nr", "Document", "Soort", "Dossier", "Ontvangen", "Status", "Reden", "Map")
DOCUMENT_WIDTHS = (7, 45, 20, 15, 12, 13, 50, 25)
# Brieven (see letters_sheet.py): the tool's rows; "Verzonden op" belongs to people.
LETTER_HEADERS = ("Nr", "Datum", "Dossier", "Adres", "Brief", "Kenmerk", "Status", "Reden", "Bestand", "Verzonden op")
LETTER_WIDTHS = (6, 12, 15, 28, 36, 18, 24, 50, 55, 13)

SEVERITY_MARK = "[{}] "  # "[kritiek] Startmelding ontbreekt ..." — the conditional formats search for it


def header_key(text: Any) -> str:
    return str(text).strip().casefold() if text is not None else ""


def flag_text(view: DossierView) -> str | None:
    lines = [SEVERITY_MARK.format(f.severity) + f.message for f in view.signalen]
    return "\n".join(lines) or None


def view_values(view: DossierView) -> dict[str, Any]:
    """Tool column key -> the cell value (str, date or None)."""
    out: dict[str, Any] = {}
    for col in TOOL_COLUMNS:
        if col.key == "signalen":
            value: Any = flag_text(view)
        elif col.key == "ontbreekt":
            value = ", ".join(view.ontbreekt) or None
        elif col.key == "te_controleren":
            value = ", ".join(CHECK_WORDS.get(k, k) for k in view.te_controleren) or None
        elif col.key == "volgende_termijn":
            value = view.volgende_termijn.date if view.volgende_termijn else None
        else:
            value = getattr(view, col.key, None)
        if isinstance(value, str):
            value = value if value.strip() else None
        out[col.key] = value
    return out


_DATE_NL = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$")


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    m = _DATE_NL.match(text)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def correction_cell(kind: str, value: str | None) -> Any:
    """A stored correction as the cell shows it: a real date where the text is one, else the text."""
    if value is None:
        return None
    if kind == "date":
        return parse_date(value) or value
    return value


def norm(value: Any, kind: str) -> str | None:
    """Comparable form of a cell value: what the tool wrote and what a person typed meet here."""
    if value is None:
        return None
    if value.__class__ is str:  # the common case, kept fast: called for every tool cell of every row
        value = clean(value)
        if not value.strip():
            return None
        return value.replace("\r\n", "\n") if "\r\n" in value else value
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if kind == "date" and 0 < value < 2958466:
            from wkb_desk.register.ooxml import from_serial

            return from_serial(value).isoformat()
        return str(int(value)) if float(value).is_integer() else repr(value)
    text = clean(str(value))
    if not text.strip():
        return None
    return text.replace("\r\n", "\n")


def correction_value(value: Any, kind: str) -> str | None:
    """What goes into table `corrections`: ISO for dates, the typed text otherwise, NULL when cleared."""
    return norm(value, kind)

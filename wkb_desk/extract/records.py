"""A portal's export filtered to one melding: a row of column names over one row of values, in a spreadsheet or a
CSV. Such a sheet has no title of its own; its kind is named in the sheet's name or a note beside it
("Startmeldingen Q1", "Filter: 1 startmelding"), in the plural as an export names its rows, or only shown by the
columns it has. A sheet of several records is an overview of several meldingen and is none of them. A portal's
summary that calls itself only a "melding" is read by its fields the same way."""

from __future__ import annotations

import re

from wkb_desk.extract.locate import Line

RECORD_HEADS = 5  # column names at least
RECORD_VALUES = 4  # filled cells in the one row of values at least
NAMED_SCORE = 0.6  # the sheet's name or its note names the kind
SHOWN_SCORE = 0.45  # only the fields show it: below beleid.min_soort_zekerheid, a guess for a person to confirm

_DIGIT = re.compile(r"\d")
# the meldingen an export lists, singular or plural, as a sheet's name or a note says them
_KIND_WORDS = (
    # ("geplande start bouw" is a bouwmelding's column: only the notice's own name counts)
    ("startmelding", re.compile(r"(?i)\bstartmelding(?:en)?\b")),
    ("gereedmelding", re.compile(r"(?i)\bgereedmelding(?:en)?\b")),
    ("bouwmelding", re.compile(r"(?i)\b(?:bouwmelding(?:en)?|melding(?:en)? bouwactiviteit)\b")),
)


def _table_rows(lines: list[Line]) -> dict[int, list[Line]]:
    """Per page, its lines of several cells (rows of a table)."""
    rows: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.region == "body" and ln.text.count("\t") >= RECORD_VALUES - 1:
            rows.setdefault(ln.page, []).append(ln)
    return rows


# a register's column that marks the row this document is about ("Betreft deze melding: ja/nee" over "ja")
_THIS_ONE_HEADER = re.compile(r"(?i)\b(?:betreft (?:deze|dit)|deze melding|deze mld\b|dit (?:project|verzoek)|this (?:project|notification)|"
                              r"geselecteerd|selectie)\b")
_YES_CELL = re.compile(r"(?i)^\s*(?:ja|j|yes|x|✓|✔|☒)\s*$")


def this_one_column(cells) -> int | None:
    """The column of a table's heading row that marks the document's own row, if it has one."""
    return next((i for i, c in enumerate(cells) if _THIS_ONE_HEADER.search(c)), None)


def marked_rows(rows: list[Line], col: int) -> list[Line]:
    """The rows that say "ja" (or tick) in column `col`: the ones a register marks as this document's."""
    return [ln for ln in rows if col < len(ln.cells) and _YES_CELL.match(ln.cells[col])]


def one_record(lines: list[Line]) -> tuple[Line, Line] | None:
    """(column names, values) of the document's one table that holds one record; None when there is none, or a
    table holds several records (an overview of several meldingen) of which none is marked as this one."""
    found = None
    for page_rows in _table_rows(lines).values():
        head, *values = page_rows
        heads = [c for c in head.cells if c.strip()]
        if len(heads) < RECORD_HEADS or any(_DIGIT.search(c) for c in heads):
            continue  # no row of column names: a form's or a risk list's rows
        col = this_one_column(head.cells)
        marked = marked_rows(values, col) if col is not None else []
        if len(marked) == 1:
            values = marked  # a builder's register sent with the melding: its marked row is the melding
        if len(values) != 1 or found is not None:
            return None
        filled = [c for c in values[0].cells if c.strip()]
        if len(filled) < RECORD_VALUES or not any(_DIGIT.search(c) for c in filled):
            return None
        found = (head, values[0])
    return found


def _named_kind(texts: list[str]) -> str | None:
    named = {kind for kind, rx in _KIND_WORDS if any(rx.search(t) for t in texts)}
    return named.pop() if len(named) == 1 else None


def record_kind(lines: list[Line], fields: set[str]) -> tuple[str, float] | None:
    """The kind of a one-record export and how sure that is; `fields` are the fields read from it."""
    record = one_record(lines)
    if record is None:
        return None
    head, values = record
    # the record's own page first (its sheet's name above the table), then the notes on other pages
    # ("Legenda: RequestNumber = DSO-verzoeknummer startmelding"); the column names name other documents
    # ("Bouwmelding" over the bouwmelding's number in a startmelding's record)
    own = [ln.text for ln in lines if ln.page == head.page and ln.pos < head.pos]
    notes = [ln.text for ln in lines if ln.page != head.page and ln.region == "body"]
    kind = _named_kind(own) or _named_kind(notes)
    if kind is not None:
        return kind, NAMED_SCORE
    shown = kind_shown_by_fields(fields)
    return (shown, SHOWN_SCORE) if shown else None


def kind_shown_by_fields(fields: set[str]) -> str | None:
    """Which melding a record is that does not say it: a number it refers to, and what a later notice adds (a
    start, an ingebruikname); or the planned start with the borging, as a bouwmelding states them."""
    if "verwijst_naar" in fields:
        if "ingebruikname" in fields:
            return "gereedmelding"
        return "startmelding" if "startdatum" in fields else None
    if "ingebruikname" in fields:
        return "gereedmelding"
    if "startdatum" in fields and {"kwaliteitsborger", "instrument", "gevolgklasse"} & fields:
        return "bouwmelding"
    return None


# a portal's summary that calls itself a melding and no more ("Samenvatting van uw melding", "... van uw aanvraag")
# ("Omgevingsloket – Melding", "Uw melding is verzonden": a portal's page or a phone's screen of one melding)
_GENERIC_MELDING = re.compile(r"(?i)^\s*(?:omgevingsloket\s*[-–—|:]\s*)?"
                              r"(?:(?:samenvatting|overzicht|kopie|afdruk|ontvangstbevestiging)\s+(?:van\s+)?)?"
                              r"(?:uw\s+|de\s+|een\s+)?(?:melding|aanvraag|verzoek)(?:\s+is(?:\s+verzonden)?)?\s*$")
GENERIC_FIELDS = 4  # fields such a summary gives at least to be read by them


def generic_melding_kind(titles: list[str], fields: set[str]) -> tuple[str, float] | None:
    """The kind of a summary titled only "melding", shown by its fields; a guess."""
    if len(fields) < GENERIC_FIELDS or not any(_GENERIC_MELDING.match(t) for t in titles):
        return None
    shown = kind_shown_by_fields(fields)
    return (shown, SHOWN_SCORE) if shown else None

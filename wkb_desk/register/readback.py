"""Read the register back: what people typed, changed, added or deleted since the tool last saved it.

A tool cell whose value differs from what the tool wrote last time (table `register_rows`) was changed by a
person: that value becomes a correction (table `corrections`, keyed by the DossierView attribute, source
'register') and wins from then on, also for the rules. People's columns (Behandelaar, Opmerkingen, any column
the tool does not know) are copied to `register_people` so that a rebuild restores them.

Columns the rules derive (Signalen, Ontbreekt, Volgende termijn): a person's edit there is kept only until
the tool's own value for the cell changes (new facts); then the tool refills it and the correction is dropped.

Deleted rows: a dossier the tool wrote before whose row is gone was deleted by a person. It is recorded in
`register_deleted` and not recreated on later updates — unless a new document arrives for that dossier (new
facts need attention), or `wkb-desk rebuild` runs, which brings every dossier back.

The comparison is only trusted when the workbook carries the token of the tool's last save (sheet Lijsten):
a register restored from a back-up or copied in is rewritten from the ledger instead of being read as edits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from wkb_desk.register import schema
from wkb_desk.register.build import LIST_FIRST_ROW, RECORD_COL, TEMPLATE_CELLS, TOKEN_CELL
from wkb_desk.register.ooxml import (
    OoxmlError, Package, Row, Sheet, cell_value, from_serial, ref_bounds, resolve_target, split_ref,
)


@dataclass
class RegisterRow:
    dossier: str
    row: Row
    values: dict[int, Any]  # column -> value
    styles: dict[int, int]  # column -> style index


@dataclass
class Snapshot:
    sheet: Sheet
    sheet_path: str
    header_row: int
    headers: list[tuple[int, str]]  # (column, header text) in sheet order
    columns: dict[str, int]  # header key -> column (first occurrence)
    rows: dict[str, RegisterRow]
    table_path: str | None
    token: str | None
    templates: dict[str, int]
    date_styles: set[int]
    recorded: frozenset[str] | None = None  # tool column keys the workbook has had (Lijsten D); None: no record
    last_col: int = 0  # rightmost column with a value in any row of the sheet
    painted: dict[int, list[int]] = field(default_factory=dict)  # rows coloured as a whole -> new columns to colour


    def tool_columns(self) -> list[tuple[schema.Column, int]]:
        return [(c, self.columns[schema.header_key(c.header)]) for c in schema.TOOL_COLUMNS
                if schema.header_key(c.header) in self.columns]

    def people_columns(self) -> list[tuple[str, int]]:
        tool = {schema.header_key(c.header) for c in schema.TOOL_COLUMNS}
        seen, out = set(), []
        for col, header in self.headers:
            key = schema.header_key(header)
            if key not in tool and key not in seen:
                seen.add(key)
                out.append((header.strip(), col))
        return out


@dataclass
class Findings:
    corrections: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (dossier, key) -> value
    derived_base: dict[tuple[str, str], str | None] = field(default_factory=dict)  # tool value under a derived edit
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # dossier -> header -> typed value
    deleted: list[str] = field(default_factory=list)


def read_register(pkg: Package) -> Snapshot:
    ref = pkg.sheets.get(schema.REGISTER_SHEET)
    if ref is None:
        raise OoxmlError(f"het tabblad '{schema.REGISTER_SHEET}' ontbreekt")
    sheet = Sheet.parse(pkg.text(ref.path))
    table_path = None
    header_row = 1
    for rel in pkg.rels(ref.rels_path):
        if rel.get("Type", "").endswith("/table"):
            path = resolve_target(ref.path.rsplit("/", 1)[0], rel["Target"])
            m = re.search(r'<table\b[^>]*?\sref="([^"]+)"', pkg.text(path))
            if m:
                table_path = path
                header_row = ref_bounds(m.group(1))[1]
                break
    sst = pkg.shared_strings()
    headers: list[tuple[int, str]] = []
    rows: dict[str, RegisterRow] = {}
    parsed: list[tuple[Row, dict[int, Any], dict[int, int]]] = []
    last_col = 0
    for row in sheet.rows:
        if not row.inner:
            continue
        values: dict[int, Any] = {}
        styles: dict[int, int] = {}
        for col, style, t, inner, _raw in row.cells():
            if inner is not None:
                v = cell_value(t, inner, sst)
                if v is not None and v != "":
                    values[col] = v
            if style:
                styles[col] = style
        if values:
            last_col = max(last_col, max(values))
        if row.r < header_row:
            continue
        if row.r == header_row:
            headers = [(c, str(v)) for c, v in sorted(values.items()) if str(v).strip()]
        else:
            parsed.append((row, values, styles))
    columns: dict[str, int] = {}
    for col, header in headers:
        columns.setdefault(schema.header_key(header), col)
    key_col = columns.get(schema.header_key("Dossier"))
    if key_col is None:
        raise OoxmlError("de kolom 'Dossier' ontbreekt in het tabblad Register")
    for row, values, styles in parsed:
        key = values.get(key_col)
        if key is None:
            continue  # a person's own row: left alone
        key = str(key).strip()
        if key and key not in rows:
            rows[key] = RegisterRow(key, row, values, styles)
    templates, token, recorded = _lists_info(pkg)
    return Snapshot(sheet, ref.path, header_row, headers, columns, rows, table_path, token, templates, pkg.date_styles(),
                    recorded, last_col)


def _lists_info(pkg: Package) -> tuple[dict[str, int], str | None, frozenset[str] | None]:
    """Style templates and token (row 1) and the record of tool columns (column D) of the Lijsten sheet."""
    ref = pkg.sheets.get(schema.LISTS_SHEET)
    templates: dict[str, int] = {}
    token = None
    if ref is None:
        return templates, token, None
    sheet = Sheet.parse(pkg.text(ref.path))
    wanted = {split_ref(cell)[0]: name for name, cell in TEMPLATE_CELLS.items()}
    token_col = split_ref(TOKEN_CELL)[0]
    record_head = False
    keys: set[str] = set()
    for row in sheet.rows:
        if row.r == 1:
            for col, style, t, inner, _raw in row.cells():
                if col in wanted:
                    templates[wanted[col]] = style or 0
                elif col == token_col:
                    v = cell_value(t, inner, pkg.shared_strings())
                    token = str(v) if v else None
            continue
        for col, _style, t, inner, _raw in row.cells():
            if col != RECORD_COL:
                continue
            v = cell_value(t, inner, pkg.shared_strings())
            if row.r == LIST_FIRST_ROW - 1:
                record_head = str(v).strip() == schema.RECORD_HEADER
            elif row.r >= LIST_FIRST_ROW and v is not None and str(v).strip():
                keys.add(str(v).strip())
    return templates, token, (frozenset(keys) if record_head else None)


def people_value(value: Any, style: int | None, date_styles: set[int]) -> Any:
    """A people's cell as stored for a rebuild: JSON-able, dates marked as such."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and style in date_styles and 0 < value < 2958466:
        return {"datum": from_serial(value).isoformat()}
    return value


def stored_people_cell(value: Any) -> Any:
    if isinstance(value, dict) and "datum" in value:
        try:
            return dt.date.fromisoformat(value["datum"])
        except ValueError:
            return value["datum"]
    return value


def detect(snap: Snapshot, state: dict[str, dict[str, Any]] | None) -> Findings:
    """Compare the sheet with the tool's last save. `state` None: unknown file, trust no difference."""
    found = Findings()
    tool_cols = snap.tool_columns()
    people_cols = snap.people_columns()
    for dossier, row in snap.rows.items():
        ppl = {}
        for header, col in people_cols:
            v = row.values.get(col)
            if v is not None:
                ppl[header] = people_value(v, row.styles.get(col), snap.date_styles)
        found.people[dossier] = ppl
        if state is None or dossier not in state:
            continue
        last = state[dossier]
        for column, col in tool_cols:
            if column.key == schema.KEY_COLUMN:
                continue
            current = schema.norm(row.values.get(col), column.kind)
            if current != last.get(column.key):
                found.corrections[(dossier, column.key)] = correction_value(row.values.get(col), column.kind)
                if column.key in schema.DERIVED:
                    found.derived_base[(dossier, column.key)] = last.get(column.key)
    if state is not None:
        found.deleted = [d for d in state if d not in snap.rows]
    return found


def correction_value(value: Any, kind: str) -> str | None:
    text = schema.norm(value, kind)
    if text is not None and kind == "date" and isinstance(value, str):
        parsed = schema.parse_date(value)
        return parsed.isoformat() if parsed else text
    return text

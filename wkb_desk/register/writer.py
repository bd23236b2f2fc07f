"""update_register: read people's edits back, then write the ledger's view into the workbook in one save.

Design (why it is fast and keeps people's work):
- The workbook is patched as a zip of XML parts, not loaded into openpyxl. Untouched rows, people's cells,
  widths, filters, colours, extra columns, charts and everything else are copied byte for byte; only tool cells
  whose value changes are rewritten (keeping the cell's own style), new dossiers are appended as new rows, and
  the table/autofilter ranges are extended. Cost ~ one pass over the XML, memory ~ a few times its size.
- Documenten, Overzicht and Lijsten are the tool's sheets: their rows are regenerated; their widths, filters
  and view settings (outside the rows) are kept.
- Before writing, the sheet is compared with `register_rows` (what the tool wrote last): differences are
  people's edits -> corrections. The rows written carry every stored correction, so a person's value is written
  back even when the views given were built before the edit was read.
- One save per call: temp file in the register folder, back-up of the old file, os.replace.
- Crash safety of the bookkeeping: the state of a save is stored as `pending` with a fresh token before the
  swap; the token is also written into the workbook (Lijsten!G1). At the next read the file's token tells
  whether the swap happened (promote pending) or not (drop it). So a tool value is never mistaken for an edit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import logging
import os
import posixpath
import re
import sqlite3
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union
from urllib.parse import quote

from wkb_desk.config import Settings
from wkb_desk.ledger import now_iso, transaction
from wkb_desk.models import DossierView
from wkb_desk.register import backup, build, lock, readback, schema
from wkb_desk.register.ooxml import (
    HYPERLINK_TYPE, OoxmlError, Package, Sheet, add_hyperlinks, cell_value, cell_xml, col_letter, column_widths, patch_row, ref_bounds, set_dimension,
    add_filled_xf, attrs, set_column_widths, set_hyperlinks, set_ref_end, split_ref, widen_row_ranges,
    with_row_height, xf_fills,
)


log = logging.getLogger("wkb_desk.register")

Views = Union[Iterable[DossierView], Callable[[], Iterable[DossierView]]]
GONE = '{"_gone": 1}'
MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass
class RegisterResult:
    path: Path
    saved: bool = False  # False: nothing changed (or dry run)
    dry_run: bool = False
    rebuilt: bool = False  # a new workbook was made (first run, rebuild, or unreadable register)
    rows_added: int = 0
    rows_updated: int = 0
    cells_written: int = 0
    corrections: list[tuple[str, str, str | None]] = field(default_factory=list)  # (dossier, key, value) read back
    deleted: list[str] = field(default_factory=list)  # rows people deleted, recorded now
    hidden_deleted: int = 0  # dossiers not shown because people deleted their row before
    restored: list[str] = field(default_factory=list)  # deleted rows back because a new document arrived
    refilled: list[tuple[str, str]] = field(default_factory=list)  # (dossier, key): a person's derived edit overtaken
    removed: list[str] = field(default_factory=list)  # rows emptied: the ledger folded the dossier into another
    documents: int = 0
    columns_added: list[str] = field(default_factory=list)  # headers of tool columns new to this workbook
    columns_restored: list[str] = field(default_factory=list)  # rebuild: tool columns a person had deleted
    backup: Path | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # Dutch

    def summary(self) -> str:
        if self.dry_run:
            head = "Proefdraai register: niets geschreven"
        elif self.saved:
            head = f"Register bijgewerkt ({self.path.name})"
        else:
            head = "Register ongewijzigd"
        parts = [f"{self.rows_added} nieuwe rijen", f"{self.rows_updated} rijen bijgewerkt",
                 f"{len(self.corrections)} correcties overgenomen"]
        if self.deleted:
            parts.append(f"{len(self.deleted)} verwijderde rijen vastgelegd")
        if self.columns_added:
            parts.append(("zou nieuwe kolom(men) toevoegen: " if self.dry_run else "nieuwe kolom(men): ")
                         + ", ".join(self.columns_added))
        if self.columns_restored:
            parts.append(("zou kolom(men) terugzetten: " if self.dry_run else "kolom(men) teruggezet: ")
                         + ", ".join(self.columns_restored))
        return f"{head}: {', '.join(parts)}."


def update_register(settings: Settings, conn: sqlite3.Connection, views: Views, *, dry_run: bool = False) -> RegisterResult:
    """Read people's edits back, then write `views` (a list, or a callable returning one) into the register.

    `views` may be a callable: it is called after the read-back has stored new corrections, so views built by
    it already carry them. With a list, stored corrections are applied to the cells anyway.
    Raises RegisterBusy (nothing written) when the workbook is open in Excel/LibreOffice.
    """
    return _run(settings, conn, views, dry_run=dry_run, rebuild=False)


def rebuild_register(settings: Settings, conn: sqlite3.Connection, views: Views, *, dry_run: bool = False) -> RegisterResult:
    """Recreate the workbook from the ledger: all dossiers (also rows people deleted), corrections, people's
    columns and their order. The old workbook is read back first and kept as a back-up."""
    return _run(settings, conn, views, dry_run=dry_run, rebuild=True)


def read_corrections(settings: Settings, conn: sqlite3.Connection) -> int:
    """Only the read-back: store people's edits as corrections. Returns how many cells were new corrections."""
    result = _run(settings, conn, [], dry_run=False, rebuild=False, read_only=True)
    return len(result.corrections)


# --- the run -------------------------------------------------------------------------------------


def _run(settings: Settings, conn: sqlite3.Connection, views: Views, *, dry_run: bool, rebuild: bool,
         read_only: bool = False) -> RegisterResult:
    result = _run_inner(settings, conn, views, dry_run=dry_run, rebuild=rebuild, read_only=read_only)
    for warning in result.warnings:  # callers may ignore the result; the log file must still say it
        log.warning(warning)
    return result


def _run_inner(settings: Settings, conn: sqlite3.Connection, views: Views, *, dry_run: bool, rebuild: bool,
               read_only: bool = False) -> RegisterResult:
    t0 = time.perf_counter()
    path = settings.paden.register
    result = RegisterResult(path, dry_run=dry_run)
    lock.check_free(path)
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        backup.clean_stale_temps(path)
    state = _State.load(conn)

    pkg: Package | None = None
    snap: readback.Snapshot | None = None
    if path.exists():
        try:
            pkg = Package(path)
            snap = readback.read_register(pkg)
        except (OoxmlError, OSError, ValueError, KeyError) as exc:
            result.warnings.append(f"Het register kon niet gelezen worden ({exc}); het wordt opnieuw opgebouwd "
                                   "uit het grootboek.")
            if read_only:
                return result
            if not dry_run:
                kept = backup.keep_damaged(path)
                result.warnings.append(f"Het onleesbare bestand is bewaard als {kept.name}.")
            pkg, snap = None, None

    trusted = state.trusted_for(conn, snap.token if snap else None, write=not dry_run)
    if snap is not None:
        found = readback.detect(snap, state.rows if trusted else None)
        if snap.token is not None and not trusted:
            result.warnings.append("Het register hoort niet bij de laatste opslag van de tool (teruggezette kopie?): "
                                   "toolkolommen worden uit het grootboek overgenomen.")
        _store_findings(conn, state, found, result, dry_run=dry_run)
        if not dry_run and pkg is not None:
            _read_letters_sent(conn, pkg, trusted)
    if read_only:
        result.seconds = time.perf_counter() - t0
        return result

    view_list = list(views() if callable(views) else views)

    try:
        composed = _compose(settings, conn, pkg, snap, view_list, state, result, rebuild=rebuild, trusted=trusted)
    except OoxmlError as exc:
        if rebuild or snap is None:
            raise
        # Something in the workbook this module cannot patch: start afresh from the ledger, keep the old file.
        result.warnings.append(f"Het register kon niet bijgewerkt worden ({exc}); het wordt opnieuw opgebouwd "
                               "uit het grootboek.")
        result.rows_added = result.rows_updated = result.cells_written = result.hidden_deleted = 0
        if not dry_run:
            result.warnings.append(f"De vorige versie is bewaard als {backup.keep_damaged(path).name}.")
        composed = _compose(settings, conn, None, None, view_list, state, result, rebuild=rebuild, trusted=trusted)
    pkg, snap, plan, changed, fresh, doc_info = composed
    new_token = uuid.uuid4().hex
    result.seconds = time.perf_counter() - t0
    if not changed and not dry_run and doc_info and state.documents is None and trusted:
        # The sheet matched the ledger; remember that, so the next update only appends.
        _set_meta(conn, "documenten", json.dumps({**doc_info, "token": state.token}))
    if result.columns_added and dry_run:
        log.info("Proefdraai: deze kolom(men) zouden aan het register worden toegevoegd: %s.", ", ".join(result.columns_added))
    if not changed or dry_run:
        return result

    pkg.set(snap.sheet_path, plan.sheet_xml)
    if plan.replaced_formula:
        pkg.remove_calc_chain()  # Excel rebuilds it; a stale one makes Excel offer to repair the file
    if plan.table_xml is not None and snap.table_path:
        pkg.set(snap.table_path, plan.table_xml)
    _write_lists(pkg, plan.behandelaars, plan.statuses, new_token, plan.record)

    state.stage(conn, plan.final, new_token, [h for _c, h in snap.headers], doc_info)
    try:
        result.backup = backup.atomic_write(path, pkg.save, keep=settings.register.backups,
                                            before_replace=lambda: lock.check_free(path))
    finally:
        pkg.close()
    state.commit(conn, new_token)
    with transaction(conn):
        if rebuild:
            conn.execute("DELETE FROM register_deleted")
        conn.executemany("DELETE FROM register_deleted WHERE dossier_id = ?", [(d,) for d in result.restored])
        conn.executemany("DELETE FROM corrections WHERE dossier_id = ? AND field = ? AND source = 'register'", plan.dropped)
        conn.executemany("DELETE FROM register_derived_edits WHERE dossier_id = ? AND field = ?", plan.dropped)
        for d, target in plan.gone.items():  # people's values follow the dossier they were folded into
            if target:
                conn.execute("UPDATE OR IGNORE register_people SET dossier_id = ? WHERE dossier_id = ?", (target, d))
            conn.execute("DELETE FROM register_people WHERE dossier_id = ?", (d,))
    result.saved = True
    result.seconds = time.perf_counter() - t0
    if result.columns_added:
        log.info("Nieuwe kolom(men) toegevoegd aan het register: %s.", ", ".join(result.columns_added))
    if result.columns_restored:
        log.info("Kolom(men) teruggezet in het register: %s.", ", ".join(result.columns_restored))
    log.info("%s (%.1f s)", result.summary(), result.seconds)
    return result


def _compose(settings: Settings, conn: sqlite3.Connection, pkg: Package | None, snap: readback.Snapshot | None,
             view_list: list[DossierView], state: "_State", result: RegisterResult, *, rebuild: bool, trusted: bool):
    """Patch every sheet in memory. Returns (package, snapshot, register plan, changed?, fresh?, documents info)."""
    headers = _headers(conn, snap)
    fresh = rebuild or snap is None
    known = _known_columns(conn, snap, trusted) if snap is not None else frozenset()
    # The record written with this save: every tool column of this version (a deleted one stays recorded, so it
    # is never re-added), and keys of a newer version's columns the file has had (a downgrade forgets nothing).
    record = [c.key for c in schema.TOOL_COLUMNS] + sorted(known - {c.key for c in schema.TOOL_COLUMNS})
    if fresh:
        if snap is not None:  # a rebuild of an existing register: which tool columns come in, or back
            before = {schema.header_key(h) for _c, h in snap.headers}
            absent = [c for c in schema.TOOL_COLUMNS if schema.header_key(c.header) not in before]
            result.columns_added = [c.header for c in absent if c.key not in known]
            result.columns_restored = [c.header for c in absent if c.key in known]
        pkg = Package(io.BytesIO(build.skeleton(headers, settings.register.binnenkort_dagen)))
        snap = readback.read_register(pkg)
        result.rebuilt = True
    assert pkg is not None and snap is not None

    corrections = _load_corrections(conn)
    deleted = {} if rebuild else _load_deleted(conn)
    people = _load_people(conn) if fresh else {}
    derived: dict[str, dict[str, str | None]] = {}
    for d, f, v in _query(conn, "SELECT dossier_id, field, tool_value FROM register_derived_edits"):
        derived.setdefault(d, {})[f] = v
    plan = _plan_register(pkg, snap, view_list, corrections, deleted, people, state, result, fresh=fresh,
                          derived=derived, gone=_gone(conn, snap, state) if not fresh else {}, known=known)
    plan.record = record
    result.refilled = list(plan.dropped)

    changed = plan.changed or fresh or not trusted
    docs_changed, doc_info = _write_documents(pkg, settings, conn, result, snap.templates,
                                              None if fresh or not trusted else state.documents)
    changed = changed or docs_changed
    if _write_overview(pkg, view_list, corrections, snap.templates):
        changed = True
    if _write_letters(pkg, settings, conn, snap.templates):
        changed = True
    if _write_lists(pkg, plan.behandelaars, plan.statuses, snap.token, plan.record):
        changed = True
    return pkg, snap, plan, changed, fresh, doc_info


def _known_columns(conn: sqlite3.Connection, snap: readback.Snapshot, trusted: bool) -> frozenset[str]:
    """Keys of the tool columns this workbook has had: its own record, or for a register from before the record
    the previous release's columns plus those the tool's last save of this very file had (ledger, 'kolommen')."""
    if snap.recorded is not None:
        return snap.recorded
    known = set(schema.PREVIOUS_RELEASE_KEYS)
    if trusted:
        row = next(iter(_query(conn, "SELECT value FROM register_meta WHERE key = 'kolommen'")), None)
        for header in json.loads(row[0]) if row else []:
            col = schema.BY_HEADER.get(schema.header_key(header))
            if col is not None and col.tool:
                known.add(col.key)
    return frozenset(known)


def _gone(conn: sqlite3.Connection, snap: readback.Snapshot, state: "_State") -> dict[str, str | None]:
    """Rows the tool wrote for dossiers the ledger folded into another one (-> final target), no longer has, or
    left without documents (all moved elsewhere by `wkb-desk link`)."""
    merged = {d: m for d, m in conn.execute("SELECT id, merged_into FROM dossiers")}
    with_docs = {d for (d,) in conn.execute("SELECT DISTINCT dossier_id FROM documents WHERE dossier_id IS NOT NULL")}
    out: dict[str, str | None] = {}
    for d in snap.rows:
        if d not in state.rows:
            continue  # not a row the tool wrote (or an unknown file): leave it alone
        if d not in merged or (merged[d] is None and d not in with_docs):
            out[d] = None
        elif merged[d] is not None:
            target, seen = merged[d], {d}
            while merged.get(target) and target not in seen:
                seen.add(target)
                target = merged[target]
            out[d] = target
    return out


# --- bookkeeping (table register_rows and friends) ------------------------------------------------


class _State:
    def __init__(self, rows: dict[str, dict[str, Any]], pending: dict[str, str], token: str | None,
                 pending_token: str | None) -> None:
        self.rows = rows
        self.pending = pending
        self.token = token
        self.pending_token = pending_token
        self.raw = {d: json.dumps(v, sort_keys=True, ensure_ascii=False) for d, v in rows.items()}

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> "_State":
        rows, pending = {}, {}
        for d, values, pend in _query(conn, "SELECT dossier_id, values_json, pending_json FROM register_rows"):
            if values:
                rows[d] = json.loads(values)
            if pend:
                pending[d] = pend
        meta = {k: v for k, v in _query(conn, "SELECT key, value FROM register_meta")}
        state = cls(rows, pending, meta.get("token"), meta.get("pending_token"))
        state.documents_meta = json.loads(meta["documenten"]) if "documenten" in meta else None
        return state

    @property
    def documents(self) -> dict[str, Any] | None:
        """Count and digest of the Documenten rows in the file with our token, if we know them."""
        info = self.documents_meta
        return info if info and info.get("token") == self.token else None

    def trusted_for(self, conn: sqlite3.Connection, file_token: str | None, *, write: bool) -> bool:
        """Is our state the state of this file? Settles a save that was interrupted before its commit."""
        if file_token and self.pending_token and file_token == self.pending_token:
            # The swap happened but the commit did not: the pending state is the file's state.
            if write:
                self.commit(conn, file_token)
            for d, pend in self.pending.items():
                if pend == GONE:
                    self.rows.pop(d, None)
                else:
                    self.rows[d] = json.loads(pend)
            self.raw = {d: json.dumps(v, sort_keys=True, ensure_ascii=False) for d, v in self.rows.items()}
            self.token, self.pending_token, self.pending = file_token, None, {}
            return True
        return bool(file_token) and file_token == self.token

    def stage(self, conn: sqlite3.Connection, final: dict[str, dict[str, Any]], token: str, headers: list[str],
              documents: dict[str, Any] | None) -> None:
        """Store the state the new file will have, as pending until the file is in place."""
        now = now_iso()
        upserts = []
        for d, values in final.items():
            raw = json.dumps(values, sort_keys=True, ensure_ascii=False)
            if self.raw.get(d) != raw:
                upserts.append((d, raw, now))
        gone = [(GONE, d) for d in self.rows if d not in final]
        with transaction(conn):
            conn.execute("UPDATE register_rows SET pending_json = NULL WHERE pending_json IS NOT NULL")
            conn.execute("DELETE FROM register_rows WHERE values_json IS NULL")
            conn.executemany(
                "INSERT INTO register_rows (dossier_id, values_json, pending_json, written_at) VALUES (?, NULL, ?, ?)"
                " ON CONFLICT(dossier_id) DO UPDATE SET pending_json = excluded.pending_json, written_at = excluded.written_at",
                upserts,
            )
            conn.executemany("UPDATE register_rows SET pending_json = ? WHERE dossier_id = ?", gone)
            _set_meta(conn, "pending_token", token)
            # The headers become the file's only with the swap (commit): a failed save must not leave the ledger
            # saying the file has columns it never got.
            _set_meta(conn, "pending_kolommen", json.dumps(headers, ensure_ascii=False))
            # Documenten bookkeeping belongs to one file version: keyed by its token.
            if documents is not None:
                _set_meta(conn, "documenten", json.dumps({**documents, "token": token}))

    def commit(self, conn: sqlite3.Connection, token: str) -> None:
        with transaction(conn):
            conn.execute("DELETE FROM register_rows WHERE pending_json = ?", (GONE,))
            conn.execute("UPDATE register_rows SET values_json = pending_json, pending_json = NULL WHERE pending_json IS NOT NULL")
            conn.execute("DELETE FROM register_rows WHERE values_json IS NULL")
            _set_meta(conn, "token", token)
            conn.execute("DELETE FROM register_meta WHERE key = 'pending_token'")
            conn.execute("UPDATE OR REPLACE register_meta SET key = 'kolommen' WHERE key = 'pending_kolommen'")


def _query(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    """Read a register_* table; a read-only ledger from before migration 0201 simply has none yet (dry run)."""
    try:
        return [tuple(r) for r in conn.execute(sql)]
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO register_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def _store_findings(conn: sqlite3.Connection, state: _State, found: readback.Findings, result: RegisterResult,
                    *, dry_run: bool) -> None:
    known = {r[0] for r in conn.execute("SELECT id FROM dossiers")}
    existing = {(d, f): v for d, f, v in conn.execute("SELECT dossier_id, field, value FROM corrections")}
    corr = []
    for (d, key), value in found.corrections.items():
        if d not in known:
            result.warnings.append(f"Wijziging in rij {d} niet overgenomen: dat dossier staat niet in het grootboek.")
            continue
        if (d, key) in existing and existing[(d, key)] == value:
            continue
        corr.append((d, key, value))
    result.corrections = corr
    result.deleted = list(found.deleted)
    if dry_run:
        return
    now = now_iso()
    stored_people = _load_people(conn)
    people_rows, people_gone = [], []
    for d, values in found.people.items():
        before = stored_people.get(d, {})
        for header, value in values.items():
            if before.get(header, object()) != value:
                people_rows.append((d, header, json.dumps(value, ensure_ascii=False), now))
        people_gone += [(d, h) for h in before if h not in values]
    with transaction(conn):
        conn.executemany(
            "INSERT INTO corrections (dossier_id, field, value, source, created_at) VALUES (?, ?, ?, 'register', ?)"
            " ON CONFLICT(dossier_id, field) DO UPDATE SET value = excluded.value, source = 'register',"
            " created_at = excluded.created_at",
            [(d, k, v, now) for d, k, v in corr],
        )
        conn.executemany(
            "INSERT INTO register_derived_edits (dossier_id, field, tool_value, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(dossier_id, field) DO UPDATE SET tool_value = excluded.tool_value, created_at = excluded.created_at",
            [(d, k, found.derived_base[(d, k)], now) for d, k, _v in corr if (d, k) in found.derived_base],
        )
        conn.executemany(
            "INSERT INTO register_people (dossier_id, header, value_json, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(dossier_id, header) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at",
            people_rows,
        )
        conn.executemany("DELETE FROM register_people WHERE dossier_id = ? AND header = ?", people_gone)
        for d in found.deleted:
            docs = int(state.rows.get(d, {}).get("_docs", 0))
            conn.execute(
                "INSERT INTO register_deleted (dossier_id, deleted_at, documents) VALUES (?, ?, ?)"
                " ON CONFLICT(dossier_id) DO UPDATE SET deleted_at = excluded.deleted_at, documents = excluded.documents",
                (d, now, docs),
            )
            conn.execute("DELETE FROM register_rows WHERE dossier_id = ?", (d,))
            state.rows.pop(d, None)
            state.raw.pop(d, None)
    for d in found.deleted:
        log.info("Rij van dossier %s is door iemand uit het register verwijderd; die komt niet terug tot er een "
                 "nieuw document voor binnenkomt of 'rebuild' draait.", d)


def _load_corrections(conn: sqlite3.Connection) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = {}
    for d, f, v in conn.execute("SELECT dossier_id, field, value FROM corrections"):
        out.setdefault(d, {})[f] = v
    return out


def _load_deleted(conn: sqlite3.Connection) -> dict[str, int]:
    return {d: n for d, n in _query(conn, "SELECT dossier_id, documents FROM register_deleted")}


def _load_people(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d, h, v in _query(conn, "SELECT dossier_id, header, value_json FROM register_people"):
        out.setdefault(d, {})[h] = json.loads(v)
    return out


def _headers(conn: sqlite3.Connection, snap: readback.Snapshot | None) -> list[str]:
    """Column order for a new workbook: the current (or last known) order, tool columns that are missing added."""
    if snap is not None and snap.headers:
        order = [h.strip() for _c, h in snap.headers]
    else:
        row = next(iter(_query(conn, "SELECT value FROM register_meta WHERE key = 'kolommen'")), None)
        order = json.loads(row[0]) if row else []
        extra = {h for d in _load_people(conn).values() for h in d}
        order += sorted(h for h in extra if schema.header_key(h) not in {schema.header_key(o) for o in order})
    out, seen = [], set()
    for h in order:
        if h and schema.header_key(h) not in seen:
            seen.add(schema.header_key(h))
            out.append(h)
    for col in schema.REGISTER_COLUMNS:
        if schema.header_key(col.header) not in seen:
            out.append(col.header)
    return out


# --- the Register sheet ------------------------------------------------------------------------------


@dataclass
class _Plan:
    sheet_xml: str
    table_xml: str | None
    final: dict[str, dict[str, Any]]
    changed: bool
    behandelaars: list[str]
    statuses: list[str]
    replaced_formula: bool = False
    dropped: list[tuple[str, str]] = field(default_factory=list)  # derived corrections the facts overtook
    gone: dict[str, str | None] = field(default_factory=dict)  # emptied rows: dossier -> dossier folded into
    record: list[str] = field(default_factory=list)  # tool column keys recorded in Lijsten with this save


def _intended(view: DossierView, corr: dict[str, str | None], bases: dict[str, str | None],
              dropped: list[tuple[str, str]]) -> dict[str, Any]:
    values = schema.view_values(view)
    for column in schema.TOOL_COLUMNS:
        key = column.key
        if key == schema.KEY_COLUMN or key not in corr:
            continue
        if key in bases and schema.norm(values[key], column.kind) != bases[key]:
            dropped.append((view.dossier, key))  # the facts changed since the person's edit: the tool's value wins
            continue
        values[key] = schema.correction_cell(column.kind, corr[key])
    return values


_PLAIN = schema.Column("", "", "text", 16, tool=False)  # a people's column the schema does not know


def _plan_register(pkg: Package, snap: readback.Snapshot, views: list[DossierView], corrections: dict, deleted: dict[str, int],
                   people: dict[str, dict[str, Any]], state: _State, result: RegisterResult, *, fresh: bool,
                   derived: dict[str, dict[str, str | None]] | None = None,
                   gone: dict[str, str | None] | None = None, known: frozenset[str] = frozenset()) -> _Plan:
    derived = derived or {}
    dropped: list[tuple[str, str]] = []
    absent = [c for c in schema.TOOL_COLUMNS if schema.header_key(c.header) not in snap.columns]
    if not fresh:
        new = [c for c in absent if c.key not in known]  # new in this version: the workbook never had them
        if new:
            painted = _append_columns(pkg, snap, new)
            result.columns_added = [c.header for c in new]
            _paint_new_cells(pkg, snap, new, painted)
        absent = [c for c in absent if c.key in known]  # the workbook had them: a person deleted them
    tool_cols = snap.tool_columns()
    people_cols = snap.people_columns()
    missing = [c.header for c in absent]
    if missing:
        result.warnings.append(f"De kolom(men) {', '.join(missing)} staan niet (meer) in het register en worden niet "
                               "bijgewerkt; 'wkb-desk rebuild' zet ze terug.")
    dstyles = snap.date_styles
    tpl = snap.templates
    text_s, date_s, wrap_s = tpl.get("text", 0), tpl.get("date", 0), tpl.get("wrap", 0)

    def style_for(existing: int | None, kind: str, value: Any) -> int:
        is_date = isinstance(value, dt.date)
        if existing and is_date == (existing in dstyles):
            return existing  # keep what a person (or the tool before) set on this cell
        if is_date:
            return date_s
        return wrap_s if kind == "wrap" else text_s

    def cell_style(existing: int | None, c: schema.Column, value: Any, view: DossierView) -> int:
        if c.key == "volgende_termijn" and isinstance(value, dt.date) and view.volgende_termijn:
            named = tpl.get(schema.deadline_template(view.volgende_termijn.code))
            if named:  # older registers lack these templates: they keep the plain date style
                return named
        return style_for(existing, c.kind, value)

    sheet = snap.sheet
    by_r = {row.r: row for row in sheet.rows}
    widths = column_widths(sheet.head)
    wrap_cols = [(col, widths.get(col) or (schema.BY_HEADER.get(schema.header_key(h)) or _PLAIN).width)
                 for col, h in snap.headers
                 if (schema.BY_HEADER.get(schema.header_key(h)) or _PLAIN).kind == "wrap"]

    def fitted(row_xml: str, values: dict[int, Any]) -> str:
        """The row with a height that shows all of its wrapped text (within schema.MAX_ROW_LINES)."""
        wrapped = [(str(values[col]), width) for col, width in wrap_cols if values.get(col)]
        return with_row_height(row_xml, schema.row_height(wrapped))
    next_r = max(sheet.last_filled_row(), snap.header_row) + 1
    new_rows: dict[int, str] = {}
    final: dict[str, dict[str, Any]] = {}
    restore: list[str] = []
    replaced_formula = False
    row_cells: dict[int, tuple[Any, dict[int, str]]] = {}  # existing rows: cells to replace
    row_values: dict[int, dict[int, Any]] = {}  # existing rows: what they show after the patch (for row heights)
    for view in views:
        d = view.dossier
        if d in deleted:
            if len(view.documenten) <= deleted[d]:
                result.hidden_deleted += 1
                continue
            restore.append(d)
        intended = _intended(view, corrections.get(d, {}), derived.get(d, {}), dropped)
        row = snap.rows.get(d)
        if row is not None:
            cells = {}
            for c, col in tool_cols:
                value = intended[c.key]
                style = cell_style(row.styles.get(col), c, value, view)
                if schema.norm(row.values.get(col), c.kind) != schema.norm(value, c.kind) or (
                        c.key == "volgende_termijn" and value is not None and style != row.styles.get(col)):
                    ref = f"{col_letter(col)}{row.row.r}"
                    cells[col] = cell_xml(ref, value, style)
            if cells:
                replaced_formula = replaced_formula or any("<f" in raw for c, _s, _t, _i, raw in row.row.cells() if c in cells)
                row_cells[row.row.r] = (row.row, cells)
                row_values[row.row.r] = {**row.values, **{col: intended[c.key] for c, col in tool_cols if col in cells}}
                result.rows_updated += 1
                result.cells_written += len(cells)
        else:
            r = next_r
            next_r += 1
            cells = {}
            shown: dict[int, Any] = {}
            for c, col in tool_cols:
                value = intended[c.key]
                xml = cell_xml(f"{col_letter(col)}{r}", value, cell_style(None, c, value, view))
                if xml:
                    cells[col] = xml
                    shown[col] = value
            for header, col in people_cols:  # only a rebuild has stored values for a new row
                value = readback.stored_people_cell(people.get(d, {}).get(header))
                kind = schema.BY_HEADER.get(schema.header_key(header))
                xml = cell_xml(f"{col_letter(col)}{r}", value,
                               style_for(None, kind.kind if kind else "text", value) if value is not None else None)
                if xml:
                    cells[col] = xml
                    shown[col] = value
            if r in by_r:  # an empty row a person formatted: fill it, keep its formatting
                sheet.changed_rows[r] = fitted(patch_row(by_r[r], cells), shown)
            else:
                new_rows[r] = fitted(f'<row r="{r}">' + "".join(cells[c] for c in sorted(cells)) + "</row>", shown)
            result.rows_added += 1
            result.cells_written += len(cells)
        final[d] = {c.key: schema.norm(intended[c.key], c.kind) for c, _col in tool_cols}
        final[d]["_docs"] = len(view.documenten)
    result.restored = restore

    # Dossiers the ledger folded into another (or no longer has): empty their row in place — renumbering rows
    # would break people's formulas, comments and merged cells — and carry people's values to the target row.
    in_views = {v.dossier for v in views}
    for d, target in (gone or {}).items():
        row = snap.rows.get(d)
        if row is None or d in in_views:
            continue
        carry = {col: (row.values[col], row.styles.get(col)) for _h, col in people_cols if col in row.values}
        sheet.changed_rows[row.row.r] = "<row" + re.sub(r'\s+spans="[^"]*"', "", row.row.attrs) + "/>"
        result.removed.append(d)
        trow = snap.rows.get(target) if target else None
        if trow is None or not carry:
            if carry:
                notes = "; ".join(f"{h}: {row.values[c]}" for h, c in people_cols if c in row.values)
                result.warnings.append(f"De rij van dossier {d} is leeggemaakt: het dossier heeft geen documenten meer. "
                                       f"Wat er in stond: {notes}.")
            continue
        base_row, cells = row_cells.get(trow.row.r, (trow.row, {}))
        for col, (value, style) in carry.items():
            if trow.values.get(col) is None and col not in cells:
                cells[col] = cell_xml(f"{col_letter(col)}{trow.row.r}", value, style)
                row_values.setdefault(trow.row.r, dict(trow.values))[col] = value
        if cells:
            row_cells[trow.row.r] = (base_row, cells)
    for d, row in snap.rows.items():  # coloured rows: their new cells carry the colour also when empty
        r = row.row.r
        if d in result.removed or r not in snap.painted:
            continue
        base_row, cells = row_cells.get(r, (row.row, {}))
        for col in snap.painted[r]:
            if col not in cells:
                cells[col] = f'<c r="{col_letter(col)}{r}" s="{row.styles[col]}"/>'
        row_cells[r] = (base_row, cells)
        row_values.setdefault(r, dict(row.values))
    for r, (base_row, cells) in row_cells.items():
        row_xml = patch_row(base_row, cells)
        if any(col in cells for col, _w in wrap_cols):  # the wrapped text changed: fit the height to it again
            values = {col: row_values.get(r, {}).get(col) for col, _w in wrap_cols}
            row_xml = fitted(row_xml, values)
        sheet.changed_rows[r] = row_xml
    for d, row in snap.rows.items():  # rows not in `views` stay as they are
        if d not in final and d not in result.removed:
            final[d] = {c.key: schema.norm(row.values.get(col), c.kind) for c, col in tool_cols}
            if "_docs" in state.rows.get(d, {}):
                final[d]["_docs"] = state.rows[d]["_docs"]

    last_row = max([next_r - 1, snap.header_row + 1] + [row.r for row in sheet.rows])
    last_col = max([col for col, _h in snap.headers] or [len(schema.REGISTER_COLUMNS)])
    head = set_dimension(sheet.head, last_col, last_row)
    tail = sheet.tail
    if "<autoFilter" in tail and snap.table_path is None:
        tail = set_ref_end(tail, "autoFilter", last_row=max(last_row, snap.header_row + 1))
        pkg.set_filter_database(schema.REGISTER_SHEET, max(last_row, snap.header_row + 1))
    sheet_xml = f"{head}<sheetData>{sheet.render_body(new_rows)}</sheetData>{tail}"

    table_xml = None
    if snap.table_path:
        table_xml = _table_xml(pkg, snap, last_row)
    changed = bool(sheet.changed_rows or new_rows or table_xml)

    behandelaars = set()
    beh_col = snap.columns.get("behandelaar")
    if beh_col:
        behandelaars = {str(r.values[beh_col]).strip() for r in snap.rows.values() if r.values.get(beh_col)}
    for values in people.values():
        if values.get("Behandelaar"):
            behandelaars.add(str(values["Behandelaar"]).strip())
    statuses = {f.get("status") for f in final.values() if f.get("status")}
    return _Plan(sheet_xml, table_xml, final, changed, sorted(behandelaars, key=str.casefold), sorted(statuses),
                 replaced_formula, dropped, {d: (gone or {}).get(d) for d in result.removed})


def _append_columns(pkg: Package, snap: readback.Snapshot, new: list[schema.Column]) -> dict[int, int]:
    """Add tool columns after the last used column of the Register sheet: header (in the style of the other
    headers), width, table or autofilter and whole-row conditional formats widened. The snapshot then lists them,
    so the rows are filled by the usual patch, every row a cell. Returns the rows a person coloured as a whole
    (row number -> fill), whose new cells get that colour too."""
    sheet = snap.sheet
    hr = snap.header_row
    header_row = next((row for row in sheet.rows if row.r == hr), None)
    if header_row is None:
        raise OoxmlError("kopregel van het tabblad Register niet gevonden")
    header_cols = [col for col, _h in snap.headers]
    table_xml = pkg.text(snap.table_path) if snap.table_path else None
    if table_xml is not None:
        m = re.search(r'<table\b[^>]*?\sref="([^"]+)"', table_xml)
        if not m:
            raise OoxmlError("tabel zonder bereik")
        first_col, _r1, old_last, _r2 = ref_bounds(m.group(1))
    else:
        first_col, old_last = 1, max(header_cols, default=1)
    start = max([snap.last_col, old_last] + header_cols) + 1
    new_last = start + len(new) - 1
    styles = Counter(style for col, style, _t, _i, _raw in header_row.cells() if style and col in header_cols)
    header_style = styles.most_common(1)[0][0] if styles else None
    cells: dict[int, str] = {}
    added: list[tuple[int, str]] = []
    for i, c in enumerate(new):
        col = start + i
        cells[col] = cell_xml(f"{col_letter(col)}{hr}", c.header, header_style)
        added.append((col, c.header))

    if table_xml is not None:
        # A table is one block: columns between its end and the new ones (a person's, outside it) join it. Each
        # table column needs a unique name equal to its header cell; an empty header gets one, as Excel does.
        named = {col: h.strip() for col, h in snap.headers}
        columns = list(re.finditer(r"<tableColumn\b[^>]*?(?:/>|>.*?</tableColumn>)", table_xml, re.S))
        names = {_attr(x.group(0), "name").casefold() for x in columns}
        ids = [int(_attr(x.group(0), "id") or 0) for x in columns]
        extra = []
        for col in range(old_last + 1, new_last + 1):
            name = dict(added).get(col) or named.get(col) or ""
            base, n = name or "Kolom", 0 if not name else 1
            while not name or name.casefold() in names:  # Excel's own names: Kolom1, Kolom2, ...; Naam2 for a twin
                n += 1
                name = f"{base}{n}"
            names.add(name.casefold())
            if name != (dict(added).get(col) or named.get(col)):
                cells[col] = cell_xml(f"{col_letter(col)}{hr}", name, header_style)
            ids.append(max(ids, default=0) + 1)
            extra.append(f'<tableColumn id="{ids[-1]}" name="{_xml_attr(name)}"/>')
        if columns:
            at = columns[-1].end()
            table_xml = table_xml[:at] + "".join(extra) + table_xml[at:]
        table_xml = re.sub(r'(<tableColumns\b[^>]*?\scount=")\d+(")',
                           lambda m: f"{m.group(1)}{len(columns) + len(extra)}{m.group(2)}", table_xml, count=1)
        table_xml = set_ref_end(set_ref_end(table_xml, "table", last_col=new_last), "autoFilter", last_col=new_last)
        pkg.set(snap.table_path, table_xml)
    sheet.changed_rows[hr] = patch_row(header_row, cells)
    sheet.head = set_column_widths(sheet.head, {col: schema.header_width(c) for c, (col, _h) in zip(new, added)})
    tail = sheet.tail
    if table_xml is None and "<autoFilter" in tail:
        tail = set_ref_end(tail, "autoFilter", last_col=new_last)
        m = re.search(r'<autoFilter\b[^>]*?\sref="([^"]+)"', tail)
        pkg.set_filter_database(schema.REGISTER_SHEET, ref_bounds(m.group(1))[3] if m else hr, new_last)
    # A range over all tool columns colours whole rows (the tool's own rules do; a person's own column added to the
    # table later is not in them): it now reaches the new columns too.
    tool_last = max((col for c, col in snap.tool_columns()), default=old_last)
    tail = widen_row_ranges(tail, first_col, tool_last, new_last)
    guessed = next((col for col, h in added if schema.header_key(h) == "te controleren"), None)
    if guessed:  # as in a new register: a row with a value read with doubt is orange until someone checks it
        tail = _add_orange_term(tail, f"LEN(${col_letter(guessed)}{hr + 1})&gt;0")
    sheet.tail = tail
    fills = xf_fills(pkg.text("xl/styles.xml")) if pkg.has("xl/styles.xml") else []
    painted: dict[int, int] = {}
    for row in snap.rows.values():
        a = attrs(row.row.attrs)
        row_style = int(a["s"]) if a.get("customFormat") in ("1", "true") and a.get("s", "").isdigit() else None
        seen = {fills[s] if s is not None and 0 <= s < len(fills) else 0
                for s in (row.styles.get(col, row_style) for col in header_cols)}
        if len(seen) == 1 and 0 not in seen:
            painted[row.row.r] = seen.pop()
    for col, header in added:
        snap.headers.append((col, header))
        snap.columns.setdefault(schema.header_key(header), col)
    return painted


def _paint_new_cells(pkg: Package, snap: readback.Snapshot, new: list[schema.Column], painted: dict[int, int]) -> None:
    """The new cells of a row a person coloured as a whole: the tool's cell style with that row's fill. Set as the
    cells' existing style, which the patch keeps; empty cells get it too (see _plan_register)."""
    if not painted:
        return
    styles_xml = pkg.text("xl/styles.xml")
    made: dict[tuple[int, int], int] = {}
    tpl = snap.templates
    for row in snap.rows.values():
        fill = painted.get(row.row.r)
        if not fill:
            continue
        for c in new:
            base = tpl.get("wrap" if c.kind == "wrap" else "date" if c.kind == "date" else "text", 0)
            if (base, fill) not in made:
                styles_xml, made[(base, fill)] = add_filled_xf(styles_xml, base, fill)
                if base in snap.date_styles:  # the same number format: still a date style
                    snap.date_styles.add(made[(base, fill)])
            row.styles[snap.columns[schema.header_key(c.header)]] = made[(base, fill)]
    pkg.set("xl/styles.xml", styles_xml)
    snap.painted = {r: [snap.columns[schema.header_key(c.header)] for c in new] for r in painted}


def _add_orange_term(tail: str, term: str) -> str:
    """Add a condition to the tool's orange row rule (build.py: OR(... "[middel]" ...)); a person's rules and a
    register whose orange rule a person changed are left as they are."""
    m = re.search(r'(<cfRule\b[^>]*>\s*<formula>OR\()([^<]*?SEARCH\(&quot;\[middel\]&quot;[^<]*|[^<]*?SEARCH\("\[middel\]"[^<]*)'
                  r"(\)</formula>)", tail)
    if m is None or term in m.group(2):
        return tail
    return tail[:m.start()] + f"{m.group(1)}{m.group(2)},{term}{m.group(3)}" + tail[m.end():]


def _attr(element: str, name: str) -> str:
    m = re.search(rf'\s{name}="([^"]*)"', element)
    return html.unescape(m.group(1)) if m else ""


def _table_xml(pkg: Package, snap: readback.Snapshot, last_row: int) -> str | None:
    """Extend the table (and its autofilter, where people's filter settings live) to the last row."""
    xml = pkg.text(snap.table_path)
    m = re.search(r'<table\b[^>]*?\sref="([^"]+)"', xml)
    if not m:
        return None
    _c1, _r1, _c2, r2 = ref_bounds(m.group(1))
    if r2 >= last_row:
        return None
    xml = set_ref_end(xml, "table", last_row=last_row)
    return set_ref_end(xml, "autoFilter", last_row=last_row)


# --- Documenten, Overzicht, Lijsten: the tool's own sheets -----------------------------------------------


def _sheet_styles(sheet: Sheet) -> dict[tuple[int, int], int]:
    out = {}
    for row in sheet.rows:
        for col, style, _t, _i, _raw in row.cells():
            if style:
                out[(row.r, col)] = style
    return out


def _replace_rows(pkg: Package, sheet_name: str, rows: list[list[Any]], styles: Callable[[int, int, Any], int | None],
                  *, links: list[tuple[str, str]] | None = None, fixed: dict[int, str] | None = None) -> bool:
    """Regenerate a tool sheet's rows (from row 1); keep everything outside <sheetData>. True when changed."""
    ref = pkg.sheets.get(sheet_name)
    if ref is None:
        return False
    old_xml = pkg.text(ref.path)
    sheet = Sheet.parse(old_xml)
    out: dict[int, str] = dict(fixed or {})
    for r, values in enumerate(rows, 1):
        if r in out:
            continue
        cells = []
        for c, value in enumerate(values, 1):
            x = cell_xml(f"{col_letter(c)}{r}", value, styles(r, c, value))
            if x:
                cells.append(x)
        if cells:
            out[r] = f'<row r="{r}">{"".join(cells)}</row>'
    last_row = max(out) if out else 1
    last_col = max((len(v) for v in rows), default=1)
    head = set_dimension(sheet.head, last_col, last_row)
    tail = sheet.tail
    if "<autoFilter" in tail:
        tail = set_ref_end(tail, "autoFilter", last_row=max(last_row, 2))
        pkg.set_filter_database(sheet_name, max(last_row, 2))
    if links is not None:
        tail = set_hyperlinks(tail, links)
    new_xml = f"{head}<sheetData>{''.join(out[r] for r in sorted(out))}</sheetData>{tail}"
    if new_xml == old_xml:
        return False
    pkg.set(ref.path, new_xml)
    return True


def _document_rows(settings: Settings, conn: sqlite3.Connection):
    """(row values, relative link or None) per document in id order; quarantined ones with their reason."""
    register_dir = settings.paden.register.parent
    # Archive paths are relative to the config folder; links must be relative to the register's folder so
    # they keep working when the share is mounted elsewhere.
    prefix = os.path.relpath(settings.base_dir, register_dir).replace(os.sep, "/")
    for doc in conn.execute(
        "SELECT id, original_name, subfolder, received_at, archive_path, status, error_code, error_message, kind,"
        " dossier_id FROM documents ORDER BY id"
    ):
        try:
            received = dt.date.fromisoformat((doc[3] or "")[:10])
        except ValueError:
            received = None
        reason = (doc[7] or doc[6]) if doc[5] == "quarantaine" else None
        target = None
        if doc[4]:
            target = quote(posixpath.normpath(posixpath.join(prefix, doc[4].replace("\\", "/"))),
                           safe="/._-~()!$&'*+,;=:@")
        yield [doc[0], doc[1], doc[8], doc[9], received, doc[5], reason, doc[2] or None], target


def _write_documents(pkg: Package, settings: Settings, conn: sqlite3.Connection, result: RegisterResult,
                     tpl: dict[str, int], previous: dict[str, Any] | None) -> tuple[bool, dict[str, Any] | None]:
    """Fill the Documenten sheet. Returns (changed, bookkeeping of the rows now in the sheet).

    `previous` (count and digest of the rows at the tool's last save of this very file) allows appending only
    the new documents: the usual case, and what keeps one new document cheap in a register with a long history.
    The ledger is streamed; only new rows are held in memory unless the whole sheet must be regenerated.
    """
    ref = pkg.sheets.get(schema.DOCUMENTS_SHEET)
    if ref is None:
        return False, None
    known = int(previous.get("aantal", -1)) if previous else -1
    digest = hashlib.sha1()
    prefix_digest = None
    new_docs: list[list[Any]] = []
    targets: dict[int, str] = {}
    count = 0
    for i, (row, target) in enumerate(_document_rows(settings, conn)):
        if i == known:
            prefix_digest = digest.hexdigest()
        digest.update(json.dumps(row, default=str, ensure_ascii=False).encode("utf-8"))
        if i >= known:
            new_docs.append(row)
            if target:
                targets[i] = target
        count = i + 1
    if known == count:
        prefix_digest = digest.hexdigest()
    result.documents = count
    info = {"aantal": count, "digest": digest.hexdigest()}
    link_col = schema.DOCUMENT_HEADERS.index("Document") + 1
    date_col = schema.DOCUMENT_HEADERS.index("Ontvangen") + 1

    def style(r: int, c: int, value: Any) -> int | None:
        if r == 1:
            return tpl.get("header")
        if c == date_col and value is not None:
            return tpl.get("date")
        if c == link_col and value is not None and (r - 2) in targets:
            return tpl.get("link")
        return tpl.get("text")

    if known >= 0 and prefix_digest is not None and prefix_digest == previous.get("digest"):
        if known == count:
            return False, info
        _append_documents(pkg, ref, new_docs, known, targets, style, link_col)
        return True, info
    if known > 0:  # the earlier rows changed (a document re-linked, say): regenerate the sheet
        new_docs, targets = [], {}
        for i, (row, target) in enumerate(_document_rows(settings, conn)):
            new_docs.append(row)
            if target:
                targets[i] = target
    rows = [list(schema.DOCUMENT_HEADERS)] + new_docs
    links = [(f"{col_letter(link_col)}{i + 2}", f"wkbL{i + 2}") for i in targets]
    rels = [x for x in pkg.rels(ref.rels_path) if x.get("Type") != HYPERLINK_TYPE]
    rels_xml = _rels_xml(rels, [(f"wkbL{i + 2}", t) for i, t in targets.items()])
    changed = _replace_rows(pkg, schema.DOCUMENTS_SHEET, rows, style, links=links)
    old_rels = pkg.text(ref.rels_path) if pkg.has(ref.rels_path) else None
    if old_rels != rels_xml and (targets or old_rels is not None):
        pkg.set(ref.rels_path, rels_xml)
        changed = True
    return changed, info


def _append_documents(pkg: Package, ref, new_docs: list[list[Any]], first_index: int, targets: dict[int, str],
                      style, link_col: int) -> None:
    data = pkg.read(ref.path)  # bytes: the sheet can be tens of MB; never decode it whole
    end = data.rfind(b"</sheetData>")
    if end < 0:
        raise OoxmlError("tabblad Documenten zonder sheetData")
    last = [int(m.group(1)) for m in re.finditer(rb'<row r="(\d+)"', data[max(0, end - 50000):end])]
    r = (max(last) if last else 1) + 1
    rows_xml, links, rels = [], [], []
    for offset, values in enumerate(new_docs):
        i = first_index + offset
        cells = "".join(cell_xml(f"{col_letter(c)}{r}", v, style(i + 2, c, v)) for c, v in enumerate(values, 1))
        rows_xml.append(f'<row r="{r}">{cells}</row>')
        if i in targets:
            rid = f"wkbL{r}"
            links.append((f"{col_letter(link_col)}{r}", rid))
            rels.append((rid, targets[i]))
        r += 1
    start = data.find(b"<sheetData")
    head = set_dimension(data[:start].decode("utf-8"), len(schema.DOCUMENT_HEADERS), r - 1).encode("utf-8")
    tail = data[end + len(b"</sheetData>"):].decode("utf-8")
    if "<autoFilter" in tail:
        tail = set_ref_end(tail, "autoFilter", last_row=r - 1)
        pkg.set_filter_database(schema.DOCUMENTS_SHEET, r - 1)
    tail = add_hyperlinks(tail, links)
    pkg.set(ref.path, b"".join([head, memoryview(data)[start:end], "".join(rows_xml).encode("utf-8"),
                                b"</sheetData>", tail.encode("utf-8")]))
    if rels:
        new = "".join(f'<Relationship Id="{rid}" Type="{HYPERLINK_TYPE}" Target="{_xml_attr(t)}" TargetMode="External"/>'
                      for rid, t in rels)
        old = pkg.read(ref.rels_path) if pkg.has(ref.rels_path) else None
        if old is None or b"</Relationships>" not in old:
            pkg.set(ref.rels_path, _rels_xml(pkg.rels(ref.rels_path), rels))
        else:
            at = old.rindex(b"</Relationships>")
            pkg.set(ref.rels_path, old[:at] + new.encode("utf-8") + old[at:])


def _rels_xml(existing: list[dict[str, str]], links: list[tuple[str, str]]) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(_rel(x) for x in existing)
            + "".join(f'<Relationship Id="{rid}" Type="{HYPERLINK_TYPE}" Target="{_xml_attr(t)}" TargetMode="External"/>'
                      for rid, t in links)
            + "</Relationships>")


def _rel(a: dict[str, str]) -> str:
    return "<Relationship " + " ".join(f'{k}="{_xml_attr(v)}"' for k, v in a.items()) + "/>"


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _write_overview(pkg: Package, views: list[DossierView], corrections: dict, tpl: dict[str, int]) -> bool:
    statuses: Counter[str] = Counter()
    flags: Counter[tuple[str, str]] = Counter()
    months: Counter[tuple[int, int]] = Counter()
    for view in views:
        corr = corrections.get(view.dossier, {})
        status = corr.get("status", view.status) if "status" in corr else view.status
        statuses[status or "(geen)"] += 1
        for f in view.signalen:
            flags[(f.code, f.severity)] += 1
        melding = schema.correction_cell("date", corr["datum_bouwmelding"]) if "datum_bouwmelding" in corr else view.datum_bouwmelding
        if isinstance(melding, dt.date):
            months[(melding.year, melding.month)] += 1
    today = dt.date.today()
    window = []
    y, m = today.year, today.month
    for _ in range(build.MONTHS):
        window.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    window.reverse()

    grid: dict[tuple[int, int], Any] = {(1, 1): "Overzicht Wkb-register", (2, 1): "Dossiers", (2, 2): len(views),
                                        (4, 1): "Status", (4, 2): "Aantal", (4, 4): "Signaal", (4, 5): "Ernst",
                                        (4, 6): "Aantal", (4, 8): "Maand", (4, 9): "Meldingen"}
    try:
        from wkb_desk.rules.status import STATUSES  # the rules' order reads naturally
    except ImportError:  # pragma: no cover - rules not installed
        STATUSES = ()
    order = {s: i for i, s in enumerate(STATUSES)}
    for i, (status, n) in enumerate(sorted(statuses.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))):
        grid[(5 + i, 1)], grid[(5 + i, 2)] = status, n
    sev = {s: i for i, s in enumerate(("kritiek", "hoog", "middel", "info"))}
    for i, ((code, severity), n) in enumerate(sorted(flags.items(), key=lambda kv: (sev.get(kv[0][1], 9), -kv[1], kv[0][0]))):
        grid[(5 + i, 4)], grid[(5 + i, 5)], grid[(5 + i, 6)] = code.replace("_", " "), severity, n
    for i, (yy, mm) in enumerate(window):
        grid[(build.OVERVIEW_FIRST_ROW + i, build.OVERVIEW_MONTH_COL)] = f"{MONTHS_NL[mm - 1]} {yy}"
        grid[(build.OVERVIEW_FIRST_ROW + i, build.OVERVIEW_MONTH_COL + 1)] = months.get((yy, mm), 0)
    last_row = max(r for r, _c in grid)
    rows = [[grid.get((r, c)) for c in range(1, 10)] for r in range(1, last_row + 1)]
    ref = pkg.sheets.get(schema.OVERVIEW_SHEET)
    old_styles = _sheet_styles(Sheet.parse(pkg.text(ref.path))) if ref else {}

    def style(r: int, c: int, value: Any) -> int | None:
        if (r, c) == (1, 1):
            return old_styles.get((1, 1))
        if r == 4:
            return tpl.get("header")
        return None

    return _replace_rows(pkg, schema.OVERVIEW_SHEET, rows, style)


def _read_letters_sent(conn: sqlite3.Connection, pkg: Package, trusted: bool) -> None:
    """People's "Verzonden op" on the Brieven sheet -> the ledger, before the sheet is regenerated."""
    from wkb_desk.letters.store import set_sent
    from wkb_desk.register.letters_sheet import read_sent

    try:
        set_sent(conn, read_sent(pkg, trusted=trusted))
    except sqlite3.OperationalError as exc:  # a ledger without the letters table (older version)
        if "no such table" not in str(exc):
            raise


def _write_letters(pkg: Package, settings: Settings, conn: sqlite3.Connection, tpl: dict[str, int]) -> bool:
    """The Brieven sheet: one row per letter in the ledger, with a link to the file in outbox/."""
    from wkb_desk.register.letters_sheet import letter_rows

    ref = pkg.sheets.get(schema.LETTERS_SHEET)
    if ref is None:
        return False
    found = letter_rows(settings, conn)
    date_cols = {schema.LETTER_HEADERS.index("Datum") + 1, schema.LETTER_HEADERS.index("Verzonden op") + 1}
    link_col = schema.LETTER_HEADERS.index("Bestand") + 1
    targets = {i: t for i, (_v, t) in enumerate(found) if t}

    def style(r: int, c: int, value: Any) -> int | None:
        if r == 1:
            return tpl.get("header")
        if c in date_cols and isinstance(value, dt.date):
            return tpl.get("date")
        if c == link_col and value is not None and (r - 2) in targets:
            return tpl.get("link")
        return tpl.get("wrap") if c == schema.LETTER_HEADERS.index("Reden") + 1 else tpl.get("text")

    rows = [list(schema.LETTER_HEADERS)] + [v for v, _t in found]
    links = [(f"{col_letter(link_col)}{i + 2}", f"wkbB{i + 2}") for i in targets]
    changed = _replace_rows(pkg, schema.LETTERS_SHEET, rows, style, links=links)
    rels = [x for x in pkg.rels(ref.rels_path) if x.get("Type") != HYPERLINK_TYPE]
    rels_xml = _rels_xml(rels, [(f"wkbB{i + 2}", t) for i, t in targets.items()])
    old_rels = pkg.text(ref.rels_path) if pkg.has(ref.rels_path) else None
    if old_rels != rels_xml and (targets or old_rels is not None):
        pkg.set(ref.rels_path, rels_xml)
        changed = True
    return changed


def _write_lists(pkg: Package, behandelaars: list[str], statuses: list[str], token: str | None,
                 record: list[str] | None = None) -> bool:
    """The hidden Lijsten sheet: style templates (row 1, kept), version token (G1), drop-down values, and in
    column D the record of the tool columns the workbook has had."""
    ref = pkg.sheets.get(schema.LISTS_SHEET)
    if ref is None:
        return False
    try:
        from wkb_desk.rules.status import STATUSES
    except ImportError:  # pragma: no cover
        STATUSES = ()
    status_list = list(STATUSES) + [s for s in statuses if s not in STATUSES]
    sheet = Sheet.parse(pkg.text(ref.path))
    # Names people put in the list themselves stay, also before anyone is assigned.
    listed = {str(cell_value(t, inner, pkg.shared_strings())).strip()
              for row in sheet.rows if row.r >= build.LIST_FIRST_ROW
              for col, _s, t, inner, _raw in row.cells() if col == 1 and inner is not None}
    behandelaars = sorted({b for b in listed | set(behandelaars) if b and b != "None"}, key=str.casefold)
    record = record or []
    gap = [None] * (build.RECORD_COL - 3)  # columns A and B hold the lists
    rows: list[list[Any]] = [[], ["Behandelaar", "Status"] + (gap + [schema.RECORD_HEADER] if record else [])]
    for i in range(max(len(behandelaars), len(status_list), len(record))):
        rows.append([behandelaars[i] if i < len(behandelaars) else None,
                     status_list[i] if i < len(status_list) else None]
                    + (gap + [record[i] if i < len(record) else None] if record else []))
    row1 = next((row for row in sheet.rows if row.r == 1), None)
    token_col = split_ref(build.TOKEN_CELL)[0]
    token_cell = {token_col: cell_xml(build.TOKEN_CELL, token, None)}
    fixed = patch_row(row1, token_cell) if row1 else f'<row r="1">{token_cell[token_col]}</row>'
    return _replace_rows(pkg, schema.LISTS_SHEET, rows, lambda r, c, v: None, fixed={1: fixed})

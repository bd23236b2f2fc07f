"""Helpers for the register tests: a real ledger, dossiers, documents, Office owner files.

`Desk` mimics what the rules do for the register: it builds DossierViews from simple facts and applies the
people's corrections stored in the ledger (keyed by DossierView attribute), like rules/views.py does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from wkb_desk import ledger
from wkb_desk.models import Deadline, DossierView, Flag

DATE_FIELDS = {"datum_bouwmelding", "geplande_start", "startmelding", "gereedmelding", "ingebruikname"}


class Desk:
    def __init__(self, settings) -> None:
        self.settings = settings
        self.conn = ledger.connect(settings.paden.database)
        self.facts: dict[str, dict[str, Any]] = {}
        self._docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def resync(self) -> None:
        """After another process (a crash test's child) added documents to the same ledger."""
        self._docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def dossier(self, number: int, **fields: Any) -> str:
        d = f"WKB-2026-{number:04d}"
        self.conn.execute("INSERT OR IGNORE INTO dossiers (id, created_at) VALUES (?, ?)", (d, ledger.now_iso()))
        base = dict(
            verzoeknummer=f"2026010{number:06d}", adres=f"Kerkstraat {number}", postcode="7418 ET", plaats="Deventer",
            omschrijving=f"Nieuwbouw woning {number}", kwaliteitsborger="Borg4", instrument="WKI",
            datum_bouwmelding=dt.date(2026, 1, 5) + dt.timedelta(days=number), status="melding ontvangen",
        )
        base.update(fields)
        self.facts[d] = base
        self.document(d, f"bouwmelding-{number}.pdf")
        return d

    def document(self, dossier: str | None, name: str, *, status: str = "verwerkt", kind: str = "bouwmelding",
                 error: str | None = None, archive: str | None = "auto") -> int:
        self._docs += 1
        if archive == "auto":
            folder = "archief/2026" if status == "verwerkt" else "fouten"
            archive = f"{folder}/{self._docs:04d}-{name}"
        if archive:
            target = self.settings.base_dir / archive
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"%PDF-1.4 test")
        cur = self.conn.execute(
            "INSERT INTO documents (sha256, original_name, size, received_at, archive_path, status, error_code,"
            " error_message, kind, dossier_id) VALUES (?, ?, 10, ?, ?, ?, ?, ?, ?, ?)",
            (f"sha-{self._docs}", name, "2026-02-03T10:00:00+01:00", archive, status,
             "beschadigd" if error else None, error, kind if status == "verwerkt" else None, dossier),
        )
        return cur.lastrowid

    def views(self) -> list[DossierView]:
        corrections: dict[str, dict[str, str | None]] = {}
        for d, f, v in self.conn.execute("SELECT dossier_id, field, value FROM corrections"):
            corrections.setdefault(d, {})[f] = v
        docs: dict[str, list[str]] = {}
        for d, name in self.conn.execute("SELECT dossier_id, original_name FROM documents"):
            docs.setdefault(d, []).append(name)
        out = []
        names = {f.name for f in dataclasses.fields(DossierView)}
        for d, facts in sorted(self.facts.items()):
            values = dict(facts)
            for key, value in corrections.get(d, {}).items():
                if key in names and key not in ("signalen", "ontbreekt", "volgende_termijn"):
                    values[key] = dt.date.fromisoformat(value) if key in DATE_FIELDS and value else value
            out.append(DossierView(dossier=d, documenten=tuple(docs.get(d, ())), **values))
        return out

    def factory(self):
        return self.views


def flag(severity: str, message: str = "Startmelding ontbreekt.", code: str = "startmelding_ontbreekt") -> Flag:
    return Flag(code, severity, message)


def deadline(day: dt.date) -> Deadline:
    return Deadline("uiterste_startmelding", day, "Uiterste startmelding")


def owner_file_bytes(user: str) -> bytes:
    """An owner file as Office writes it: ANSI name with length byte, padded, then length + UTF-16-LE name."""
    ansi = user.encode("cp1252", "replace")[:53]
    head = bytes([len(ansi)]) + ansi
    head += b" " * (54 - len(head))
    wide = user.encode("utf-16-le")
    body = len(user).to_bytes(2, "little") + wide
    data = head + body
    return data + b"\x20\x00" * ((162 - len(data)) // 2)


def header_map(ws) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[1] if c.value is not None}


def row_of(ws, dossier: str) -> int:
    col = header_map(ws)["Dossier"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, col).value == dossier:
            return row
    raise AssertionError(f"{dossier} niet in het register")


def cell(path: Path, dossier: str, header: str) -> Any:
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    return ws.cell(row_of(ws, dossier), header_map(ws)[header]).value


def edit_cell(path: Path, dossier: str, header: str, value: Any) -> None:
    """A person opens the register, changes one cell of a dossier's row and saves."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.cell(row_of(ws, dossier), header_map(ws)[header]).value = value
    wb.save(path)

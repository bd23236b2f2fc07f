"""The issue's acceptance through the real intake: ingest, a person edits the register, ingest more."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn
from test_register_support import header_map, owner_file_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _bouwmeldingen(n: int) -> list[str]:
    truth = SHARED / "samples" / "truth.json"
    if not truth.exists():
        pytest.skip("../shared/samples ontbreekt (alleen in de ontwikkelomgeving)")
    items = json.loads(truth.read_text(encoding="utf-8"))
    return [x["file"] for x in items if x["kind"] == "bouwmelding" and x["fields"].get("straat")][:n]


def _ingest(settings, files: list[str]):
    from wkb_desk.desk import Desk

    for name in files:
        shutil.copy2(SHARED / "samples" / name, settings.paden.inbox / name)
    with Desk(settings) as desk:
        for path in desk.candidates():
            desk.process(path)
        return desk.flush()


def _rows(path) -> dict[str, dict[str, object]]:
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    out = {}
    for r in range(2, ws.max_row + 1):
        values = {h: ws.cell(r, c).value for h, c in cols.items()}
        if values.get("Dossier"):
            out[values["Verzoeknummer"] or values["Dossier"]] = values
    return out


def test_people_edits_survive_ingesting_more_documents(settings):
    files = _bouwmeldingen(6)
    path = settings.paden.register
    first = _ingest(settings, files[:3])
    assert first.register_written
    assert len(_rows(path)) >= 2

    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    ws.cell(2, cols["Opmerkingen"]).value = "Aannemer gebeld"
    ws.cell(3, cols["Adres"]).value = "Gecorrigeerd adres 1"
    extra = ws.max_column + 1
    ws.cell(1, extra).value = "Prioriteit"
    ws.cell(2, extra).value = "hoog"
    ws.column_dimensions["F"].width = 61
    ws.tables["Register"].autoFilter.filterColumn.append(
        FilterColumn(colId=cols["Plaats"] - 1, customFilters=CustomFilters(customFilter=[CustomFilter(val="*")])))
    key2, key3 = ws.cell(2, cols["Dossier"]).value, ws.cell(3, cols["Dossier"]).value
    wb.save(path)

    # Excel has it open: the ledger takes the documents, the register waits.
    owner = path.with_name("~$" + path.name)
    owner.write_bytes(owner_file_bytes("Teamleider Wkb"))
    before = path.read_bytes()
    busy = _ingest(settings, files[3:5])
    assert busy.register_busy == "Teamleider Wkb"
    assert path.read_bytes() == before
    owner.unlink()

    later = _ingest(settings, files[5:])
    assert later.register_written
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    by_dossier = {ws.cell(r, cols["Dossier"]).value: r for r in range(2, ws.max_row + 1)}
    from wkb_desk import ledger
    from wkb_desk.rules.views import build_dossier_views

    conn = ledger.connect(settings.paden.database)
    views = {v.dossier: v for v in build_dossier_views(conn, settings, dt.date.today())}
    assert set(by_dossier) == set(views)  # one row per dossier, the waiting documents' dossiers included
    names = {n for v in views.values() for n in v.documenten}
    assert set(files) <= names
    assert ws.cell(by_dossier[key2], cols["Opmerkingen"]).value == "Aannemer gebeld"
    assert ws.cell(by_dossier[key2], cols["Prioriteit"]).value == "hoog"
    assert ws.cell(by_dossier[key3], cols["Adres"]).value == "Gecorrigeerd adres 1"
    assert ws.column_dimensions["F"].width == 61
    assert ws.tables["Register"].autoFilter.filterColumn[0].colId == cols["Plaats"] - 1
    row = conn.execute("SELECT value, source FROM corrections WHERE dossier_id = ? AND field = 'adres'", (key3,)).fetchone()
    assert tuple(row) == ("Gecorrigeerd adres 1", "register")
    # The rules use it too: the view carries the person's address.
    assert views[key3].adres == "Gecorrigeerd adres 1"
    conn.close()

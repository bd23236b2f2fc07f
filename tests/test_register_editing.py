"""People work in the register (here with openpyxl, as Excel would save it); the tool keeps all of it."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.styles import PatternFill
from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn
from test_register_support import Desk, cell, edit_cell, header_map, row_of

from wkb_desk.register import rebuild_register, update_register


def _person_edits(path, desk: Desk):
    """What a team lead does in Excel: notes, a corrected address, an own column, widths, a filter, a colour."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    r1, r2 = row_of(ws, "WKB-2026-0001"), row_of(ws, "WKB-2026-0002")
    ws.cell(r1, cols["Opmerkingen"]).value = "Bellen met aannemer"
    ws.cell(r2, cols["Behandelaar"]).value = "Fatima"
    ws.cell(r2, cols["Adres"]).value = "Kerkstraat 2a"  # the extraction had it wrong
    ws.cell(r1, cols["Adres"]).fill = PatternFill("solid", fgColor="FFFF00")
    extra = ws.max_column + 1
    ws.cell(1, extra).value = "Prioriteit"
    ws.cell(r1, extra).value = 1
    ws.cell(r2, extra).value = 3
    ws.column_dimensions["C"].width = 55
    table = ws.tables["Register"]
    plaats = cols["Plaats"] - 1
    table.autoFilter.filterColumn.append(
        FilterColumn(colId=plaats, customFilters=CustomFilters(customFilter=[CustomFilter(operator="equal", val="Deventer")])))
    wb.save(path)


def test_people_edits_survive_an_update_with_more_dossiers(settings):
    desk = Desk(settings)
    for i in range(1, 4):
        desk.dossier(i)
    path = settings.paden.register
    first = update_register(settings, desk.conn, desk.factory())
    assert first.saved and first.rows_added == 3 and path.exists()

    _person_edits(path, desk)
    for i in range(4, 7):
        desk.dossier(i)
    result = update_register(settings, desk.conn, desk.factory())

    assert result.saved and result.rows_added == 3
    assert ("WKB-2026-0002", "adres", "Kerkstraat 2a") in result.corrections
    stored = desk.conn.execute(
        "SELECT value, source FROM corrections WHERE dossier_id = 'WKB-2026-0002' AND field = 'adres'").fetchone()
    assert tuple(stored) == ("Kerkstraat 2a", "register")

    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    r1, r2 = row_of(ws, "WKB-2026-0001"), row_of(ws, "WKB-2026-0002")
    assert ws.cell(r1, cols["Opmerkingen"]).value == "Bellen met aannemer"
    assert ws.cell(r2, cols["Behandelaar"]).value == "Fatima"
    assert ws.cell(r2, cols["Adres"]).value == "Kerkstraat 2a"
    assert ws.cell(r1, cols["Adres"]).fill.fgColor.rgb.endswith("FFFF00")
    assert "Prioriteit" in cols
    assert ws.cell(r1, cols["Prioriteit"]).value == 1 and ws.cell(r2, cols["Prioriteit"]).value == 3
    assert ws.column_dimensions["C"].width == 55
    table = ws.tables["Register"]
    assert [fc.colId for fc in table.autoFilter.filterColumn] == [cols["Plaats"] - 1]
    assert table.ref.endswith(str(ws.max_row))  # the table grew with the new rows
    for i in range(4, 7):
        assert row_of(ws, f"WKB-2026-{i:04d}") > r2
    # The dossiers the person did not touch keep the tool's values.
    assert ws.cell(row_of(ws, "WKB-2026-0003"), cols["Adres"]).value == "Kerkstraat 3"


def test_a_correction_is_kept_when_the_views_were_built_before_the_edit(settings):
    """A plain list of views built before the read-back still shows the person's value."""
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.views())
    stale_views = desk.views()  # built now, before the person's edit

    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.cell(row_of(ws, "WKB-2026-0001"), header_map(ws)["Postcode"]).value = "7418 EX"
    ws.cell(row_of(ws, "WKB-2026-0001"), header_map(ws)["Startmelding"]).value = dt.datetime(2026, 3, 2)
    wb.save(path)

    update_register(settings, desk.conn, stale_views)
    assert cell(path, "WKB-2026-0001", "Postcode") == "7418 EX"
    assert cell(path, "WKB-2026-0001", "Startmelding") == dt.datetime(2026, 3, 2)
    corrections = dict(desk.conn.execute("SELECT field, value FROM corrections").fetchall())
    assert corrections == {"postcode": "7418 EX", "startmelding": "2026-03-02"}

    # Later extraction changes do not overwrite the person's value; another edit replaces the correction.
    desk.facts["WKB-2026-0001"]["postcode"] = "7418 AA"
    update_register(settings, desk.conn, desk.factory())
    assert cell(path, "WKB-2026-0001", "Postcode") == "7418 EX"
    edit_cell(path, "WKB-2026-0001", "Postcode", None)  # cleared on purpose
    update_register(settings, desk.conn, desk.factory())
    assert cell(path, "WKB-2026-0001", "Postcode") is None
    row = desk.conn.execute("SELECT value FROM corrections WHERE field = 'postcode'").fetchone()
    assert row["value"] is None  # NULL: cleared by a person


def test_the_tool_updates_its_own_cells_but_not_edited_ones(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    desk.facts["WKB-2026-0001"]["status"] = "gestart"
    desk.facts["WKB-2026-0001"]["startmelding"] = dt.date(2026, 2, 20)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.rows_updated == 1 and not result.corrections
    assert cell(path, "WKB-2026-0001", "Status") == "gestart"
    assert cell(path, "WKB-2026-0001", "Startmelding") == dt.datetime(2026, 2, 20)
    assert desk.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_nothing_changed_means_no_save(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    before = path.read_bytes()
    result = update_register(settings, desk.conn, desk.factory())
    assert not result.saved and path.read_bytes() == before


def test_a_deleted_row_stays_away_until_new_facts_or_a_rebuild(settings):
    desk = Desk(settings)
    for i in range(1, 4):
        desk.dossier(i)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0002", "Opmerkingen", "Vervalt")
    update_register(settings, desk.conn, desk.factory())  # the note is read back
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.delete_rows(row_of(ws, "WKB-2026-0002"))
    ws.tables["Register"].ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    wb.save(path)

    result = update_register(settings, desk.conn, desk.factory())
    assert result.deleted == ["WKB-2026-0002"]
    assert result.hidden_deleted == 1 and not result.corrections
    ids = _dossiers(path)
    assert ids == ["WKB-2026-0001", "WKB-2026-0003"]
    assert update_register(settings, desk.conn, desk.factory()).hidden_deleted == 1
    assert _dossiers(path) == ["WKB-2026-0001", "WKB-2026-0003"]

    # A new document for that dossier needs attention: the row comes back (at the end).
    desk.document("WKB-2026-0002", "gereedmelding.pdf", kind="gereedmelding")
    result = update_register(settings, desk.conn, desk.factory())
    assert result.restored == ["WKB-2026-0002"]
    assert _dossiers(path) == ["WKB-2026-0001", "WKB-2026-0003", "WKB-2026-0002"]


def test_rebuild_restores_everything_people_did(settings):
    desk = Desk(settings)
    for i in range(1, 4):
        desk.dossier(i)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    _person_edits(path, desk)
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.delete_rows(row_of(ws, "WKB-2026-0003"))
    wb.save(path)
    update_register(settings, desk.conn, desk.factory())
    assert "WKB-2026-0003" not in _dossiers(path)

    path.unlink()  # even with the file gone
    result = rebuild_register(settings, desk.conn, desk.factory())
    assert result.saved and result.rebuilt
    assert _dossiers(path) == ["WKB-2026-0001", "WKB-2026-0002", "WKB-2026-0003"]
    assert cell(path, "WKB-2026-0002", "Adres") == "Kerkstraat 2a"
    assert cell(path, "WKB-2026-0001", "Opmerkingen") == "Bellen met aannemer"
    assert cell(path, "WKB-2026-0002", "Behandelaar") == "Fatima"
    assert cell(path, "WKB-2026-0002", "Prioriteit") == 3
    ws = openpyxl.load_workbook(path)["Register"]
    assert list(header_map(ws))[-1] == "Prioriteit"  # the people's column order is kept
    # Editing goes on as before after a rebuild.
    edit_cell(path, "WKB-2026-0003", "Plaats", "Olst")
    assert ("WKB-2026-0003", "plaats", "Olst") in update_register(settings, desk.conn, desk.factory()).corrections


def test_a_restored_old_copy_is_not_mistaken_for_edits(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    old_copy = path.read_bytes()
    desk.facts["WKB-2026-0001"]["status"] = "gestart"
    update_register(settings, desk.conn, desk.factory())
    path.write_bytes(old_copy)  # someone puts an older version back

    result = update_register(settings, desk.conn, desk.factory())
    assert not result.corrections and result.warnings
    assert cell(path, "WKB-2026-0001", "Status") == "gestart"


def test_dry_run_writes_nothing(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0001", "Adres", "Elders 1")
    before = path.read_bytes()
    desk.dossier(2)
    result = update_register(settings, desk.conn, desk.factory(), dry_run=True)
    assert result.dry_run and not result.saved and result.rows_added == 1
    assert result.corrections == [("WKB-2026-0001", "adres", "Elders 1")]
    assert path.read_bytes() == before
    assert desk.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def _dossiers(path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Register"]
    col = header_map(ws)["Dossier"]
    return [ws.cell(r, col).value for r in range(2, ws.max_row + 1) if ws.cell(r, col).value]


def test_columns_are_found_by_header_after_people_reorder_them(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    a, p = cols["Adres"], cols["Plaats"]
    for r in range(1, ws.max_row + 1):  # swap the two columns, as dragging them in Excel would
        ws.cell(r, a).value, ws.cell(r, p).value = ws.cell(r, p).value, ws.cell(r, a).value
    table = ws.tables["Register"]
    table.tableColumns[a - 1].name, table.tableColumns[p - 1].name = "Plaats", "Adres"
    ws.cell(1, cols["Status"]).value = "Fase"  # a tool column renamed by a person
    wb.save(path)

    desk.facts["WKB-2026-0001"]["adres"] = "Kerkstraat 1b"
    desk.dossier(2)
    result = update_register(settings, desk.conn, desk.factory())
    assert not result.corrections
    assert any("Status" in w and "rebuild" in w for w in result.warnings)
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    assert cols["Adres"] == p and cols["Plaats"] == a
    assert ws.cell(row_of(ws, "WKB-2026-0001"), cols["Adres"]).value == "Kerkstraat 1b"
    assert ws.cell(row_of(ws, "WKB-2026-0002"), cols["Adres"]).value == "Kerkstraat 2"
    assert ws.cell(row_of(ws, "WKB-2026-0002"), cols["Plaats"]).value == "Deventer"
    assert ws.cell(row_of(ws, "WKB-2026-0001"), cols["Fase"]).value == "melding ontvangen"  # the person's column now


def test_read_corrections_only_reads(settings):
    from wkb_desk.register import read_corrections

    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    assert read_corrections(settings, desk.conn) == 0  # no register yet
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0001", "Kwaliteitsborger", "Borg KB")
    before = path.read_bytes()
    assert read_corrections(settings, desk.conn) == 1
    assert path.read_bytes() == before
    assert desk.views()[0].kwaliteitsborger == "Borg KB"  # the rules see it from now on


def test_behandelaar_list_offers_names_in_use_and_names_people_added(settings):
    desk = Desk(settings)
    desk.dossier(1)
    desk.dossier(2)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.cell(row_of(ws, "WKB-2026-0002"), header_map(ws)["Behandelaar"]).value = "Fatima"
    wb["Lijsten"]["A3"] = "Nieuwe collega"
    wb.save(path)
    desk.dossier(3)
    update_register(settings, desk.conn, desk.factory())
    names = [c.value for c in openpyxl.load_workbook(path)["Lijsten"]["A"][2:] if c.value]
    assert names == ["Fatima", "Nieuwe collega"]


def test_a_cleared_signal_does_not_hide_a_new_one(settings):
    from test_register_support import flag

    desk = Desk(settings)
    desk.dossier(1, signalen=(flag("middel", "Borgingsplan ontbreekt.", "borgingsplan_ontbreekt"),))
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0001", "Signalen", None)  # "seen, handled"
    result = update_register(settings, desk.conn, desk.factory())
    assert result.corrections == [("WKB-2026-0001", "signalen", None)]
    assert cell(path, "WKB-2026-0001", "Signalen") is None  # the person's choice holds while nothing changes
    assert update_register(settings, desk.conn, desk.factory()).refilled == []

    desk.facts["WKB-2026-0001"]["signalen"] = (flag("kritiek", "Verklaring negatief."),)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.refilled == [("WKB-2026-0001", "signalen")]
    assert cell(path, "WKB-2026-0001", "Signalen") == "[kritiek] Verklaring negatief."
    assert desk.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_a_folded_dossier_leaves_the_register_and_its_notes_follow(settings):
    desk = Desk(settings)
    for i in range(1, 4):
        desk.dossier(i)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    ws.cell(row_of(ws, "WKB-2026-0002"), cols["Opmerkingen"]).value = "Hoort bij 0001"
    ws.cell(row_of(ws, "WKB-2026-0002"), cols["Behandelaar"]).value = "Fatima"
    ws.cell(row_of(ws, "WKB-2026-0001"), cols["Behandelaar"]).value = "Joost"
    wb.save(path)
    update_register(settings, desk.conn, desk.factory())

    # A person links the documents of 0002 into 0001 (what `wkb-desk link` and automatic folding do).
    desk.conn.execute("UPDATE dossiers SET merged_into = 'WKB-2026-0001' WHERE id = 'WKB-2026-0002'")
    desk.conn.execute("UPDATE documents SET dossier_id = 'WKB-2026-0001' WHERE dossier_id = 'WKB-2026-0002'")
    del desk.facts["WKB-2026-0002"]
    result = update_register(settings, desk.conn, desk.factory())
    assert result.removed == ["WKB-2026-0002"] and not result.deleted
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    ids = [ws.cell(r, cols["Dossier"]).value for r in range(2, ws.max_row + 1)]
    assert [i for i in ids if i] == ["WKB-2026-0001", "WKB-2026-0003"]
    r1 = row_of(ws, "WKB-2026-0001")
    assert ws.cell(r1, cols["Opmerkingen"]).value == "Hoort bij 0001"  # carried over: the cell was empty
    assert ws.cell(r1, cols["Behandelaar"]).value == "Joost"  # not overwritten
    # Nothing is read as a person's deletion afterwards, and a rebuild keeps the carried note.
    assert update_register(settings, desk.conn, desk.factory()).deleted == []
    from wkb_desk.register import rebuild_register

    rebuild_register(settings, desk.conn, desk.factory())
    assert cell(path, "WKB-2026-0001", "Opmerkingen") == "Hoort bij 0001"


def test_a_dossier_left_without_documents_leaves_the_register(settings):
    """`wkb-desk link` moved its only document elsewhere: the row is emptied; notes are reported, not lost."""
    desk = Desk(settings)
    desk.dossier(1)
    desk.dossier(2)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0002", "Opmerkingen", "Verkeerd gekoppeld?")
    desk.conn.execute("UPDATE documents SET dossier_id = 'WKB-2026-0001' WHERE dossier_id = 'WKB-2026-0002'")
    del desk.facts["WKB-2026-0002"]
    result = update_register(settings, desk.conn, desk.factory())
    assert result.removed == ["WKB-2026-0002"]
    assert any("Verkeerd gekoppeld?" in w for w in result.warnings)
    ws = openpyxl.load_workbook(path)["Register"]
    assert [c.value for c in ws["A"][1:] if c.value] == ["WKB-2026-0001"]

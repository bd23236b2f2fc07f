"""After an upgrade the register gets the tool's new columns by itself; a tool column a person deleted stays away.

The "old" registers here are made by this code with the previous release's column list (schema patched), and
without the record of tool columns in Lijsten column D, which that release did not write.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from test_register_support import Desk, edit_cell, header_map, row_of

from wkb_desk.register import rebuild_register, update_register
from wkb_desk.register import schema
from wkb_desk.register.ooxml import Package, Sheet, patch_row
from wkb_desk.register.readback import read_register

NEW = [c for c in schema.TOOL_COLUMNS if c.key not in schema.PREVIOUS_RELEASE_KEYS]
MELDER = dict(melder="Bouwbedrijf Jansen BV", melder_adres="Industrieweg 4", melder_postcode="7400 AB",
              melder_plaats="Deventer", melder_email="info@jansen.example")


@contextlib.contextmanager
def previous_release(monkeypatch):
    """The register code as the previous release had it: only the older tool columns."""
    old = tuple(c for c in schema.REGISTER_COLUMNS if not c.tool or c.key in schema.PREVIOUS_RELEASE_KEYS)
    with monkeypatch.context() as m:
        m.setattr(schema, "REGISTER_COLUMNS", old)
        m.setattr(schema, "TOOL_COLUMNS", tuple(c for c in old if c.tool))
        m.setattr(schema, "BY_HEADER", {c.header.casefold(): c for c in old})
        yield


def drop_record(path) -> None:
    """Remove Lijsten column D (the record of tool columns), as a register of the previous release lacks it."""
    pkg = Package(path)
    ref = pkg.sheets["Lijsten"]
    sheet = Sheet.parse(pkg.text(ref.path))
    assert any(c[0] == 4 for row in sheet.rows for c in row.cells()), "no record to drop"
    for row in sheet.rows:
        if any(c[0] == 4 for c in row.cells()):
            sheet.changed_rows[row.r] = patch_row(row, {4: ""})
    pkg.set(ref.path, f"{sheet.head}<sheetData>{sheet.render_body({})}</sheetData>{sheet.tail}")
    buf = io.BytesIO()
    pkg.save(buf)
    pkg.close()
    path.write_bytes(buf.getvalue())


def old_register(settings, desk: Desk, monkeypatch):
    with previous_release(monkeypatch):
        update_register(settings, desk.conn, desk.factory())
    path = settings.paden.register
    drop_record(path)
    headers = list(header_map(openpyxl.load_workbook(path)["Register"]))
    assert not any(c.header in headers for c in NEW)
    return path


def _person_works(path) -> None:
    """Notes, a corrected address, an own column at the end, a wider column: saved as Excel would."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    r1, r2 = row_of(ws, "WKB-2026-0001"), row_of(ws, "WKB-2026-0002")
    ws.cell(r1, cols["Opmerkingen"]).value = "Bellen met aannemer"
    ws.cell(r2, cols["Behandelaar"]).value = "Fatima"
    ws.cell(r2, cols["Adres"]).value = "Kerkstraat 2a"
    extra = ws.max_column + 1
    ws.cell(1, extra).value = "Prioriteit"
    ws.cell(r1, extra).value = 1
    ws.cell(r2, extra).value = 3
    table = ws.tables["Register"]
    table.ref = f"A1:{get_column_letter(extra)}{ws.max_row}"  # Excel grows the table over a typed column
    table.tableColumns.append(type(table.tableColumns[0])(id=extra, name="Prioriteit"))
    ws.column_dimensions["C"].width = 55
    wb.save(path)


def test_an_old_register_gets_the_new_columns_with_values_and_keeps_peoples_work(settings, monkeypatch, caplog):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    desk.dossier(2, melder="Woningcorporatie Oost")
    desk.dossier(3, te_controleren=("geplande_start",))
    path = old_register(settings, desk, monkeypatch)
    _person_works(path)
    old_headers = list(header_map(openpyxl.load_workbook(path)["Register"]))

    with caplog.at_level(logging.INFO, logger="wkb_desk.register"):
        result = update_register(settings, desk.conn, desk.factory())
    assert result.saved and result.columns_added == [c.header for c in NEW]
    assert not any("staan niet" in w for w in result.warnings)
    assert f"Nieuwe kolom(men) toegevoegd aan het register: {', '.join(c.header for c in NEW)}." in caplog.text
    assert result.corrections == [("WKB-2026-0002", "adres", "Kerkstraat 2a")]

    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    headers = [c.value for c in ws[1] if c.value is not None]
    assert headers == old_headers + [c.header for c in NEW]  # appended after the person's own column
    cols = header_map(ws)
    r1, r2, r3 = (row_of(ws, f"WKB-2026-000{i}") for i in (1, 2, 3))
    assert ws.cell(r1, cols["Melder"]).value == "Bouwbedrijf Jansen BV"
    assert ws.cell(r1, cols["E-mail melder"]).value == "info@jansen.example"
    assert ws.cell(r2, cols["Melder"]).value == "Woningcorporatie Oost"
    assert ws.cell(r3, cols["Te controleren"]).value  # the guessed start date is named
    assert ws.cell(r3, cols["Te controleren"]).alignment.wrap_text  # same cell style as a new register
    # people's work
    assert ws.cell(r1, cols["Opmerkingen"]).value == "Bellen met aannemer"
    assert ws.cell(r2, cols["Behandelaar"]).value == "Fatima"
    assert ws.cell(r2, cols["Adres"]).value == "Kerkstraat 2a"
    assert [ws.cell(r, cols["Prioriteit"]).value for r in (r1, r2)] == [1, 3]
    assert ws.column_dimensions["C"].width == 55
    # the table covers the new columns, each table column named as its header
    table = ws.tables["Register"]
    last = get_column_letter(len(headers))
    assert table.ref == f"A1:{last}{ws.max_row}"
    assert [tc.name for tc in table.tableColumns] == headers
    assert table.autoFilter.ref == table.ref
    # widths as in a new register
    for c in NEW:
        assert ws.column_dimensions[get_column_letter(cols[c.header])].width == schema.header_width(c)
    # the row colours (conditional formats over whole rows) reach the new columns
    ranges = [str(cf.sqref) for cf in ws.conditional_formatting]
    assert ranges and all(r.endswith(f":{last}1048576") for r in ranges)
    formulas = [f for cf in ws.conditional_formatting for rule in cf.rules for f in rule.formula]
    guessed = get_column_letter(cols["Te controleren"])
    assert sum(f"LEN(${guessed}2)>0" in f and '"[middel]"' in f for f in formulas) == 1  # orange, as in a new one

    # Recorded now: a second update adds nothing and warns of nothing.
    again = update_register(settings, desk.conn, desk.factory())
    assert again.columns_added == [] and not again.warnings and not again.saved
    # Typing in a new column is a correction like in any tool column.
    edit_cell(path, "WKB-2026-0002", "Melder", "Woningcorporatie Oost-Nederland")
    assert update_register(settings, desk.conn, desk.factory()).corrections == [
        ("WKB-2026-0002", "melder", "Woningcorporatie Oost-Nederland")]


def test_a_tool_column_a_person_deleted_stays_deleted(settings, monkeypatch):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())  # a register of this version: with the record
    _delete_column(path, "Melder")
    _delete_column(path, "Verklaring")

    for _ in range(2):
        desk.dossier(2 + _)
        result = update_register(settings, desk.conn, desk.factory())
        assert result.columns_added == []
        warning = next(w for w in result.warnings if "staan niet (meer)" in w)
        assert "Verklaring, Melder" in warning and "rebuild" in warning
        headers = list(header_map(openpyxl.load_workbook(path)["Register"]))
        assert "Melder" not in headers and "Verklaring" not in headers and "Adres melder" in headers
    # a rebuild is how a person asks for them back
    result = rebuild_register(settings, desk.conn, desk.factory())
    assert result.columns_restored == ["Verklaring", "Melder"] and result.columns_added == []
    assert "kolom(men) teruggezet: Verklaring, Melder" in result.summary()
    assert {"Melder", "Verklaring"} <= set(header_map(openpyxl.load_workbook(path)["Register"]))


def test_an_old_register_whose_old_column_was_deleted_gets_only_the_new_ones(settings, monkeypatch):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    _delete_column(path, "Instrument")
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW]
    assert any("Instrument" in w and "staan niet (meer)" in w for w in result.warnings)
    headers = list(header_map(openpyxl.load_workbook(path)["Register"]))
    assert "Instrument" not in headers and headers[-len(NEW):] == [c.header for c in NEW]


def test_a_register_of_the_last_release_with_a_new_column_deleted_keeps_it_deleted(settings, monkeypatch):
    """Made by the release that already had the new columns but no record: the ledger knows what it wrote."""
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    drop_record(path)
    _delete_column(path, "Melder")
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == []
    assert any("Melder" in w and "staan niet (meer)" in w for w in result.warnings)


def test_moved_columns_keep_their_order(settings, monkeypatch):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    cols = header_map(ws)
    a, p = cols["Adres"], cols["Opmerkingen"]
    for r in range(1, ws.max_row + 1):  # swap two columns, as dragging them in Excel would
        ws.cell(r, a).value, ws.cell(r, p).value = ws.cell(r, p).value, ws.cell(r, a).value
    table = ws.tables["Register"]
    table.tableColumns[a - 1].name, table.tableColumns[p - 1].name = "Opmerkingen", "Adres"
    wb.save(path)
    moved = list(header_map(openpyxl.load_workbook(path)["Register"]))

    desk.facts["WKB-2026-0001"]["adres"] = "Kerkstraat 1b"
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW]
    ws = openpyxl.load_workbook(path)["Register"]
    assert list(header_map(ws)) == moved + [c.header for c in NEW]
    cols = header_map(ws)
    r = row_of(ws, "WKB-2026-0001")
    assert cols["Adres"] == p and ws.cell(r, cols["Adres"]).value == "Kerkstraat 1b"
    assert ws.cell(r, cols["Plaats melder"]).value == "Deventer"


def test_dry_run_reports_the_new_columns_and_writes_nothing(settings, monkeypatch, caplog):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    before = path.read_bytes()
    with caplog.at_level(logging.INFO, logger="wkb_desk.register"):
        result = update_register(settings, desk.conn, desk.factory(), dry_run=True)
    assert result.columns_added == [c.header for c in NEW] and not result.saved
    assert "zou nieuwe kolom(men) toevoegen: Te controleren" in result.summary()
    assert "Proefdraai: deze kolom(men) zouden aan het register worden toegevoegd" in caplog.text
    assert path.read_bytes() == before
    assert update_register(settings, desk.conn, desk.factory()).columns_added == [c.header for c in NEW]


def test_an_old_register_open_in_excel_is_left_alone(settings, monkeypatch):
    from test_register_support import owner_file_bytes

    from wkb_desk.register import RegisterBusy

    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    before = path.read_bytes()
    owner = path.with_name("~$" + path.name)
    owner.write_bytes(owner_file_bytes("Fatima"))
    with pytest.raises(RegisterBusy):
        update_register(settings, desk.conn, desk.factory())
    assert path.read_bytes() == before
    owner.unlink()
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added and result.backup is not None and result.backup.read_bytes() == before


def test_a_register_without_table_gets_its_filter_widened(settings, monkeypatch):
    """A person converted the table to a range and put an autofilter on it."""
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    del ws.tables["Register"]
    ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    wb.save(path)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW]
    ws = openpyxl.load_workbook(path)["Register"]
    assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    assert ws.max_column == len(header_map(ws))
    with zipfile.ZipFile(path) as z:
        names = z.read("xl/workbook.xml").decode()
    m = re.search(r'name="_xlnm._FilterDatabase"[^>]*>([^<]*)<', names)
    assert m is None or m.group(1).endswith(f"${get_column_letter(ws.max_column)}${ws.max_row}")


def _delete_column(path, header: str) -> None:
    """A person deletes a whole column in Excel: cells shift left, the table loses that column."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    col = header_map(ws)[header]
    ws.delete_cols(col)
    table = ws.tables["Register"]
    del table.tableColumns[col - 1]
    table.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    table.autoFilter.ref = table.ref
    wb.save(path)


def test_a_row_a_person_coloured_is_coloured_in_the_new_columns_too(settings, monkeypatch):
    from openpyxl.styles import PatternFill

    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    desk.dossier(2, **MELDER)
    desk.dossier(3, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    r1, r2, r3 = (row_of(ws, f"WKB-2026-000{i}") for i in (1, 2, 3))
    for c in range(1, ws.max_column + 1):  # row 1 selected across the table and filled yellow
        ws.cell(r1, c).fill = PatternFill("solid", fgColor="FFFF00")
    ws.cell(r3, 3).fill = PatternFill("solid", fgColor="00B0F0")  # one cell only: not a row colour
    wb.save(path)

    assert update_register(settings, desk.conn, desk.factory()).columns_added
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    for c in NEW:
        assert ws.cell(r1, cols[c.header]).fill.fgColor.rgb.endswith("FFFF00"), c.header
        assert ws.cell(r2, cols[c.header]).fill.fill_type is None
        assert ws.cell(r3, cols[c.header]).fill.fill_type is None
    assert ws.cell(r1, cols["Melder"]).value == "Bouwbedrijf Jansen BV"
    assert ws.cell(r1, cols["Te controleren"]).alignment.vertical == "top"  # the tool's cell style, with the colour
    assert ws.cell(r3, 3).fill.fgColor.rgb.endswith("00B0F0")


def test_rebuild_dry_run_names_the_columns_it_would_add(settings, monkeypatch, capsys):
    import argparse

    from wkb_desk.register import add_commands

    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    before = path.read_bytes()
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["rebuild", "--dry-run"])
    assert args.func(args, settings) == 0
    out = capsys.readouterr().out
    assert "Proefdraai" in out and f"zou nieuwe kolom(men) toevoegen: {', '.join(c.header for c in NEW)}" in out
    assert path.read_bytes() == before


def test_new_columns_come_after_a_persons_notes_beside_the_table(settings, monkeypatch):
    """Notes typed two columns to the right of the table stay where they are; the table grows over them."""
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    end = ws.max_column
    r = row_of(ws, "WKB-2026-0001")
    ws.cell(1, end + 2).value = "Notitie"
    ws.cell(r, end + 2).value = "zie mail 3 febr."
    ws.cell(r + 3, end + 4).value = "losse aantekening"  # below the rows, further right, no header
    wb.save(path)

    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW]
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    assert cols["Notitie"] == end + 2 and ws.cell(r, end + 2).value == "zie mail 3 febr."
    assert ws.cell(r + 3, end + 4).value == "losse aantekening"
    assert [cols[c.header] for c in NEW] == list(range(end + 5, end + 5 + len(NEW)))
    assert ws.cell(r, cols["Melder"]).value == "Bouwbedrijf Jansen BV"
    table = ws.tables["Register"]
    headers = [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]
    assert [tc.name for tc in table.tableColumns] == headers  # every table column named as its header cell
    assert headers[end] == "Kolom1" and headers[end + 2] == "Kolom2"  # empty headers named as Excel does
    assert table.ref.startswith("A1:" + get_column_letter(ws.max_column))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is hier niet geïnstalleerd")
def test_an_old_register_saved_by_libreoffice_gets_the_new_columns(settings, monkeypatch, tmp_path):
    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    desk.dossier(2, melder="Woningcorporatie Oost")
    path = old_register(settings, desk, monkeypatch)
    edit_cell(path, "WKB-2026-0002", "Opmerkingen", "Terugbellen")
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    path.write_bytes((out / path.name).read_bytes())  # the person saved it in LibreOffice Calc

    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW]
    ws = openpyxl.load_workbook(path)["Register"]
    cols = header_map(ws)
    assert ws.cell(row_of(ws, "WKB-2026-0001"), cols["Melder"]).value == "Bouwbedrijf Jansen BV"
    assert ws.cell(row_of(ws, "WKB-2026-0002"), cols["Opmerkingen"]).value == "Terugbellen"
    for c in NEW:
        assert ws.column_dimensions[get_column_letter(cols[c.header])].width == schema.header_width(c)
    assert list(cols)[-len(NEW):] == [c.header for c in NEW]
    assert update_register(settings, desk.conn, desk.factory()).columns_added == []
    # the record survives the next save in LibreOffice (and one with openpyxl, as the other tests save like Excel)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    path.write_bytes((out / path.name).read_bytes())
    edit_cell(path, "WKB-2026-0001", "Opmerkingen", "Akkoord")
    everything = {c.key for c in schema.TOOL_COLUMNS}
    assert read_register(Package(path)).recorded == everything


def test_a_save_that_did_not_happen_adds_the_columns_next_time(settings, monkeypatch):
    """Excel opened the file just before the swap: nothing written, and the next update still adds the columns
    (the ledger must not think the file got them, or they would count as deleted by a person)."""
    from wkb_desk.register import RegisterBusy, lock

    desk = Desk(settings)
    desk.dossier(1, **MELDER)
    path = old_register(settings, desk, monkeypatch)
    before = path.read_bytes()
    real = lock.check_free
    calls = []

    def busy_at_the_swap(p):
        calls.append(p)
        if len(calls) > 1:
            raise RegisterBusy(p, "Fatima")
        return real(p)

    with monkeypatch.context() as m:
        m.setattr(lock, "check_free", busy_at_the_swap)
        with pytest.raises(RegisterBusy):
            update_register(settings, desk.conn, desk.factory())
    assert path.read_bytes() == before
    result = update_register(settings, desk.conn, desk.factory())
    assert result.columns_added == [c.header for c in NEW] and not result.warnings
    ws = openpyxl.load_workbook(path)["Register"]
    assert ws.cell(row_of(ws, "WKB-2026-0001"), header_map(ws)["Melder"]).value == "Bouwbedrijf Jansen BV"

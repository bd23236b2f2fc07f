"""What the team sees: sheets, headers, real dates, table, formats, drop-downs, links; and no formulas from text."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from urllib.parse import unquote

import openpyxl
from openpyxl.utils import get_column_letter
from test_register_support import Desk, deadline, edit_cell, flag, header_map, row_of

from wkb_desk.register import add_commands, update_register
from wkb_desk.register.ooxml import decode_text, encode_text
from wkb_desk.register.schema import REGISTER_COLUMNS

EVIL = ('=HYPERLINK("http://example.org","klik")', "=1+1", "+31 6 1234", "-5", "@SUM(A1)", "\tTab", "\rCR")


def test_sheets_headers_dates_and_table(settings):
    desk = Desk(settings)
    desk.dossier(1, geplande_start=dt.date(2026, 3, 1), signalen=(flag("kritiek"),), ontbreekt=("borgingsplan",),
                 volgende_termijn=deadline(dt.date(2026, 2, 26)))
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Register", "Documenten", "Brieven", "Overzicht", "Lijsten"]
    assert wb["Lijsten"].sheet_state == "hidden"
    ws = wb["Register"]
    assert [c.value for c in ws[1]] == [c.header for c in REGISTER_COLUMNS]
    cols = header_map(ws)
    r = row_of(ws, "WKB-2026-0001")
    for header, day in (("Datum bouwmelding", dt.date(2026, 1, 6)), ("Geplande start", dt.date(2026, 3, 1)),
                        ("Volgende termijn", dt.date(2026, 2, 26))):
        c = ws.cell(r, cols[header])
        assert c.value == dt.datetime.combine(day, dt.time())  # a real date, not text
        assert c.number_format.endswith("dd-mm-yyyy")
    # the next deadline says which one it is, and stays a date (sorting, filters and colours keep working)
    assert ws.cell(r, cols["Volgende termijn"]).number_format == f'"{deadline(dt.date(2026, 2, 26)).label} "dd-mm-yyyy'
    assert ws.cell(r, cols["Verzoeknummer"]).value == "2026010000001"  # text: no 2.03E+12
    assert ws.cell(r, cols["Signalen"]).value == "[kritiek] Startmelding ontbreekt."
    assert ws.cell(r, cols["Signalen"]).alignment.wrap_text
    assert ws.cell(r, cols["Ontbreekt"]).value == "borgingsplan"
    assert ws.freeze_panes == "B2"
    assert ws.tables["Register"].ref == f"A1:{get_column_letter(len(REGISTER_COLUMNS))}2"
    assert ws.column_dimensions["C"].width > 20 and ws.column_dimensions["P"].width > 40
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    formulas = " ".join(f for rule in rules for f in rule.formula)
    assert '"[kritiek]"' in formulas and "TODAY()" in formulas and "<=7" in formulas  # binnenkort_dagen
    guessed = openpyxl.utils.get_column_letter(cols["Te controleren"])
    assert f"LEN(${guessed}2)>0" in formulas  # a row with a guessed value is orange until someone checks it
    dvs = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert dvs["S2"].type == "list" and dvs["S2"].showErrorMessage is False  # Behandelaar: list, free text allowed
    assert dvs["O2"].formula1.startswith("Lijsten!$B$")  # Status
    statuses = [c.value for c in wb["Lijsten"]["B"][2:] if c.value]
    assert "melding ontvangen" in statuses and "afgesloten" in statuses


def test_soon_setting_reaches_the_conditional_format(workspace):
    settings = workspace("[register]\nbinnenkort_dagen = 10\n")
    desk = Desk(settings)
    desk.dossier(1)
    update_register(settings, desk.conn, desk.factory())
    ws = openpyxl.load_workbook(settings.paden.register)["Register"]
    formulas = " ".join(f for cf in ws.conditional_formatting for rule in cf.rules for f in rule.formula)
    assert "<=10" in formulas


def test_documents_sheet_links_relative_to_the_register(settings):
    desk = Desk(settings)
    d = desk.dossier(1)
    desk.document(d, "startmelding 12 mei.pdf", kind="startmelding")
    desk.document(None, "kapot.pdf", status="quarantaine", error="Het PDF-bestand is beschadigd.")
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    ws = openpyxl.load_workbook(path)["Documenten"]
    assert [c.value for c in ws[1]] == ["Nr", "Document", "Soort", "Dossier", "Ontvangen", "Status", "Reden", "Map"]
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    start = rows["startmelding 12 mei.pdf"]
    assert start[2].value == "startmelding" and start[3].value == d and start[5].value == "verwerkt"
    assert start[4].value == dt.datetime(2026, 2, 3) and start[4].number_format == "dd-mm-yyyy"
    target = start[1].hyperlink.target
    assert not target.startswith(("/", "file:")) and target.startswith("../")
    assert (path.parent / unquote(target)).resolve().read_bytes() == b"%PDF-1.4 test"
    bad = rows["kapot.pdf"]
    assert bad[5].value == "quarantaine" and bad[6].value == "Het PDF-bestand is beschadigd."
    assert (path.parent / unquote(bad[1].hyperlink.target)).resolve().parent.name == "fouten"

    # A new document is appended; the links of the earlier ones stay right.
    desk.document(d, "verklaring.pdf", kind="verklaring")
    update_register(settings, desk.conn, desk.factory())
    ws = openpyxl.load_workbook(path)["Documenten"]
    names = [r[1].value for r in ws.iter_rows(min_row=2)]
    assert names[-1] == "verklaring.pdf" and len(names) == 4
    for r in ws.iter_rows(min_row=2):
        assert (path.parent / unquote(r[1].hyperlink.target)).resolve().name.endswith(r[1].value)


def test_overview_counts_and_chart(settings):
    desk = Desk(settings)
    today = dt.date.today()
    desk.dossier(1, datum_bouwmelding=today, signalen=(flag("kritiek"),))
    desk.dossier(2, datum_bouwmelding=today, signalen=(flag("kritiek"), flag("middel", "Let op.", "blo")))
    desk.dossier(3, datum_bouwmelding=today.replace(day=1) - dt.timedelta(days=1), status="gestart")
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Overzicht"]
    values = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    statuses = {values[(r, 1)]: values[(r, 2)] for r in range(5, 12) if (r, 1) in values}
    assert statuses == {"melding ontvangen": 2, "gestart": 1}
    flags = {values[(r, 4)]: values[(r, 6)] for r in range(5, 12) if (r, 4) in values}
    assert flags == {"startmelding ontbreekt": 2, "blo": 1}
    months = [values[(r, 9)] for r in range(5, 29)]
    assert months[-1] == 2 and months[-2] == 1 and sum(months) == 3
    assert len(ws._charts) == 1
    with zipfile.ZipFile(path) as zf:
        chart = zf.read("xl/charts/chart1.xml").decode()
    assert "Overzicht" in chart and "$I$5:$I$28" in chart


def test_text_never_becomes_a_formula_on_any_sheet(settings):
    desk = Desk(settings)
    d = desk.dossier(1, adres=EVIL[0], omschrijving=EVIL[1], plaats=EVIL[2], kwaliteitsborger=EVIL[3],
                     instrument=EVIL[4], verklaring=EVIL[5], status=EVIL[6])
    desk.document(d, EVIL[0] + ".pdf")
    desk.document(None, "=1+1.pdf", status="quarantaine", error=EVIL[0])
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    # A person types one too, in a people's column that feeds the drop-down list.
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.cell(2, header_map(ws)["Behandelaar"]).value = "=1+1"
    ws.cell(2, header_map(ws)["Behandelaar"]).data_type = "s"
    wb.save(path)
    desk.dossier(2)
    update_register(settings, desk.conn, desk.factory())

    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in zf.read(name).decode() and "<f " not in zf.read(name).decode(), name
    wb = openpyxl.load_workbook(path)
    seen = set()
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                    seen.add(c.value)
    for text in EVIL[:5]:
        assert text in seen
    assert EVIL[0] + ".pdf" in seen and "=1+1.pdf" in seen
    ws = wb["Register"]
    cols = header_map(ws)
    assert ws.cell(row_of(ws, d), cols["Verklaring"]).value == "\tTab"
    assert ws.cell(row_of(ws, d), cols["Status"]).value == "\rCR"  # kept exactly, carriage return included
    assert "=1+1" in [c.value for c in wb["Lijsten"]["A"]]


def test_control_characters_do_not_break_the_workbook(settings):
    desk = Desk(settings)
    desk.dossier(1, omschrijving="Bouw\x00 van\x0b 3 woningen\ufffe", adres="Straat & <Co> \"1\"",
                 plaats="Olst _x0041_")
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    ws = openpyxl.load_workbook(path)["Register"]  # a strict XML parser: the file is well-formed
    cols = header_map(ws)
    assert ws.cell(2, cols["Omschrijving"]).value == "Bouw van 3 woningen"  # junk control characters dropped
    assert ws.cell(2, cols["Adres"]).value == "Straat & <Co> \"1\""
    # Excel decodes _xHHHH_ in text; a literal one is escaped so Excel shows it as typed.
    assert ws.cell(2, cols["Plaats"]).value == "Olst _x005F_x0041_"
    assert decode_text(encode_text("Olst _x0041_ \r\n")) == "Olst _x0041_ \r\n"
    # The cleaned text is not mistaken for a person's edit, nor rewritten every time.
    result = update_register(settings, desk.conn, desk.factory())
    assert not result.saved and not result.corrections


def test_rebuild_command(settings, capsys):
    import argparse

    desk = Desk(settings)
    desk.dossier(1)
    update_register(settings, desk.conn, desk.factory())
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["rebuild", "--dry-run"])
    assert args.func.__name__ == "run_rebuild"
    path = settings.paden.register
    before = path.read_bytes()
    stamp = os.stat(path).st_mtime_ns
    import wkb_desk.rules.views as views_mod  # the real views builder, when the rules are there

    assert callable(views_mod.build_dossier_views)
    assert args.func(args, settings) == 0
    out = capsys.readouterr().out
    assert "Proefdraai" in out
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == stamp


def test_links_follow_the_register_folder(workspace):
    """Register two folders deep on the share: the link climbs out relative to the register, not the config."""
    settings = workspace()
    text = settings.config_path.read_text(encoding="utf-8").replace(
        'register = "register/wkb-register.xlsx"', 'register = "gedeeld/team/wkb-register.xlsx"')
    settings.config_path.write_text(text, encoding="utf-8")
    from wkb_desk.config import load_settings

    settings = load_settings(settings.config_path)
    desk = Desk(settings)
    desk.dossier(1)
    update_register(settings, desk.conn, desk.factory())
    path = settings.paden.register
    assert path.parent.name == "team"
    target = openpyxl.load_workbook(path)["Documenten"]["B2"].hyperlink.target
    assert re.match(r"\.\./\.\./archief/2026/", target)
    assert (path.parent / unquote(target)).resolve().is_file()


def test_a_stale_calc_chain_is_dropped_when_a_formula_cell_is_overwritten(settings):
    """Excel lists formula cells in calcChain.xml; when the tool overwrites one, the list must go (Excel remakes it)."""
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0001", "Adres", '=CONCAT("Kerk","straat 1")')
    # Add the calcChain Excel would have written, and make the file look like an old copy (no trusted edits).
    tmp = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>')
            out.writestr(item, data)
        out.writestr("xl/calcChain.xml", '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     '<c r="C2" i="1"/></calcChain>')
    tmp.replace(path)
    desk.conn.execute("UPDATE register_meta SET value = 'iets-anders' WHERE key = 'token'")

    update_register(settings, desk.conn, desk.factory())
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert "xl/calcChain.xml" not in names
        assert b"calcChain" not in zf.read("[Content_Types].xml") + zf.read("xl/_rels/workbook.xml.rels")
    ws = openpyxl.load_workbook(path)["Register"]
    assert ws.cell(2, header_map(ws)["Adres"]).value == "Kerkstraat 1"


def test_a_people_header_that_looks_like_a_formula_survives_a_rebuild(settings):
    from wkb_desk.register import rebuild_register

    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    ws = wb["Register"]
    ws.cell(1, ws.max_column + 1).value = "=1+1"
    ws.cell(1, ws.max_column).data_type = "s"
    ws.cell(2, ws.max_column).value = "x"
    wb.save(path)
    rebuild_register(settings, desk.conn, desk.factory())
    with zipfile.ZipFile(path) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()
    ws = openpyxl.load_workbook(path)["Register"]
    first_free = len(REGISTER_COLUMNS) + 1
    assert header_map(ws)["=1+1"] == first_free and ws.cell(2, first_free).value == "x"


def test_documents_filter_grows_with_the_rows(settings):
    desk = Desk(settings)
    d = desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    for i in range(3):
        desk.document(d, f"bijlage-{i}.pdf", kind="borgingsplan")
    update_register(settings, desk.conn, desk.factory())
    wb = openpyxl.load_workbook(path)
    assert wb["Documenten"].auto_filter.ref == "A1:H5"
    with zipfile.ZipFile(path) as zf:
        assert "'Documenten'!$A$1:$H$5</definedName>" in zf.read("xl/workbook.xml").decode()


def _row_attrs(path, dossier_row: int) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    m = re.search(rf'<row r="{dossier_row}"([^>]*)>', xml)
    assert m, f"row {dossier_row} not in the sheet"
    return dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))


def test_each_row_is_as_tall_as_its_wrapped_text_and_headers_fit(settings):
    desk = Desk(settings)
    long_flags = tuple(flag("hoog", f"Signaal {i}: de bouwmelding kwam minder dan vier weken voor de geplande start "
                                    f"binnen (ontvangen 01-02-2026, start 10-02-2026).") for i in range(3))
    desk.dossier(1, signalen=long_flags, ontbreekt=("borgingsplan", "risicobeoordeling", "kwaliteitsborger"))
    desk.dossier(2)  # nothing wrapped: one line, the application's own height
    many = tuple(flag("middel", f"Signaal {i} met een zin die de hele kolom vult en dan nog wat langer is.") for i in range(20))
    desk.dossier(3, signalen=many)
    update_register(settings, desk.conn, desk.factory())
    path = settings.paden.register
    ws = openpyxl.load_workbook(path)["Register"]
    tall = _row_attrs(path, row_of(ws, "WKB-2026-0001"))
    assert tall.get("customHeight") == "1" and float(tall["ht"]) >= 4 * 15, "three two-line flags need room"
    assert "ht" not in _row_attrs(path, row_of(ws, "WKB-2026-0002"))
    capped = _row_attrs(path, row_of(ws, "WKB-2026-0003"))
    assert float(capped["ht"]) <= 8 * 15 + 3, "a very long cell does not make a row taller than a screen"
    for col in REGISTER_COLUMNS:  # every header shows whole next to its filter button
        letter = openpyxl.utils.get_column_letter(header_map(ws)[col.header])
        assert ws.column_dimensions[letter].width >= len(col.header) + 4, col.header

    # fewer flags later: the row shrinks back
    desk.facts["WKB-2026-0001"]["signalen"] = (flag("hoog"),)
    desk.facts["WKB-2026-0001"]["ontbreekt"] = ()
    update_register(settings, desk.conn, desk.factory())
    assert "ht" not in _row_attrs(path, row_of(openpyxl.load_workbook(path)["Register"], "WKB-2026-0001"))
